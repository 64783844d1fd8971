/** Navigator layer files: written without overwriting unless asked, read back as a baseline. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { LayerFormatError, ruleCountsFromLayer } from "../core/coverage-diff";
import type { NavigatorLayer } from "../core/navigator-layer";
import { UsageError } from "./args";

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message.split("\n")[0] ?? error.message : String(error));

/** Fails before any work is done when the file exists and --force was not given. */
export function refuseToOverwrite(path: string, force: boolean): void {
  if (!force && existsSync(path)) throw new UsageError(`${path} already exists; pass --force to overwrite it`);
}

export function writeLayerFile(path: string, layer: NavigatorLayer, force: boolean): void {
  try {
    // `wx` fails if the file appeared since the check, so a layer is never overwritten by a race.
    writeFileSync(path, JSON.stringify(layer, null, 2) + "\n", { flag: force ? "w" : "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UsageError(`${path} already exists; pass --force to overwrite it`);
    if (code === "ENOENT") throw new UsageError(`cannot write ${path}: its folder does not exist`);
    throw new UsageError(`cannot write ${path}: ${reasonOf(error)}`);
  }
}

/** Rule counts by technique from a previous export. */
export function readBaseline(path: string): Map<string, number> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === "ENOENT" ? `no baseline layer at ${path}` : `cannot read the baseline ${path}: ${reasonOf(error)}`);
  }
  try {
    return ruleCountsFromLayer(JSON.parse(text));
  } catch (error) {
    if (error instanceof LayerFormatError) throw new UsageError(`the baseline ${path} ${error.message}`);
    throw new UsageError(`the baseline ${path} is not valid JSON (${reasonOf(error)})`);
  }
}

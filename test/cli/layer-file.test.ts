/** Navigator layer files: never overwritten unless asked, read back as a baseline with messages that name the file. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../../src/cli/args";
import { readBaseline, refuseToOverwrite, writeLayerFile } from "../../src/cli/layer-file";
import type { NavigatorLayer } from "../../src/core/navigator-layer";
import { scratch } from "../support/scratch-vault";

const LAYER = { name: "a layer", techniques: [{ techniqueID: "T1059", score: 2 }] } as unknown as NavigatorLayer;

/** A file in a fresh folder, holding `text` when given. */
function fileWith(text?: string): string {
  const path = join(scratch(), "layer.json");
  if (text !== undefined) writeFileSync(path, text);
  return path;
}

describe("refuseToOverwrite", () => {
  test("passes a new path, and an existing one with --force", () => {
    expect(() => [refuseToOverwrite(fileWith(), false), refuseToOverwrite(fileWith("old"), true)]).not.toThrow();
  });

  test("refuses an existing path without --force", () => {
    const path = fileWith("old");
    expect(() => refuseToOverwrite(path, false)).toThrow(new UsageError(`${path} already exists; pass --force to overwrite it`));
  });
});

describe("writeLayerFile", () => {
  test("writes the layer as indented JSON with a final newline", () => {
    const path = fileWith();
    writeLayerFile(path, LAYER, false);
    expect(readFileSync(path, "utf8")).toBe(JSON.stringify(LAYER, null, 2) + "\n");
  });

  test("replaces a file only with --force", () => {
    const path = fileWith("old");
    expect(() => writeLayerFile(path, LAYER, false)).toThrow(new UsageError(`${path} already exists; pass --force to overwrite it`));
    expect(readFileSync(path, "utf8")).toBe("old");
    writeLayerFile(path, LAYER, true);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(LAYER);
  });

  test("a folder that does not exist is named", () => {
    const path = join(scratch(), "missing", "layer.json");
    expect(() => writeLayerFile(path, LAYER, false)).toThrow(new UsageError(`cannot write ${path}: its folder does not exist`));
  });
});

describe("readBaseline", () => {
  test("rule counts by technique from a layer, and the places (from 1) of entries that name no technique", () => {
    const layer = { techniques: [{ techniqueID: "T1059", score: 2 }, { techniqueID: "nonsense", score: 1 }] };
    expect(readBaseline(fileWith(JSON.stringify(layer)))).toEqual({ counts: new Map([["T1059", 2]]), rejected: [2] });
  });

  test.each<[string, string | undefined, (path: string) => string]>([
    ["no file", undefined, (path) => `no baseline layer at ${path}`],
    ["not JSON", "{ nope", (path) => `the baseline ${path} is not valid JSON (`],
    ["JSON that is no layer", "[]", (path) => `the baseline ${path} is not an ATT&CK Navigator layer (it has no techniques list)`],
  ])("%s: a usage error naming the file", (_name, text, message) => {
    const path = fileWith(text);
    expect(() => readBaseline(path)).toThrow(UsageError);
    expect(() => readBaseline(path)).toThrow(message(path));
  });
});

/** Builds the CLI bundle once per test run into a temporary folder, so CLI tests run it as a process. */
import { buildSync } from "esbuild";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./paths";

let builtCli: string | null = null;

export function cliBundle(): string {
  if (builtCli) return builtCli;
  const outfile = join(mkdtempSync(join(tmpdir(), "attack-vault-cli-")), "cli.js");
  buildSync({
    entryPoints: [join(REPO_ROOT, "src/cli/main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile,
    logLevel: "silent",
  });
  builtCli = outfile;
  return outfile;
}

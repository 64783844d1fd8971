/** Builds the CLI bundle once per test run into a temporary folder, so CLI tests run it as a process. */
import { buildSync } from "esbuild";
import { spawnSync } from "node:child_process";
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

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI as a child process, as a user or a CI job runs it. */
export function runCliProcess(args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [cliBundle(), ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: options.env ?? process.env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Builds the CLI bundle once per test file into a temporary folder, with the options `npm run build`
 * uses for dist/cli.js (minified, one js-yaml), so CLI tests run as a process what users run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Metafile } from "esbuild";
import { REPO_ROOT } from "./paths";

let builtCli: string | null = null;

// esbuild.config.mjs is an ES module (it awaits at top level), so a child Node imports it.
const BUILD_SCRIPT = `
import { writeFileSync } from "node:fs";
import esbuild from "esbuild";
import { cliBuildOptions } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, "esbuild.config.mjs")).href)};
const [outfile] = process.argv.slice(1);
const entryPoints = cliBuildOptions.entryPoints.map((entry) => ${JSON.stringify(REPO_ROOT + "/")} + entry);
const result = await esbuild.build({ ...cliBuildOptions, entryPoints, outfile, logLevel: "silent", metafile: true });
writeFileSync(outfile + ".meta.json", JSON.stringify(result.metafile));
`;

export function cliBundle(): string {
  if (builtCli) return builtCli;
  const outfile = join(mkdtempSync(join(tmpdir(), "attack-vault-cli-")), "cli.js");
  const build = spawnSync(process.execPath, ["--input-type=module", "-e", BUILD_SCRIPT, outfile], { cwd: REPO_ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the CLI did not build: ${build.stderr}`);
  builtCli = outfile;
  return outfile;
}

/** What esbuild put into the bundle `cliBundle` built (its inputs and their bytes). */
export function cliBundleMetafile(): Metafile {
  return JSON.parse(readFileSync(cliBundle() + ".meta.json", "utf8")) as Metafile;
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

/**
 * Target 11: `attack-vault coverage --json` as a user runs it, a whole Node process from start-up to
 * exit, against `cat` of the same Markdown files (through `xargs`), both writing to /dev/null. Node's
 * start-up, the bundle's parse, the walk, the read, the index and the report are all billed; the
 * files sit in the OS cache for both sides (setup has read them, and each side runs once first).
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync } from "node:fs";
import { listMarkdownFiles } from "../../src/cli/read-vault";
import { interleaved, pairFigure, progress, significant } from "../measure";
import type { BenchOptions } from "../options";
import { judged, notMeasured, type Judged, type TargetHeadline } from "../report";
import { largest, smallest, type BenchWorld, type ScaledVault } from "../setup";

/** Target 11's headline: its first figure (the largest vault) is held to this limit. */
export const WHOLE_COMMAND_TARGET: TargetHeadline = { target: 11, name: "whole command", unit: "×", limit: 1.3 };

/** At 1× Node's own start-up is a large share of the run, so the limit is looser there. */
const SMALL_VAULT_LIMIT = 3;

/** Runs a process to its end with stdout to /dev/null; throws with its stderr when it fails. */
function runToEnd(command: string, args: readonly string[], options: SpawnSyncOptions): void {
  const run = spawnSync(command, args, { ...options, stdio: [options.input === undefined ? "ignore" : "pipe", "ignore", "pipe"], maxBuffer: 1 << 26 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${command} exited ${run.status ?? run.signal}: ${String(run.stderr).trim().split("\n")[0] ?? ""}`);
}

/** One figure's name and limit, the same whether it was measured or not. */
function figureHeadline(scale: ScaledVault, limit: number): TargetHeadline {
  return { ...WHOLE_COMMAND_TARGET, name: `attack-vault coverage --json, whole process / cat of the same files, ${scale.label} vault`, limit };
}

function measureAt(cli: string, scale: ScaledVault, limit: number, rounds: number): Judged {
  const paths = listMarkdownFiles(scale.dir);
  // NUL-separated, relative to the vault: any file name passes through xargs unchanged.
  const fileList = Buffer.from(paths.map((path) => `${path}\0`).join(""), "utf8");
  progress(`target 11: attack-vault coverage --json on the ${scale.label} vault (${paths.length} files) against cat, ${rounds} rounds…`);
  const pair = interleaved(
    rounds,
    () => runToEnd("xargs", ["-0", "cat"], { cwd: scale.dir, input: fileList }),
    () => runToEnd(process.execPath, [cli, "coverage", "--json", scale.dir], {}),
  );
  return judged({
    ...figureHeadline(scale, limit),
    ...pairFigure(pair, (catMs, commandMs) => commandMs / catMs),
    bound: "at most",
    detail: `attack-vault ${significant(pair.subjectMs)} ms, cat ${significant(pair.baselineMs)} ms, ${paths.length} files`,
  });
}

export function measureWholeCommand(world: BenchWorld, options: BenchOptions): Judged[] {
  const cli = process.env.BENCH_CLI_JS;
  const error = process.env.BENCH_CLI_JS_ERROR;
  const scales: Array<[ScaledVault, number]> = [
    [largest(world), WHOLE_COMMAND_TARGET.limit],
    [smallest(world), SMALL_VAULT_LIMIT],
  ];
  if (error || !cli || !existsSync(cli)) {
    const why = error ?? `no CLI bundle at ${cli ?? "dist/cli.js"} (\`npm run build\` makes it)`;
    return scales.map(([scale, limit]) => notMeasured(figureHeadline(scale, limit), why));
  }
  return scales.map(([scale, limit]) => measureAt(cli, scale, limit, options.slowRounds));
}

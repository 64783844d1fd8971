/**
 * Target 12: the plugin's first build must not freeze Obsidian. In the fake app (jsdom) on the
 * largest vault: the longest the event loop is held while the index is built in slices (limit
 * 50 ms, what browsers call a long task; counted in CPU time, see plugin-load/first-build.ts), and
 * the sliced build's time against one call (≤ 1.1×). Each build runs once in a fresh process, as
 * Obsidian's first build runs once at start: two builds in one process were not alike (the second
 * ran with code the first had compiled and memory it had made the engine take, and a sliced build
 * after a one-call build ran 310-350 ms against 260 ms after another sliced one), so which ran
 * first decided the figure.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FirstBuildKind, FirstBuildRun } from "../plugin-load/first-build";
import { figureOf, inTurn, progress, significant } from "../measure";
import type { BenchOptions } from "../options";
import { judged, notMeasured, type Judged, type TargetHeadline } from "../report";
import { largest, type BenchWorld } from "../setup";

/** Target 12's headline: its first figure is held to this limit. */
export const FIRST_BUILD_TARGET: TargetHeadline = { target: 12, name: "longest slice of the first build", unit: "ms", limit: 50 };

const TOTAL: TargetHeadline = { target: 12, name: "first build in slices / in one call", unit: "×", limit: 1.1 };

/** One build in a fresh fake app (see plugin-load/first-build.ts), or why it could not run. */
function runBuild(bundle: string, dir: string, build: FirstBuildKind): FirstBuildRun | string {
  const run = spawnSync(process.execPath, ["--max-old-space-size=8192", "--expose-gc", bundle, dir, build], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) return `the fake-app run failed: ${(run.stderr || run.error?.message || "").trim().split("\n")[0] ?? ""}`;
  return JSON.parse(run.stdout) as FirstBuildRun;
}

export function measureFirstBuild(world: BenchWorld, options: BenchOptions): Judged[] {
  const { dir, label } = largest(world);
  const longest = { ...FIRST_BUILD_TARGET, name: `longest slice of the first build, fake app, ${label} vault` };
  const total = { ...TOTAL, name: `first build in slices / in one call, fake app, ${label} vault` };
  const bundle = join(__dirname, "first-build.cjs");
  const buildError = process.env.BENCH_PLUGIN_LOAD_ERROR;
  if (buildError || !existsSync(bundle)) return [notMeasured(longest, buildError ?? `no ${bundle}`), notMeasured(total, buildError ?? `no ${bundle}`)];
  // The fast targets' round count, though each round is two processes: one cold build varies by ±30%.
  const rounds = options.smoke ? 1 : options.rounds;
  progress(`target 12: the first build in a fresh fake app, ${label} vault, ${rounds} rounds of a sliced and a one-call build…`);
  const sliced: FirstBuildRun[] = [];
  const oneCall: FirstBuildRun[] = [];
  const failure = { why: "" };
  const take = (build: FirstBuildKind, into: FirstBuildRun[]): void => {
    const result = failure.why === "" ? runBuild(bundle, dir, build) : failure.why;
    if (typeof result === "string") failure.why = result;
    else into.push(result);
  };
  // Which build's process runs first alternates, as the in-process targets' sides do.
  for (let round = 0; round < rounds && failure.why === ""; round++) inTurn(round, () => take("one-call", oneCall), () => take("sliced", sliced));
  if (failure.why !== "") return [notMeasured(longest, failure.why), notMeasured(total, failure.why)];
  const notes = Math.min(...sliced.map((run) => run.notes), ...oneCall.map((run) => run.notes));
  const built = notes > 0 ? undefined : "a build left the index empty: nothing was measured";
  const median = (runs: FirstBuildRun[], pick: (run: FirstBuildRun) => number): number => figureOf(runs.map(pick)).value;
  const detail =
    `sliced ${significant(median(sliced, (run) => run.ms))} ms (collecting garbage ${significant(median(sliced, (run) => run.gcMs))}), ` +
    `one call ${significant(median(oneCall, (run) => run.ms))} ms (${significant(median(oneCall, (run) => run.gcMs))}), ${notes} notes, each build in a fresh process, slices in ${sliced[0]?.sliceClock ?? "process"} CPU time`;
  return [
    judged({ ...longest, ...figureOf(sliced.map((run) => run.longestSliceMs ?? Number.NaN)), bound: "at most", detail, failReason: built }),
    judged({ ...total, ...figureOf(sliced.map((run, round) => run.ms / (oneCall[round]?.ms ?? Number.NaN))), bound: "at most", detail, failReason: built }),
  ];
}

/**
 * Target 12: the plugin's first build must not freeze Obsidian. In the fake app (jsdom) on the
 * largest vault: the longest the event loop is held while the index is built in slices (limit
 * 50 ms, what browsers call a long task; counted in CPU time, see plugin-load/first-build.ts), and
 * the sliced build's time against one call (≤ 1.1×).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FirstBuildFigures } from "../plugin-load/first-build";
import { figureOf, progress, significant } from "../measure";
import type { BenchOptions } from "../options";
import { judged, notMeasured, type Judged, type TargetHeadline } from "../report";
import { largest, type BenchWorld } from "../setup";

/** Target 12's headline: its first figure is held to this limit. */
export const FIRST_BUILD_TARGET: TargetHeadline = { target: 12, name: "longest slice of the first build", unit: "ms", limit: 50 };

const TOTAL: TargetHeadline = { target: 12, name: "first build in slices / in one call", unit: "×", limit: 1.1 };

export function measureFirstBuild(world: BenchWorld, options: BenchOptions): Judged[] {
  const { dir, label } = largest(world);
  const longest = { ...FIRST_BUILD_TARGET, name: `longest slice of the first build, fake app, ${label} vault` };
  const total = { ...TOTAL, name: `first build in slices / in one call, fake app, ${label} vault` };
  const bundle = join(__dirname, "first-build.cjs");
  const buildError = process.env.BENCH_PLUGIN_LOAD_ERROR;
  if (buildError || !existsSync(bundle)) return [notMeasured(longest, buildError ?? `no ${bundle}`), notMeasured(total, buildError ?? `no ${bundle}`)];
  const rounds = options.smoke ? 1 : options.slowRounds;
  progress(`target 12: the first build in the fake app, ${label} vault, ${rounds} rounds…`);
  const run = spawnSync(process.execPath, ["--max-old-space-size=8192", "--single-threaded-gc", "--expose-gc", bundle, dir, String(rounds)], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) {
    const why = `the fake-app run failed: ${(run.stderr || run.error?.message || "").trim().split("\n")[0] ?? ""}`;
    return [notMeasured(longest, why), notMeasured(total, why)];
  }
  const figures = JSON.parse(run.stdout) as FirstBuildFigures[];
  const notes = Math.min(...figures.map((figure) => figure.notes));
  const built = notes > 0 ? undefined : "the sliced build left the index empty: nothing was measured";
  const median = (pick: (figure: FirstBuildFigures) => number): number => figureOf(figures.map(pick)).value;
  const detail =
    `sliced ${significant(median((figure) => figure.slicedMs))} ms (collecting garbage ${significant(median((figure) => figure.slicedGcMs))}), ` +
    `one call ${significant(median((figure) => figure.oneCallMs))} ms (${significant(median((figure) => figure.oneCallGcMs))}), ${notes} notes`;
  return [
    judged({ ...longest, ...figureOf(figures.map((figure) => figure.longestSliceMs)), bound: "at most", detail, failReason: built }),
    judged({ ...total, ...figureOf(figures.map((figure) => figure.slicedMs / figure.oneCallMs)), bound: "at most", detail, failReason: built }),
  ];
}

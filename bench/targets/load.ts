/**
 * Target 7: main.js from the production build under 100 KB, and onload doing no indexing: the
 * plugin loaded into the fake app (jsdom) must leave the index empty until layout-ready.
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { PluginLoadFigures } from "../plugin-load/main";
import { figureOf, median, progress, significant } from "../measure";
import type { BenchOptions } from "../options";
import { judged, notMeasured, type Judged, type TargetHeadline } from "../report";
import { smallest, type BenchWorld } from "../setup";

/** Target 7's headline: its first figure is held to this limit. */
export const LOAD_TARGET: TargetHeadline = { target: 7, name: "load", unit: "KB", limit: 100 };

const SIZE: TargetHeadline = { ...LOAD_TARGET, name: "main.js size, minified production build" };
const ONLOAD: TargetHeadline = { target: 7, name: "notes indexed during onload (the build waits for layout-ready), fake app", unit: "notes", limit: 0 };
const RATIO: TargetHeadline = { target: 7, name: "onload time / first index build after layout-ready, fake app", unit: "×", limit: 1 };


function mainJsSize(): Judged {
  const path = process.env.BENCH_MAIN_JS;
  const error = process.env.BENCH_MAIN_JS_ERROR;
  if (error || !path || !existsSync(path)) return notMeasured(SIZE, error ?? "the build wrote no main.js");
  const kilobytes = statSync(path).size / 1024;
  return judged({ ...SIZE, value: significant(kilobytes), bound: "under", detail: basename(path) });
}

function pluginLoad(world: BenchWorld, options: BenchOptions): Judged[] {
  const bundle = join(__dirname, "plugin-load.cjs");
  const buildError = process.env.BENCH_PLUGIN_LOAD_ERROR;
  const missing = (why: string): Judged[] => [notMeasured(ONLOAD, why), notMeasured(RATIO, why)];
  if (buildError || !existsSync(bundle)) return missing(buildError ?? `no ${bundle}`);
  const { dir, label } = smallest(world);
  progress(`target 7: loading the plugin into the fake app with the ${label} vault…`);
  const rounds = options.smoke ? 1 : options.rounds;
  const run = spawnSync(process.execPath, [bundle, dir, String(rounds)], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) return missing(`the fake-app run failed: ${(run.stderr || run.error?.message || "").trim().split("\n")[0] ?? ""}`);
  const figures = JSON.parse(run.stdout) as PluginLoadFigures[];
  const onloadMs = median(figures.map((figure) => figure.onloadMs));
  const buildMs = median(figures.map((figure) => figure.buildMs));
  const notesAfterOnload = Math.max(...figures.map((figure) => figure.notesAfterOnload));
  const notesAfterBuild = Math.min(...figures.map((figure) => figure.notesAfterBuild));
  const detail = `onload ${significant(onloadMs)} ms; first build after layout-ready ${significant(buildMs)} ms for ${notesAfterBuild} notes (${label} vault)`;
  const built = notesAfterBuild > 0 ? undefined : "the index was still empty after layout-ready: nothing was measured";
  return [
    judged({ ...ONLOAD, value: notesAfterOnload, bound: "at most", detail, failReason: built }),
    judged({ ...RATIO, ...figureOf(figures.map((figure) => figure.onloadMs / figure.buildMs)), bound: "under", detail, failReason: built }),
  ];
}

export function measureLoad(world: BenchWorld, options: BenchOptions): Judged[] {
  return [mainJsSize(), ...pluginLoad(world, options)];
}

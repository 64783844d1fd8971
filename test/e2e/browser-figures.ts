/**
 * Where the browser timings go: the benchmark's target 8 reads bench/.build/browser-figures.json
 * (see bench/targets/browser.ts: an array of { name, value, limit, unit }); the run's figures as
 * one object also go beside the screenshots.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { REPO_ROOT } from "../support/paths";
import { ARTIFACTS_DIR } from "./browser-session";
import type { BrowserFigures } from "./page/e2e-api";

export const BENCH_FIGURES_FILE = join(REPO_ROOT, "bench/.build/browser-figures.json");
export const FIGURES_FILE = join(ARTIFACTS_DIR, "browser-figures.json");
/** Opening the panel or a note answers a person's action: RAIL's budget for a response that feels instant is 100 ms. */
const RESPONSE_BUDGET_MS = 100;

export function benchFigures(figures: BrowserFigures): Array<{ name: string; value: number; limit: number; unit: string }> {
  return [
    { name: `panel first render, ${figures.vault}, ${figures.techniques} techniques (plain <div> rows: ${figures.panelBaselineMs} ms)`, value: figures.panelFirstRenderMs, limit: RESPONSE_BUDGET_MS, unit: "ms" },
    { name: `T1059.001 note's query blocks, ${figures.vault} (plain <div> rows: ${figures.noteBaselineMs} ms)`, value: figures.noteBlocksRenderMs, limit: RESPONSE_BUDGET_MS, unit: "ms" },
  ];
}

function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2) + "\n");
}

export function writeFigures(figures: BrowserFigures): void {
  writeJson(FIGURES_FILE, figures);
  writeJson(BENCH_FIGURES_FILE, benchFigures(figures));
}

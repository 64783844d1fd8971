/** Target 1: every technique note's query blocks against the largest vault, the index against a scan of every note. */
import { evaluateQuery } from "../../src/core/query/evaluate";
import { interleaved, pairFigure, progress, significant } from "../measure";
import type { BenchOptions } from "../options";
import type { Measured, TargetHeadline } from "../report";
import { scanQuery, scannedNotes } from "../scan-baseline";
import { largest, type BenchWorld } from "../setup";

/** Target 1's headline: its first figure is held to this limit. */
export const QUERY_EVALUATION_TARGET: TargetHeadline = { target: 1, name: "query evaluation", unit: "×", limit: 100 };

export function measureQueryEvaluation(world: BenchWorld, options: BenchOptions): Measured[] {
  const { label, vault } = largest(world);
  const { index } = vault;
  const queries = world.techniqueQueries;
  const notes = scannedNotes(index);
  progress(`target 1: ${queries.length} queries on the ${label} vault, index vs. every-note scan…`);
  // Both must give the same answers, or the ratio compares different work.
  let results = 0;
  let differing = 0;
  for (const query of queries) {
    const fromIndex = evaluateQuery(query, index);
    const fromScan = scanQuery(query, notes);
    results += fromIndex.length;
    if (fromIndex.length !== fromScan.length || fromIndex.some((path, i) => path !== fromScan[i])) differing++;
  }
  let sink = 0;
  const pair = interleaved(
    options.slowRounds,
    () => {
      for (const query of queries) sink += scanQuery(query, notes).length;
    },
    () => {
      for (const query of queries) sink += evaluateQuery(query, index).length;
    },
    { warmUp: false }, // the answer check above has run both sides
  );
  if (sink < 0) progress("unreachable"); // keeps the answers alive
  const failReason = differing > 0 ? `${differing} queries answer differently from the scan` : undefined;
  // No absolute limit per result: microseconds measure the machine; the ratio to the scan measures the design.
  const perResult = significant((pair.subjectMs * 1000) / Math.max(1, results));
  return [
    {
      target: QUERY_EVALUATION_TARGET.target,
      name: `query evaluation: scan time / index time, ${queries.length} technique queries, ${label} vault`,
      ...pairFigure(pair, (scanMs, indexMs) => scanMs / indexMs),
      limit: QUERY_EVALUATION_TARGET.limit,
      unit: "×",
      bound: "at least",
      detail: `index ${significant(pair.subjectMs)} ms (${perResult} µs per result), scan ${significant(pair.baselineMs)} ms, ${results} results`,
      failReason,
    },
  ];
}

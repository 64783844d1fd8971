/**
 * Target 5: the coverage of every technique with rollup and one filter (a platform), on the 1× vault,
 * as the panel asks for it when a filter changes, against one pass over the same techniques that
 * only reads each row's counts. Rows are worked out once per index revision, so the detail also
 * shows a report right after a note changed. Linearity: the coverage of all technique families,
 * each right after a change, against the coverage of each quarter of them (every fourth family)
 * computed in turn. The quarters add up to the whole, so a linear cost gives ≈ 1
 * whatever the number of rules per technique, while a quadratic one gives ≈ 4.
 */
import { computeCoverage } from "../../src/core/coverage";
import type { NoteRecord } from "../../src/core/note";
import { parentTechniqueId } from "../../src/core/technique-id";
import { VaultIndex } from "../../src/core/vault-index";
import { callsPerSample, interleaved, pairFigure, progress, significant } from "../measure";
import type { BenchOptions } from "../options";
import type { Measured, TargetHeadline } from "../report";
import { smallest, type BenchWorld } from "../setup";

/** Target 5's headline: its first figure is held to this limit. */
export const COVERAGE_TARGET: TargetHeadline = { target: 5, name: "coverage", unit: "×", limit: 5 };

const FILTER = { platform: "Windows" };

/** Every fourth technique family (a parent with its sub-techniques) from `offset`, with the rule and test notes about it. */
function familyQuarter(index: VaultIndex, offset: number): VaultIndex {
  const family = (id: string): string => parentTechniqueId(id) ?? id;
  const families = [...new Set([...index.techniqueIdsWithNotes()].map(family))].sort();
  const kept = new Set(families.filter((_, i) => i % 4 === offset));
  const records: NoteRecord[] = [];
  for (const note of index.notes()) if (note.kind === "other" || note.techniqueIds.some((id) => kept.has(family(id)))) records.push(note.record);
  const subset = new VaultIndex(index.conventions);
  for (const record of records) subset.upsert(record);
  return subset;
}

/** A note with no tags upserted again: the index's revision moves, so its coverage rows are worked out again. */
const CHANGE: NoteRecord = { path: "bench/changed.md", frontmatter: null, inlineTags: [] };

function techniqueCount(index: VaultIndex): number {
  return [...index.techniqueIdsWithNotes()].length;
}

/**
 * The least a coverage report does: every technique with a note, in ID order, its rule and test
 * counts read, with its sub-techniques' added (the rollup). No rows, lists, filter or tactics.
 */
function countsPass(index: VaultIndex): () => number {
  return () => {
    let counted = 0;
    for (const id of [...index.techniqueIdsWithNotes()].sort()) {
      const family = parentTechniqueId(id) ?? id;
      counted += index.rulesFor(id).size + index.testsFor(id).size + (family === id ? 0 : index.rulesFor(family).size);
    }
    return counted;
  };
}

export function measureCoverage(world: BenchWorld, options: BenchOptions): Measured[] {
  const { label, vault } = smallest(world);
  const all = vault.index;
  const quarters = [0, 1, 2, 3].map((offset) => familyQuarter(all, offset));
  const quarterSizes = quarters.map(techniqueCount).join(" + ");
  progress(`target 5: coverage of ${techniqueCount(all)} techniques, and of ${quarterSizes} in turn, ${label} vault…`);
  let sink = 0;
  const coverageOf = (indexes: VaultIndex[], times: number, afterChange = false) => (): void => {
    for (let i = 0; i < times; i++) {
      for (const index of indexes) {
        if (afterChange) index.upsert(CHANGE);
        sink += computeCoverage(index, { rollup: true, filter: FILTER }).rows.length;
      }
    }
  };
  // A single call lasts a millisecond or so, near the timer's and the scheduler's noise: samples of about 20 ms.
  const allTimes = callsPerSample(coverageOf([all], 1), 20, options.smoke);
  const changedTimes = callsPerSample(coverageOf([all], 1, true), 20, options.smoke);
  const quarterTimes = callsPerSample(coverageOf(quarters, 1, true), 20, options.smoke);
  const counts = countsPass(all);
  const countsTimes = callsPerSample(() => (sink += counts()), 20, options.smoke);
  const countsOnly = (): void => {
    for (let i = 0; i < countsTimes; i++) sink += counts();
  };
  const coverage = interleaved(options.rounds * 2 + 1, countsOnly, coverageOf([all], allTimes), { collect: false });
  const linearity = interleaved(options.rounds * 2 + 1, coverageOf(quarters, quarterTimes, true), coverageOf([all], changedTimes, true), { collect: false });
  if (sink < 0) progress("unreachable");
  const allMs = linearity.subjectMs / changedTimes;
  const quartersMs = linearity.baselineMs / quarterTimes;
  return [
    {
      target: COVERAGE_TARGET.target,
      name: `coverage of all techniques, rollup and a platform filter / a pass reading each technique's counts, ${label} vault`,
      ...pairFigure(coverage, (countsMs, coverageMs) => coverageMs / allTimes / (countsMs / countsTimes)),
      limit: COVERAGE_TARGET.limit,
      unit: "×",
      bound: "at most",
      detail: `coverage ${significant(coverage.subjectMs / allTimes)} ms (${significant(allMs)} ms right after a note changed), counts ${significant((coverage.baselineMs / countsTimes) * 1000)} µs, ${techniqueCount(all)} techniques`,
    },
    {
      target: 5,
      name: `coverage linearity, each right after a change: all techniques / its four quarters one after another (linear ≈ 1), ${label} vault`,
      ...pairFigure(linearity, (quartersTimed, allTimed) => allTimed / changedTimes / (quartersTimed / quarterTimes)),
      limit: 1.5,
      unit: "×",
      bound: "at most",
      detail: `${significant(allMs)} ms for ${techniqueCount(all)}, ${significant(quartersMs)} ms for ${quarterSizes}`,
    },
  ];
}

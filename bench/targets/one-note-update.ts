/**
 * Target 2: one rule note's tags change; the index updates and works out which technique blocks
 * and which coverage rows that touches. The cost at each larger scale against the cost at 1×.
 */
import type { NoteRecord } from "../../src/core/note";
import { isAffectedBy, type BlockDependencies } from "../../src/core/query-block-view";
import { queryTags } from "../../src/core/query/evaluate";
import { frontmatterTags } from "../../src/core/tag-facts";
import { parentTechniqueId, parseTechniqueId, techniqueIdAsTag } from "../../src/core/technique-id";
import type { IndexChange, VaultIndex } from "../../src/core/vault-index";
import { callsPerSample, interleaved, pairFigure, progress, significant } from "../measure";
import type { BenchOptions } from "../options";
import type { Measured, TargetHeadline } from "../report";
import { smallest, type BenchWorld, type ScaledVault } from "../setup";

/** Target 2's headline: its first figure is held to this limit. */
export const ONE_NOTE_UPDATE_TARGET: TargetHeadline = { target: 2, name: "one-note update", unit: "×", limit: 2 };

interface OpenBlock {
  dependencies: BlockDependencies;
}

/** Every technique note's blocks as if open: what each depends on. */
function openBlocks(world: BenchWorld): OpenBlock[] {
  return world.techniqueQueries.map((query) => ({ dependencies: queryTags(query) }));
}

/** Coverage rows a change can move: each technique it touched that has a note, and the parent it rolls up into. */
function affectedRows(index: VaultIndex, change: IndexChange): Set<string> {
  const rows = new Set<string>();
  for (const id of change.techniqueIds) {
    for (const rowId of [id, parentTechniqueId(id)]) if (rowId && index.techniqueNotesFor(rowId).size > 0) rows.add(rowId);
  }
  return rows;
}

/** The first rule note (by path) about a technique that has a note, and a copy of it retagged to another such technique. */
function ruleAndRetagged(index: VaultIndex): [NoteRecord, NoteRecord] {
  const withNotes = [...index.techniqueIdsWithNotes()].sort();
  const rules = [...index.notes()].filter((note) => note.kind === "rule" && note.techniqueIds.some((id) => index.techniqueNotesFor(id).size > 0));
  const rule = rules.sort((a, b) => (a.path < b.path ? -1 : 1))[0];
  const other = withNotes.find((id) => !rule?.techniqueIds.includes(id));
  if (!rule || !other) throw new Error("the vault has no rule note about a technique with a note");
  const tags = frontmatterTags(rule.record.frontmatter).filter((tag) => parseTechniqueId(tag) === null);
  const retagged: NoteRecord = { ...rule.record, frontmatter: { ...rule.record.frontmatter, tags: [...tags, techniqueIdAsTag(other).toLowerCase()] } };
  return [rule.record, retagged];
}

/** `pairs` times: retag the note, then tag it back; each update also finds the affected blocks and rows. */
function updater(scale: ScaledVault, blocks: OpenBlock[], records: [NoteRecord, NoteRecord], pairs: number): () => number {
  const { index } = scale.vault;
  return () => {
    let touched = 0;
    for (let pair = 0; pair < pairs; pair++) {
      for (const record of records) {
        const change = index.upsert(record);
        for (const block of blocks) if (isAffectedBy(block.dependencies, change)) touched++;
        touched += affectedRows(index, change).size;
      }
    }
    return touched;
  };
}

export function measureOneNoteUpdate(world: BenchWorld, options: BenchOptions): Measured[] {
  const base = smallest(world);
  const records = ruleAndRetagged(base.vault.index);
  progress(`target 2: retagging ${records[0].path} at each scale…`);
  const baseBlocks = openBlocks(world);
  // Enough updates per sample to last about 50 ms at 1×, well above the timer's grain.
  const pairs = 10 * callsPerSample(updater(base, baseBlocks, records, 10), 50, options.smoke);
  const baseUpdate = updater(base, baseBlocks, records, pairs);
  return world.scales.slice(1).map((scale) => {
    const update = updater(scale, openBlocks(world), records, pairs);
    const pair = interleaved(options.rounds, baseUpdate, update, { collect: false });
    const perUpdate = (ms: number): number => significant((ms * 1000) / (2 * pairs));
    return {
      target: ONE_NOTE_UPDATE_TARGET.target,
      name: `one-note update: cost at ${scale.label} / cost at ${base.label}`,
      ...pairFigure(pair, (baseMs, scaledMs) => scaledMs / baseMs),
      limit: ONE_NOTE_UPDATE_TARGET.limit,
      unit: "×",
      bound: "at most",
      detail: `${perUpdate(pair.subjectMs)} µs vs ${perUpdate(pair.baselineMs)} µs per update, ${world.techniqueQueries.length} blocks checked`,
    };
  });
}

/**
 * Target 6: heap growth per indexed note on the largest vault. The records are built as the plugin
 * builds them from the metadata cache (a new wrapper per note, the frontmatter shared with the cache),
 * so the growth is what the index adds to what Obsidian already holds.
 */
import { VaultIndex } from "../../src/core/vault-index";
import { collectGarbage, figureOf, hasGc, progress } from "../measure";
import type { BenchOptions } from "../options";
import type { Measured, TargetHeadline } from "../report";
import { largest, type BenchWorld } from "../setup";

/** Target 6's headline: its first figure is held to this limit. */
export const MEMORY_TARGET: TargetHeadline = { target: 6, name: "memory per indexed note", unit: "B", limit: 1024 };

function settledHeap(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

export function measureMemory(world: BenchWorld, options: BenchOptions): Measured[] {
  const { label, vault } = largest(world);
  const { records } = vault.read;
  progress(`target 6: heap growth of an index of ${records.length} notes, ${label} vault…`);
  const samples: number[] = [];
  let notes = 0;
  for (let round = 0; round < Math.min(options.slowRounds, 5); round++) {
    const before = settledHeap();
    const index = new VaultIndex(vault.index.conventions);
    for (const record of records) index.upsert({ path: record.path, frontmatter: record.frontmatter, inlineTags: [...record.inlineTags] });
    const after = settledHeap();
    notes = index.size; // also keeps the index alive until after the measurement
    samples.push((after - before) / Math.max(1, notes));
  }
  return [
    {
      target: MEMORY_TARGET.target,
      name: `heap growth per indexed note, ${label} vault`,
      ...figureOf(samples),
      limit: MEMORY_TARGET.limit,
      unit: "B",
      bound: "under",
      detail: `${notes} notes`,
      failReason: hasGc() ? undefined : "run node with --expose-gc: without it the heap cannot be settled",
    },
  ];
}

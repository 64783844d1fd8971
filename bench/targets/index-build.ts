/**
 * Target 4: building the index from note records that are already parsed, as the plugin does from
 * Obsidian's metadata cache, against a loop that builds tag → paths postings: the least an inverted
 * index does. The old baseline, each note's tags put into a Map by path, stays in the detail for
 * context; no index that classifies notes can come near it.
 */
import type { NoteRecord } from "../../src/core/note";
import { VaultIndex } from "../../src/core/vault-index";
import { interleaved, pairFigure, progress, significant } from "../measure";
import type { BenchOptions } from "../options";
import type { Measured, TargetHeadline } from "../report";
import { largest, smallest, type BenchWorld, type ScaledVault } from "../setup";

/** Target 4's headline: its first figure is held to this limit. */
export const INDEX_BUILD_TARGET: TargetHeadline = { target: 4, name: "index build from metadata", unit: "×", limit: 3 };

/** The note's tags as the cache holds them: the frontmatter list (or string), then the inline ones. */
function bareTags(record: NoteRecord): unknown[] {
  const raw = record.frontmatter ? (record.frontmatter.tags ?? record.frontmatter.tag) : undefined;
  const tags: unknown[] = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[,\s]+/) : [];
  return record.inlineTags.length > 0 ? tags.concat(record.inlineTags) : tags;
}

/** The baseline: each note's path pushed under each of its raw tags. */
function tagToPathsLoop(records: readonly NoteRecord[]): number {
  const pathsByTag = new Map<unknown, string[]>();
  for (const record of records) {
    for (const tag of bareTags(record)) {
      const paths = pathsByTag.get(tag);
      if (paths) paths.push(record.path);
      else pathsByTag.set(tag, [record.path]);
    }
  }
  return pathsByTag.size;
}

function measureAt(scale: ScaledVault, rounds: number): Measured {
  const { records } = scale.vault.read;
  const { conventions } = scale.vault.index;
  progress(`target 4: index build from ${records.length} parsed records, ${scale.label} vault…`);
  let sink = 0;
  // The plugin's first build and the CLI's read both load every record at once.
  const buildIndex = (): void => {
    const index = new VaultIndex(conventions);
    index.load(records);
    sink += index.size;
  };
  const pair = interleaved(
    rounds,
    () => {
      sink += tagToPathsLoop(records);
    },
    buildIndex,
  );
  const context = interleaved(
    Math.min(rounds, 3),
    () => {
      const tagsByPath = new Map<string, unknown[]>();
      for (const record of records) tagsByPath.set(record.path, bareTags(record));
      sink += tagsByPath.size;
    },
    () => {
      sink += tagToPathsLoop(records);
    },
  );
  if (sink < 0) progress("unreachable");
  return {
    target: INDEX_BUILD_TARGET.target,
    name: `index build from parsed records / tag → paths postings loop, ${scale.label} vault`,
    ...pairFigure(pair, (postingsMs, indexMs) => indexMs / postingsMs),
    limit: INDEX_BUILD_TARGET.limit,
    unit: "×",
    bound: "at most",
    detail:
      `index ${significant(pair.subjectMs)} ms, postings ${significant(pair.baselineMs)} ms, ${records.length} notes; ` +
      `for context, tags into a Map by path ${significant(context.baselineMs)} ms`,
  };
}

export function measureIndexBuild(world: BenchWorld, options: BenchOptions): Measured[] {
  return [measureAt(smallest(world), options.rounds), measureAt(largest(world), options.slowRounds)];
}

/** Obsidian's metadata cache → the core's note record, with no file read. */
import type { CachedMetadata, TFile } from "obsidian";
import type { NoteRecord } from "../core/note";
import { isPlainObject } from "../core/plain-object";

export const UNREADABLE_FRONTMATTER = "has frontmatter that Obsidian could not read as properties (invalid YAML, or a list or a single value); its tags and properties are ignored";

/**
 * Obsidian sets `frontmatter` and `frontmatterPosition` only when the YAML parses to a mapping;
 * a block it could not read shows only as a first section of type `yaml` (worker.js, id 56547900761).
 */
function hasUnreadableFrontmatter(cache: CachedMetadata | null): boolean {
  const first = cache?.sections?.[0];
  // `---` right after `---` is an empty block, which YAML reads as nothing: no properties, no problem.
  return first?.type === "yaml" && first.position.end.line - first.position.start.line > 1;
}

export function noteRecordFrom(file: TFile, cache: CachedMetadata | null): NoteRecord {
  const raw = cache?.frontmatter;
  // The cache holds the raw YAML mapping; anything else is no frontmatter at all.
  const frontmatter = isPlainObject(raw) ? raw : null;
  const position = cache?.frontmatterPosition;
  return {
    path: file.path,
    frontmatter,
    // The YAML's length bounds what a property search reads, however Obsidian's parser expanded its aliases.
    frontmatterSize: position ? position.end.offset - position.start.offset : 0,
    // `cache.tags` holds only the body's inline tags, each with its `#`.
    inlineTags: (cache?.tags ?? []).map((tagCache) => tagCache.tag.replace(/^#/, "")),
    ...(!frontmatter && hasUnreadableFrontmatter(cache) ? { frontmatterProblem: UNREADABLE_FRONTMATTER } : {}),
  };
}

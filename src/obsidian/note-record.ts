/** Obsidian's metadata cache → the core's note record, with no file read. */
import type { CachedMetadata, TFile } from "obsidian";
import type { NoteRecord } from "../core/note";

export const UNREADABLE_FRONTMATTER = "has frontmatter that Obsidian could not read as properties (invalid YAML, or a list or a single value); its tags and properties are ignored";

export function noteRecordFrom(file: TFile, cache: CachedMetadata | null): NoteRecord {
  const raw = cache?.frontmatter;
  // The cache holds the raw YAML mapping; anything else is no frontmatter at all.
  const frontmatter = raw && typeof raw === "object" && !Array.isArray(raw) ? raw : null;
  return {
    path: file.path,
    frontmatter,
    // `cache.tags` holds only the body's inline tags, each with its `#`.
    inlineTags: (cache?.tags ?? []).map((tagCache) => tagCache.tag.replace(/^#/, "")),
    // A frontmatter block the cache found but could not turn into properties.
    ...(cache?.frontmatterPosition && !frontmatter ? { frontmatterProblem: UNREADABLE_FRONTMATTER } : {}),
  };
}

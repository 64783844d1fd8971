/** Obsidian's metadata cache → the core's note record, with no file read. */
import type { CachedMetadata, TFile } from "obsidian";
import type { NoteRecord } from "../core/note";

export function noteRecordFrom(file: TFile, cache: CachedMetadata | null): NoteRecord {
  const frontmatter = cache?.frontmatter;
  return {
    path: file.path,
    // The cache holds the raw YAML mapping; anything else is no frontmatter at all.
    frontmatter: frontmatter && typeof frontmatter === "object" && !Array.isArray(frontmatter) ? frontmatter : null,
    // `cache.tags` holds only the body's inline tags, each with its `#`.
    inlineTags: (cache?.tags ?? []).map((tagCache) => tagCache.tag.replace(/^#/, "")),
  };
}

/** Small builders for note records in core tests. */
import type { NoteRecord } from "../../src/core/note";

export function record(path: string, frontmatter: Record<string, unknown> | null = null, inlineTags: string[] = []): NoteRecord {
  return { path, frontmatter, inlineTags };
}

export const technique = (id: string, name: string, extra: Record<string, unknown> = {}): NoteRecord =>
  record(`Use Cases/${id} - ${name}.md`, { tactics: "Execution", platforms: "Windows", tags: [id.replace(".", "_"), "techniques", "Execution"], ...extra });

export const rule = (file: string, tags: string[], extra: Record<string, unknown> = {}): NoteRecord =>
  record(`Detection Rules/${file}.md`, { title: file, level: "high", tags: [...tags, "detection_rule"], ...extra });

export const test = (file: string, tags: string[]): NoteRecord => record(`Testing Runbooks/${file}.md`, { tags: [...tags, "atomic_test"] });

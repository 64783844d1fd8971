/**
 * The baseline for query evaluation: the same parsed queries answered by testing every note's own
 * tag set (and path, and properties), with no inverted index. Tag sets are built once, beforehand,
 * as any scanning engine would keep them.
 */
import type { QueryNode } from "../src/core/query/ast";
import { parentTagKeys } from "../src/core/tags";
import type { VaultIndex } from "../src/core/vault-index";

export interface ScannedNote {
  path: string;
  lowerPath: string;
  lowerFileName: string;
  /** The note's tag keys and every parent of a nested one, so `tag:a` finds `a/b` with one lookup. */
  tags: Set<string>;
  properties: Readonly<Record<string, unknown>> | null;
}

export function scannedNotes(index: VaultIndex): ScannedNote[] {
  const notes: ScannedNote[] = [];
  for (const note of index.notes()) {
    const tags = new Set<string>();
    for (const key of note.tagKeys) {
      tags.add(key);
      for (const parent of parentTagKeys(key)) tags.add(parent);
    }
    const lowerPath = note.path.toLowerCase();
    notes.push({ path: note.path, lowerPath, lowerFileName: lowerPath.slice(lowerPath.lastIndexOf("/") + 1), tags, properties: note.record.frontmatter });
  }
  return notes;
}

function propertyTexts(properties: Readonly<Record<string, unknown>> | null, name: string): string[] | null {
  if (!properties) return null;
  let texts: string[] | null = null;
  for (const key of Object.keys(properties)) {
    const value = properties[key];
    if (key.toLowerCase() !== name || value === null || value === undefined) continue;
    texts ??= [];
    for (const element of Array.isArray(value) ? value : [value]) {
      if (element !== null && element !== undefined) texts.push((typeof element === "string" ? element : JSON.stringify(element) ?? "").toLowerCase());
    }
  }
  return texts;
}

function test(node: QueryNode, note: ScannedNote): boolean {
  switch (node.type) {
    case "tag":
      return note.tags.has(node.tag);
    case "technique":
    case "profile":
    case "coverage":
      throw new Error(`the bench's queries come from query blocks, which cannot hold ${node.type}: terms`);
    case "path":
      return note.lowerPath.includes(node.value.toLowerCase());
    case "file":
      return note.lowerFileName.includes(node.value.toLowerCase());
    case "property": {
      const texts = propertyTexts(note.properties, node.name.toLowerCase());
      if (!texts) return false;
      const needle = node.value?.toLowerCase();
      return needle === undefined || texts.some((text) => text.includes(needle));
    }
    case "not":
      return !test(node.child, note);
    case "and":
      return node.children.every((child) => test(child, note));
    case "or":
      return node.children.some((child) => test(child, note));
  }
}

/** Every note tested against the query, in path order as the index answers. */
export function scanQuery(query: QueryNode, notes: readonly ScannedNote[]): string[] {
  const found: string[] = [];
  for (const note of notes) if (test(query, note)) found.push(note.path);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

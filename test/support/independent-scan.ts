/**
 * A deliberately simple, separate reading of a vault with Obsidian's tag semantics,
 * used to check the core's answers: no code shared with src/ beyond js-yaml.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";

export interface ScannedNote {
  path: string;
  tags: Set<string>;
}

function walk(dir: string, relative = ""): string[] {
  return readdirSync(join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".")) return [];
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return walk(dir, path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

function frontmatterTagList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((tag) => typeof tag === "string" || typeof tag === "number").map(String);
  return typeof value === "string" ? value.split(/[,\s]+/) : [];
}

export function scanVault(dir: string): ScannedNote[] {
  return walk(dir).map((path) => {
    const text = readFileSync(join(dir, path)).toString("utf8");
    const tags: string[] = [];
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    let body = text;
    if (match) {
      body = text.slice(match[0].length);
      try {
        const data = load(match[1] ?? "") as Record<string, unknown> | null;
        if (data && typeof data === "object") tags.push(...frontmatterTagList(data.tags), ...frontmatterTagList(data.tag));
      } catch {
        // Invalid YAML: Obsidian reads no properties, so no frontmatter tags.
      }
    }
    const withoutCode = body.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
    for (const inline of withoutCode.matchAll(/(?:^|\s)#([\p{L}\p{N}_/-]+)/gu)) if (!/^\d+$/.test(inline[1] ?? "")) tags.push(inline[1] ?? "");
    return { path, tags: new Set(tags.map((tag) => tag.replace(/^#/, "").toLowerCase()).filter(Boolean)) };
  });
}

/** Notes carrying every tag (or a tag nested below it), sorted by path: the `tag: a` AND `tag: b` blocks. */
export function notesWithAllTags(notes: readonly ScannedNote[], wanted: readonly string[]): string[] {
  const has = (tags: Set<string>, tag: string): boolean => [...tags].some((candidate) => candidate === tag || candidate.startsWith(tag + "/"));
  return notes
    .filter((note) => wanted.every((tag) => has(note.tags, tag)))
    .map((note) => note.path)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Frontmatter parsing and the exported helpers that read it (getAllTags, parseFrontMatter*).
 * YAML goes through js-yaml's core schema: like Obsidian, dates stay strings, numbers are numbers.
 */
import type { CachedMetadata, FrontMatterInfo } from "obsidian";
import { CORE_SCHEMA, dump, load } from "js-yaml";
import { frontmatterEnd, splitLines } from "./markdown-blocks";

export function parseYaml(yaml: string): unknown {
  return load(yaml, { schema: CORE_SCHEMA });
}

export function stringifyYaml(value: unknown): string {
  return dump(value, { schema: CORE_SCHEMA, lineWidth: -1 });
}

/** The frontmatter mapping, or undefined when the YAML does not parse or is not a mapping. */
export function parseFrontmatterYaml(yaml: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = parseYaml(yaml);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
  return parsed as Record<string, unknown>;
}

export function getFrontMatterInfo(content: string): FrontMatterInfo {
  const lines = splitLines(content);
  const end = frontmatterEnd(lines);
  if (end === null) return { exists: false, frontmatter: "", from: 0, to: 0, contentStart: 0 };
  const newline = content.includes("\r\n") ? 2 : 1;
  const from = 3 + newline;
  let to = from;
  for (let i = 1; i < end; i++) to += (lines[i]?.length ?? 0) + newline;
  const contentStart = Math.min(content.length, to + 3 + newline);
  return { exists: true, frontmatter: content.slice(from, to), from, to, contentStart };
}

// The readers below follow Obsidian's own (app.js, deobfuscated, public copy id 56654808040).

/** A string key by own property; a RegExp: the first own key (in order) it matches, whatever its value. */
export function parseFrontMatterEntry(frontmatter: unknown, key: string | RegExp): unknown {
  if (!frontmatter || typeof frontmatter !== "object") return null;
  const record = frontmatter as Record<string, unknown>;
  if (typeof key === "string") return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : null;
  for (const name of Object.keys(record)) if (key.test(name)) return record[name];
  return null;
}

/** A string is one trimmed item; a list keeps its strings, trimmed; anything else is null. */
export function parseFrontMatterStringArray(frontmatter: unknown, key: string | RegExp): string[] | null {
  const value = parseFrontMatterEntry(frontmatter, key);
  if (!value) return null;
  if (typeof value === "string") return [value.trim()];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string").map((item) => item.trim()) : null;
}

/** `tags` in any case (not `tag`); empty values and values holding a space dropped; `#` added. */
export function parseFrontMatterTags(frontmatter: unknown): string[] | null {
  if (!frontmatter) return null;
  const tags = parseFrontMatterStringArray(frontmatter, /^tags$/i);
  return tags && tags.filter((tag) => !!tag && !tag.includes(" ")).map((tag) => (tag.startsWith("#") ? tag : "#" + tag));
}

/** `aliases` in any case (not `alias`). */
export function parseFrontMatterAliases(frontmatter: unknown): string[] | null {
  return parseFrontMatterStringArray(frontmatter, /^aliases$/i);
}

/** Frontmatter tags then inline tags, all with '#', duplicates kept. */
export function getAllTags(cache: CachedMetadata | null): string[] | null {
  if (!cache) return null;
  const tags: string[] = [];
  const frontmatterTags = parseFrontMatterTags(cache.frontmatter ?? null);
  if (frontmatterTags) tags.push(...frontmatterTags);
  for (const tagCache of cache.tags ?? []) tags.push(tagCache.tag);
  return tags;
}

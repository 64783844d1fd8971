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

/** Obsidian's lookup: a string key matches exactly, a RegExp the first key it matches with a non-null value. */
export function parseFrontMatterEntry(frontmatter: unknown, key: string | RegExp): unknown {
  if (!frontmatter || typeof frontmatter !== "object") return null;
  const record = frontmatter as Record<string, unknown>;
  if (typeof key === "string") return record[key] ?? null;
  for (const name of Object.keys(record)) {
    if (key.test(name) && record[name] !== null && record[name] !== undefined) return record[name];
  }
  return null;
}

/** A list property as strings; a single string is split on commas (and whitespace when asked). */
export function parseFrontMatterStringArray(frontmatter: unknown, key: string | RegExp, splitOnSpaces = false): string[] | null {
  const value = parseFrontMatterEntry(frontmatter, key);
  if (value === null || value === undefined) return null;
  const items = Array.isArray(value) ? value : [value];
  const strings: string[] = [];
  for (const item of items) {
    if (item === null || item === undefined || typeof item === "object") continue;
    const text = String(item);
    const parts = Array.isArray(value) ? [text] : text.split(splitOnSpaces ? /[,\s]+/ : /,/);
    for (const part of parts) if (part.trim() !== "") strings.push(part.trim());
  }
  return strings;
}

export function parseFrontMatterTags(frontmatter: unknown): string[] | null {
  const tags = parseFrontMatterStringArray(frontmatter, /^tags?$/i, true);
  return tags && tags.map((tag) => (tag.startsWith("#") ? tag : "#" + tag));
}

export function parseFrontMatterAliases(frontmatter: unknown): string[] | null {
  return parseFrontMatterStringArray(frontmatter, /^alias(es)?$/i);
}

/** Frontmatter tags then inline tags, all with '#', duplicates kept. */
export function getAllTags(cache: CachedMetadata): string[] | null {
  const tags: string[] = [];
  const frontmatterTags = parseFrontMatterTags(cache.frontmatter ?? null);
  if (frontmatterTags) tags.push(...frontmatterTags);
  for (const tagCache of cache.tags ?? []) tags.push(tagCache.tag);
  return tags;
}

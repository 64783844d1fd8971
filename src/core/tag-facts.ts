/**
 * What a raw tag string means, worked out once per distinct string: a vault has a few thousand
 * distinct tags across tens of thousands of notes, so classifying a note becomes Map lookups.
 */
import { cleanTag, tagKey } from "./tags";
import { parseTechniqueId } from "./technique-id";

export interface TagFacts {
  /** As written, without `#`. */
  tag: string;
  /** Lower case: what tags match by. */
  key: string;
  /** The technique ID the tag spells, if any. */
  techniqueId: string | null;
}

// Bounded so that a vault of random tags cannot grow it without end.
const MAX_CACHED = 50_000;
const cache = new Map<string, TagFacts | null>();

function factsOf(text: string): TagFacts | null {
  let facts = cache.get(text);
  if (facts !== undefined) return facts;
  const tag = cleanTag(text);
  facts = tag === null ? null : { tag, key: tagKey(tag), techniqueId: parseTechniqueId(tag) };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, facts);
  return facts;
}

/**
 * Obsidian's reading of frontmatter tags (`parseFrontMatterTags`, app.js id 56654808040): the
 * first key named `tags` in any case (not `tag`); a string is one tag, a list gives its strings;
 * numbers, maps and nested lists are no tags, and neither is a string holding a space.
 */
export function frontmatterTagsValue(frontmatter: Readonly<Record<string, unknown>> | null): { key: string; value: unknown } | null {
  if (!frontmatter) return null;
  // Every note's keys are looked at on every build: no array of them, no regular expression.
  for (const key in frontmatter) {
    if (key.length === 4 && Object.hasOwn(frontmatter, key) && (key === "tags" || key.toLowerCase() === "tags")) return { key, value: frontmatter[key] };
  }
  return null;
}

function addFacts(raw: unknown, into: TagFacts[]): void {
  if (typeof raw !== "string") return;
  // Trimmed first, as Obsidian does: `"a "` is the tag `a`.
  const trimmed = raw.trim();
  if (trimmed.includes(" ")) return;
  const facts = factsOf(trimmed);
  if (facts) into.push(facts);
}

function addValueFacts(value: unknown, into: TagFacts[]): void {
  if (Array.isArray(value)) for (const item of value) addFacts(item, into);
  else addFacts(value, into);
}

/**
 * How many distinct tags of a note the index reads. Each distinct tag costs a posting, far more
 * than the few bytes that write it: one note with 120,000 tags took 300 ms to index (bench target
 * 10). A note past it is a vault problem (see tagsPastCap); no ATT&CK note comes near it. Repeats
 * of a tag, as a long note's inline tags are, do not count.
 */
export const MAX_TAGS_READ = 5_000;

/** The facts of a note's tags as Obsidian reads them (frontmatter, then inline), up to `limit` distinct keys; `complete` when none was left out. */
function readTagFacts(frontmatter: Readonly<Record<string, unknown>> | null, inlineTags: readonly string[], limit: number): { facts: TagFacts[]; complete: boolean } {
  const facts: TagFacts[] = [];
  const value = frontmatterTagsValue(frontmatter)?.value;
  const values: readonly unknown[] = Array.isArray(value) ? value : [value];
  // Keys are counted only in a note with enough tags to reach the limit.
  const keys = values.length + inlineTags.length > limit ? new Set<string>() : null;
  for (const list of [values, inlineTags]) {
    for (const raw of list) {
      const before = facts.length;
      addFacts(raw, facts);
      const key = keys && facts.length > before ? facts[before]?.key : undefined;
      if (key === undefined || keys?.has(key)) continue;
      if (keys?.size === limit) {
        facts.pop();
        return { facts, complete: false };
      }
      keys?.add(key);
    }
  }
  return { facts, complete: true };
}

/** The facts of a note's first MAX_TAGS_READ distinct tags: its frontmatter tags as Obsidian reads them, then inline tags. */
export function noteTagFacts(frontmatter: Readonly<Record<string, unknown>> | null, inlineTags: readonly string[]): TagFacts[] {
  return readTagFacts(frontmatter, inlineTags, MAX_TAGS_READ).facts;
}

/** Whether a note has more than MAX_TAGS_READ distinct tags, so the index read only the first. */
export function tagsPastCap(frontmatter: Readonly<Record<string, unknown>> | null, inlineTags: readonly string[]): boolean {
  return !readTagFacts(frontmatter, inlineTags, MAX_TAGS_READ).complete;
}

/** The tags, as written, of one frontmatter value. */
export function tagsFromFrontmatterValue(value: unknown): string[] {
  const facts: TagFacts[] = [];
  addValueFacts(value, facts);
  return facts.map((fact) => fact.tag);
}

/** The tags, as written, of a note's frontmatter. */
export function frontmatterTags(frontmatter: Readonly<Record<string, unknown>> | null): string[] {
  return noteTagFacts(frontmatter, []).map((fact) => fact.tag);
}

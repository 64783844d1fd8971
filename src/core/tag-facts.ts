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

/** The facts of a note's tags: its frontmatter tags as Obsidian reads them, then inline tags. */
export function noteTagFacts(frontmatter: Readonly<Record<string, unknown>> | null, inlineTags: readonly string[]): TagFacts[] {
  const facts: TagFacts[] = [];
  addValueFacts(frontmatterTagsValue(frontmatter)?.value, facts);
  for (const tag of inlineTags) addFacts(tag, facts);
  return facts;
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

/**
 * What a raw tag string means, worked out once per distinct string: a vault has a few thousand
 * distinct tags across tens of thousands of notes, so classifying a note becomes Map lookups.
 */
import { cleanTag, tagKey } from "./tags";
import { parseTechniqueId } from "./technique-id";
import { ScratchList } from "./scratch-list";

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

/** The facts of a tag value as written: trimmed first, as Obsidian does (`"a "` is the tag `a`); none when it holds a space. */
function factsOf(raw: string): TagFacts | null {
  let facts = cache.get(raw);
  if (facts !== undefined) return facts;
  const trimmed = raw.trim();
  const tag = trimmed.includes(" ") ? null : cleanTag(trimmed);
  facts = tag === null ? null : { tag, key: tagKey(tag), techniqueId: parseTechniqueId(tag) };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(raw, facts);
  return facts;
}

/**
 * Obsidian's reading of frontmatter tags (`parseFrontMatterTags`, app.js id 56654808040): the
 * first key named `tags` in any case (not `tag`); a string is one tag, a list gives its strings;
 * numbers, maps and nested lists are no tags, and neither is a string holding a space.
 */
export function frontmatterTagsValue(frontmatter: Readonly<Record<string, unknown>> | null): { key: string; value: unknown } | null {
  const key = frontmatterTagsKey(frontmatter);
  return key === null || !frontmatter ? null : { key, value: frontmatter[key] };
}

/** The key frontmatterTagsValue reads, without an object per note: the first build asks for every note. */
function frontmatterTagsKey(frontmatter: Readonly<Record<string, unknown>> | null): string | null {
  if (!frontmatter) return null;
  // Every note's keys are looked at on every build: no array of them, no regular expression.
  for (const key in frontmatter) {
    if (key.length === 4 && Object.hasOwn(frontmatter, key) && (key === "tags" || key.toLowerCase() === "tags")) return key;
  }
  return null;
}

interface FactsSink {
  push(facts: TagFacts): void;
}

function addFacts(raw: unknown, into: FactsSink): void {
  if (typeof raw !== "string") return;
  const facts = factsOf(raw);
  if (facts) into.push(facts);
}

function addValueFacts(value: unknown, into: FactsSink): void {
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

/** How many tag values a note writes, frontmatter and inline, repeats included: a bound on its distinct tags. */
function tagsWritten(value: unknown, inlineTags: readonly string[]): number {
  return (Array.isArray(value) ? value.length : 1) + inlineTags.length;
}

/**
 * A note's tag facts as the common read gives them, into `into`, stopping before its
 * (`limit` + 1)-th distinct key; true when it stopped there, so some tag was left out.
 */
function readUpToDistinctKeys(value: unknown, inlineTags: readonly string[], limit: number, into: FactsSink): boolean {
  const keys = new Set<string>();
  for (const list of [Array.isArray(value) ? value : [value], inlineTags]) {
    for (const raw of list) {
      const facts = typeof raw === "string" ? factsOf(raw) : null;
      if (!facts) continue;
      if (!keys.has(facts.key)) {
        if (keys.size === limit) return true;
        keys.add(facts.key);
      }
      into.push(facts);
    }
  }
  return false;
}

const DISCARDED: FactsSink = { push: () => undefined };

/** The facts of a note's first MAX_TAGS_READ distinct tags: its frontmatter tags as Obsidian reads them, then inline tags. */
export function noteTagFacts(frontmatter: Readonly<Record<string, unknown>> | null, inlineTags: readonly string[]): TagFacts[] {
  const facts = new ScratchList<TagFacts>();
  noteTagFactsInto(frontmatter, inlineTags, facts);
  return facts.toArray();
}

/** noteTagFacts into a list the caller empties and reuses, as the first build does note after note. */
export function noteTagFactsInto(frontmatter: Readonly<Record<string, unknown>> | null, inlineTags: readonly string[], into: ScratchList<TagFacts>): void {
  into.clear();
  const key = frontmatterTagsKey(frontmatter);
  const value = key === null || !frontmatter ? undefined : frontmatter[key];
  // The first build runs this for every note: one that cannot reach the cap is read without counting.
  if (tagsWritten(value, inlineTags) > MAX_TAGS_READ) {
    readUpToDistinctKeys(value, inlineTags, MAX_TAGS_READ, into);
    return;
  }
  addValueFacts(value, into);
  for (const tag of inlineTags) addFacts(tag, into);
}

/** Whether a note has more than MAX_TAGS_READ distinct tags, so the index read only the first. */
export function tagsPastCap(frontmatter: Readonly<Record<string, unknown>> | null, inlineTags: readonly string[]): boolean {
  const value = frontmatterTagsValue(frontmatter)?.value;
  return tagsWritten(value, inlineTags) > MAX_TAGS_READ && readUpToDistinctKeys(value, inlineTags, MAX_TAGS_READ, DISCARDED);
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

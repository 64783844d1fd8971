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

function addFacts(raw: unknown, into: TagFacts[]): void {
  if (typeof raw === "string") {
    // Frontmatter strings may hold several tags, separated by commas or spaces.
    if (/[,\s]/.test(raw)) {
      for (const part of raw.split(/[,\s]+/)) {
        const facts = part === "" ? null : factsOf(part);
        if (facts) into.push(facts);
      }
      return;
    }
    const facts = factsOf(raw);
    if (facts) into.push(facts);
  } else if (typeof raw === "number" || typeof raw === "boolean") {
    const facts = factsOf(String(raw));
    if (facts) into.push(facts);
  }
}

/** A frontmatter `tags` value: a list, or a string split on commas and spaces; maps and nested lists hold no tags. */
function addValueFacts(value: unknown, into: TagFacts[]): void {
  if (Array.isArray(value)) for (const item of value) addFacts(item, into);
  else addFacts(value, into);
}

/** The facts of a note's tags: frontmatter `tags` and `tag` (both count, as in Obsidian), then inline tags. */
export function noteTagFacts(frontmatter: Readonly<Record<string, unknown>> | null, inlineTags: readonly string[]): TagFacts[] {
  const facts: TagFacts[] = [];
  if (frontmatter) {
    addValueFacts(frontmatter.tags, facts);
    addValueFacts(frontmatter.tag, facts);
  }
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

/**
 * Tags with Obsidian's semantics: inline `#tags` outside code, case-insensitive, nested with `/`.
 * Frontmatter tags are read in `tag-facts.ts`.
 */
import { isAsciiDigit, SLASH } from "./char-codes";

/** A tag as written, without `#`; null when there is nothing usable. */
export function cleanTag(raw: unknown): string | null {
  if (typeof raw === "number" || typeof raw === "boolean") raw = String(raw);
  if (typeof raw !== "string") return null;
  const tag = raw.trim().replace(/^#+/, "");
  return tag.length > 0 && !/\s/.test(tag) ? tag : null;
}

/** The key tags are matched by: lower case, no `#`. */
export function tagKey(tag: string): string {
  return tag.toLowerCase();
}

/**
 * What a frontmatter tags value holds that Obsidian does not read as a tag (maps, lists inside the
 * list, numbers, true or false, text with a space), in words: such values are dropped when tags
 * are read (`tag-facts.ts`), so the user is told.
 */
export function unusableTagValues(value: unknown): string[] {
  const kinds = new Set<string>();
  const kindOf = (item: unknown): string | null => {
    if (Array.isArray(item)) return "a list";
    if (item !== null && typeof item === "object") return "a map";
    if (typeof item === "number") return "a number";
    if (typeof item === "boolean") return "true or false";
    return typeof item === "string" && item.trim().includes(" ") ? "text with a space" : null;
  };
  for (const item of Array.isArray(value) ? value : [value]) {
    const kind = kindOf(item);
    if (kind) kinds.add(kind);
  }
  return [...kinds].sort();
}

// `#` at the start or after white space, then letters, digits, `_`, `-`, `/`.
// (No lookbehind: iOS before 16.4 lacks it.)
const INLINE_TAG = /(?:^|\s)#([\p{L}\p{N}_\-/]+)/gu;
const TAG_CHARACTER = /[\p{L}\p{N}_\-/]/u;

/** A `#` at the start or after white space, followed by tag characters that are not all digits (`#1` is no tag). */
function mayHoldTag(body: string): boolean {
  for (let at = body.indexOf("#"); at !== -1; at = body.indexOf("#", at + 1)) {
    const before = at === 0 ? " " : body.charAt(at - 1);
    if (before !== " " && before !== "\n" && before !== "\t" && before !== "\r" && before !== "\u00a0") continue;
    for (let next = at + 1; next < body.length; next++) {
      const code = body.charCodeAt(next);
      // Half of a surrogate pair (a letter beyond the BMP, say) may be a tag: the full scan decides.
      if (code >= 0xd800 && code <= 0xdfff) return true;
      if (!TAG_CHARACTER.test(body.charAt(next))) break;
      if (!isAsciiDigit(code)) return true;
    }
  }
  return false;
}

/** Inline `#tags` in a note body, skipping fenced code, inline code and HTML comments. */
export function inlineTags(body: string): string[] {
  // Most notes have no `#` that could start a tag: a scan from `#` to `#` says so.
  if (!mayHoldTag(body)) return [];
  const tags: string[] = [];
  let fence: string | null = null;
  for (const line of body.split(/\r?\n/)) {
    const mayFence = line.includes("```") || line.includes("~~~");
    const fenceMatch = mayFence ? /^(`{3,}|~{3,})/.exec(line.replace(/^(?:\s*>)*\s*/, "")) : null;
    if (fence) {
      if (fenceMatch?.[1] && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch?.[1]) {
      fence = fenceMatch[1];
      continue;
    }
    if (!line.includes("#")) continue;
    const text = line.replace(/`[^`]*`/g, " ");
    for (const match of text.matchAll(INLINE_TAG)) {
      const tag = cleanTag(match[1]);
      if (tag && !/^[\d/]+$/.test(tag)) tags.push(trimSlashes(tag, false));
    }
  }
  return tags;
}

/** Obsidian's nested-tag rule: `a` matches `a` and `a/b`, not `ab`. Both are keys. */
export function tagMatches(noteTagKey: string, queryTagKey: string): boolean {
  // No `queryTagKey + "/"`: this runs for every open block on every change.
  return noteTagKey.startsWith(queryTagKey) && (noteTagKey.length === queryTagKey.length || noteTagKey.charAt(queryTagKey.length) === "/");
}

/**
 * A nested tag is indexed under this many of its parents at most: listing every parent of
 * `a/a/…/a` costs the square of its length, and real vaults nest a few levels deep. A query
 * for a deeper tag filters the keys below its parent at this depth (see VaultIndex.pathsWithTag).
 */
export const INDEXED_PARENT_DEPTH = 8;

/** The parents of a nested tag key, the outermost first, at most INDEXED_PARENT_DEPTH of them: `a/b/c` gives `a`, `a/b`. */
export function parentTagKeys(key: string): string[] {
  const parents: string[] = [];
  let slash = key.indexOf("/");
  while (slash > 0 && parents.length < INDEXED_PARENT_DEPTH) {
    parents.push(key.slice(0, slash));
    slash = key.indexOf("/", slash + 1);
  }
  return parents;
}

/**
 * The text without slashes at its end (and with `leading`, at its start), without a regular
 * expression: `/\/+$/` is tried at every slash of a long run, which costs its square.
 */
export function trimSlashes(text: string, leading: boolean): string {
  let start = 0;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === SLASH) end--;
  while (leading && start < end && text.charCodeAt(start) === SLASH) start++;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

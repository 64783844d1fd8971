/**
 * "Did you mean": the vault's tags closest to one that matched nothing, so a typo in a tag
 * setting (`technique` for `techniques`) is named instead of silently counting nothing.
 */

export interface TagSuggestions {
  /** Tags spelt close to the one looked for, closest first. */
  close: string[];
  /** When none is close: the vault's most used tags, most used first. */
  mostUsed: string[];
}

/** Edits (insert, delete, replace a character) from one text to the other, in two rows of memory. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_unused, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, replace));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Separators and case do not count: `Detection-Rule` is close to `detection_rule`. */
const comparable = (tag: string): string => tag.toLowerCase().replace(/[-_/\s]+/g, "");

/**
 * Up to `limit` tags within a few edits of `wanted` (a third of its length, at least 2), or
 * holding it, or held by it; ties go to the tag on more notes. `counts` maps tag → notes.
 */
export function suggestTags(wanted: string, counts: ReadonlyMap<string, number>, limit = 3): TagSuggestions {
  const wantedKey = wanted.trim().replace(/^#/, "").toLowerCase();
  const target = comparable(wantedKey);
  const reach = Math.max(2, Math.floor(target.length / 3));
  const scored: Array<{ tag: string; distance: number; notes: number }> = [];
  for (const [tag, notes] of counts) {
    if (tag.toLowerCase() === wantedKey) continue;
    const candidate = comparable(tag);
    const contains = target.length >= 3 && (candidate.includes(target) || target.includes(candidate)) && candidate.length >= 3;
    const distance = editDistance(candidate, target);
    if (distance <= reach || contains) scored.push({ tag, distance: contains ? Math.min(distance, reach) : distance, notes });
  }
  const byNotes = (a: { tag: string; notes: number }, b: { tag: string; notes: number }): number => b.notes - a.notes || (a.tag < b.tag ? -1 : 1);
  const close = scored.sort((a, b) => a.distance - b.distance || byNotes(a, b)).slice(0, limit).map((entry) => entry.tag);
  if (close.length > 0) return { close, mostUsed: [] };
  const mostUsed = [...counts].map(([tag, notes]) => ({ tag, notes })).sort(byNotes).slice(0, limit).map((entry) => entry.tag);
  return { close: [], mostUsed };
}

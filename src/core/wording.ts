/** Numbers in words, the same in the panel, the CLI and the Markdown report. */

/** `42%`, or `–` when there is nothing to be a share of. */
export function percentText(part: number, whole: number): string {
  return whole === 0 ? "–" : `${Math.round((part / whole) * 100)}%`;
}

/** How many names a report lists before it says "and N more": a repeated problem is reported once, in bounded words. */
export const NAMES_LISTED = 10;

/** `a`, `a and b`, `a, b and c`, or past `limit` names `a, b, … and 4,990 more`. */
export function namesText(names: readonly string[], limit = NAMES_LISTED): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length > limit) return `${names.slice(0, limit).join(", ")} and ${(names.length - limit).toLocaleString("en-US")} more`;
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] ?? ""}`;
}

/** `1 rule`, `3 rules`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `Indexing the vault…`, and how far when a build is counting: `Indexing the vault… 1,200 of 93,544 notes`. */
export function indexingText(progress: { done: number; total: number } | null): string {
  if (!progress || progress.total === 0) return "Indexing the vault…";
  return `Indexing the vault… ${progress.done.toLocaleString("en-US")} of ${progress.total.toLocaleString("en-US")} notes`;
}

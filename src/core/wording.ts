/** Numbers in words, the same in the panel, the CLI and the Markdown report. */

/** A percentage as every surface shows it: one decimal, none when it is whole (`66.7`, `80`). */
export function roundPercent(percent: number, decimals = 1): number {
  return Math.round(percent * 10 ** decimals) / 10 ** decimals;
}

/** The share `part` is of `whole`, in percent; 0 when there is nothing to be a share of. */
export function sharePercent(part: number, whole: number): number {
  return whole === 0 ? 0 : (part / whole) * 100;
}

/** `66.7%`, or `–` when there is nothing to be a share of. */
export function percentText(part: number, whole: number): string {
  return whole === 0 ? "–" : `${roundPercent(sharePercent(part, whole))}%`;
}

/** How many names a report lists before it says "and N more": a repeated problem is reported once, in bounded words. */
export const NAMES_LISTED = 10;

/** `a`, `a and b`, `a, b and c`, or past `limit` names `a, b, … and 4,990 more`. */
export function namesText(names: readonly string[], limit = NAMES_LISTED): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length > limit) return `${names.slice(0, limit).join(", ")} and ${(names.length - limit).toLocaleString("en-US")} more`;
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] ?? ""}`;
}

/** A phrase made to open a sentence: `every technique…` → `Every technique…`. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `1 rule`, `3 rules`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `Indexing the vault…`, and how far when a build is counting: `Indexing the vault… 1,200 of 93,544 notes`. */
export function indexingText(progress: { done: number; total: number } | null): string {
  const indexing = "Indexing the vault…";
  if (!progress || progress.total === 0) return indexing;
  return `${indexing} ${progress.done.toLocaleString("en-US")} of ${progress.total.toLocaleString("en-US")} notes`;
}

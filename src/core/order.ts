/** The orders lists are shown in, each written once. */

/**
 * By UTF-16 code units, as `sort()` without a comparator orders strings: paths, and canonical
 * technique IDs (`T1059` before `T1059.001` before `T1059.002` before `T1060`).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One collator for every title compare: `localeCompare` with options builds a collator on each call,
 * which made sorting a thousand threat profiles most of the panel's first render (bench target 8).
 */
const TITLE_COLLATOR = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Titles as a person reads them: case and accents aside, numbers by value (`rule 2` before `rule 10`). */
export function compareTitles(a: string, b: string): number {
  return TITLE_COLLATOR.compare(a, b);
}

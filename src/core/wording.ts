/** Numbers in words, the same in the panel, the CLI and the Markdown report. */

/** `42%`, or `–` when there is nothing to be a share of. */
export function percentText(part: number, whole: number): string {
  return whole === 0 ? "–" : `${Math.round((part / whole) * 100)}%`;
}

/** `1 rule`, `3 rules`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Issue #15, class 3's payload, built at test time: one note of about 120 KB whose `level` is a list
 * of 30,000 aliases to a nested alias list. Each element is 10,000 strings (about 60,000 characters
 * of JSON), so reading the list whole means 1.8 billion characters, where the note is 120 KB.
 */
export const ALIASES = 30_000;

export function aliasExpansionNote(aliases = ALIASES): string {
  const lol = `a: &a [${Array(10).fill('"lol"').join(", ")}]`;
  const levels = ["b", "c", "d"].map((name, n) => `${name}: &${name} [${Array(10).fill(`*${"abc"[n]}`).join(", ")}]`);
  return ["---", "tags: [t1490, detection_rule]", lol, ...levels, `level: [${Array(aliases).fill("*d").join(", ")}]`, "---", ""].join("\n");
}

export const ALIAS_NOTE = "Detection Rules/alias expansion.md";

/**
 * Every problem of the hostile vault, written down by hand from the fixture notes: which note,
 * what is wrong with it, and whether the plugin (which reads only Obsidian's metadata cache) can
 * see it. Good notes and hostile notes that are merely odd (5 MB, NUL bytes in the body, markup
 * in names) have no problem: they must simply work.
 */
import { GENERATED, UNPORTABLE_NAMES_ALLOWED } from "../fixtures/hostile-vault";

/**
 * `panel`: the plugin lists it in the same words as the CLI. `cache`: the plugin sees it through
 * the cache (a frontmatter position but no frontmatter) and says so in its own words, without the
 * line or reason only the file shows. `files`: only a reader of the files sees it (bytes, the
 * CLI's settings file).
 */
export type Visibility = "panel" | "cache" | "files";

export interface ExpectedProblem {
  path: string;
  wrong: RegExp;
  visibility: Visibility;
}

const T1486 = "Use Cases/T1486 - Data Encrypted for Impact.md";
const T1486_COPY = "Use Cases/T1486 - Data Encrypted for Impact (second copy).md";
const NO_ID = /^is tagged techniques but has no technique ID in its tags, its properties \(attack_technique_id, technique_id, id\) or its file name$/;

export const EXPECTED_PROBLEMS: ExpectedProblem[] = [
  { path: ".obsidian/plugins/attack-vault/data.json", wrong: /^is not valid JSON \(it fails at line \d+, column \d+\); using the default settings$/, visibility: "files" },
  { path: "Detection Rules/broken_yaml.md", wrong: /^frontmatter is not valid YAML at line \d+, column \d+ \(.+\); the note is kept without properties$/, visibility: "cache" },
  { path: GENERATED.nulInFrontmatter, wrong: /^frontmatter is not valid YAML .*null byte/, visibility: "cache" },
  { path: "Detection Rules/frontmatter_is_a_list.md", wrong: /^frontmatter is not a set of properties \(it is a list or a single value\)/, visibility: "cache" },
  { path: "Detection Rules/frontmatter_is_a_scalar.md", wrong: /^frontmatter is not a set of properties \(it is a list or a single value\)/, visibility: "cache" },
  { path: GENERATED.latin1, wrong: /^is not valid UTF-8/, visibility: "files" },
  { path: "Detection Rules/odd_tag_values.md", wrong: /^tags holds a list, a map, a number and true or false, which Obsidian does not read as tags; they are ignored$/, visibility: "panel" },
  { path: "Detection Rules/unclosed_frontmatter.md", wrong: /^frontmatter is opened with --- but never closed; Obsidian reads no properties from it$/, visibility: "files" },
  { path: "Detection Rules/tags_is_a_map.md", wrong: /^tags is a map, which Obsidian does not read as a tag; it is ignored$/, visibility: "panel" },
  // Once, under the first of the two by path (" (" sorts before ".").
  { path: T1486_COPY, wrong: new RegExp(`^claims T1486, which ${escape(T1486)} also claims; both are kept$`), visibility: "panel" },
  { path: "Use Cases/Technique #without ^an ID [[nowhere]].md", wrong: NO_ID, visibility: "panel" },
  ...(UNPORTABLE_NAMES_ALLOWED ? [{ path: GENERATED.escapeName, wrong: NO_ID, visibility: "panel" as const }] : []),
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Pairs each expected problem with the one reported problem that matches it; what is left over on either side is wrong. */
export function matchProblems(reported: ReadonlyArray<{ path: string; message: string }>, expected: readonly ExpectedProblem[]) {
  const unmatched = [...reported];
  const missing: ExpectedProblem[] = [];
  for (const problem of expected) {
    const at = unmatched.findIndex((candidate) => candidate.path === problem.path && problem.wrong.test(candidate.message));
    if (at === -1) missing.push(problem);
    else unmatched.splice(at, 1);
  }
  return { missing: missing.map((problem) => `${problem.path}: ${problem.wrong.source}`), unexpected: unmatched.map((problem) => `${problem.path}: ${problem.message}`) };
}

/**
 * What a rendered query block shows, worked out without the app: what it lists, its
 * items in a sensible order with what identifies each, its empty state, and whether a
 * change to the index can alter it.
 */
import type { IndexedNote } from "./classify";
import { COUNT_WORDS, GAPS_SECTION } from "./coverage-words";
import type { VaultConventions } from "./note";
import { compareTitles } from "./order";
import type { CoverageValue, QueryNode } from "./query/ast";
import { compareBySeverity } from "./sigma-level";
import { INDEXED_PARENT_DEPTH, parentTagKeys, tagMatches } from "./tags";
import { parseTechniqueId } from "./technique-id";
import type { IndexChange, VaultIndex } from "./vault-index";

export type ListKind = "rules" | "tests" | "techniques" | "notes";

export interface BlockSubject {
  listKind: ListKind;
  /** The technique the block is about, when a positive tag term names one. */
  techniqueId: string | null;
  /** The threat profile a required `profile:` term names, as written; absent without one. */
  profile?: string;
  /** What a required `coverage:` term asks for; absent without one. */
  coverage?: CoverageValue;
}

const HEADINGS: Record<ListKind, string> = {
  rules: "Detection rules",
  tests: "Atomic tests",
  techniques: "Techniques",
  notes: "Notes",
};

/** Tag terms that must hold for every result: the query itself, or the children of a top-level AND. */
function requiredTags(query: QueryNode): string[] {
  if (query.type === "tag") return [query.tag];
  if (query.type !== "and") return [];
  return query.children.flatMap((child) => (child.type === "tag" ? [child.tag] : []));
}

/** Terms of one type that must hold for every result, like requiredTags. */
function required<T extends QueryNode["type"]>(query: QueryNode, type: T): Array<Extract<QueryNode, { type: T }>> {
  const terms = query.type === "and" ? query.children : [query];
  return terms.filter((term): term is Extract<QueryNode, { type: T }> => term.type === type);
}

export function blockSubject(query: QueryNode, conventions: VaultConventions): BlockSubject {
  const tags = requiredTags(query);
  const has = (tag: string): boolean => tags.includes(tag.toLowerCase());
  const profile = required(query, "profile")[0]?.name;
  const coverage = required(query, "coverage")[0]?.value;
  const listKind: ListKind = has(conventions.ruleTag)
    ? "rules"
    : has(conventions.testTag)
      ? "tests"
      : has(conventions.techniqueTag) || profile !== undefined || coverage !== undefined
        ? "techniques"
        : "notes";
  const techniqueId = required(query, "technique")[0]?.id ?? tags.map(parseTechniqueId).find((id) => id !== null) ?? null;
  return { listKind, techniqueId, ...(profile !== undefined ? { profile } : {}), ...(coverage !== undefined ? { coverage } : {}) };
}

const COVERAGE_HEADINGS: Record<CoverageValue, string> = {
  gap: GAPS_SECTION.title,
  covered: `Techniques ${COUNT_WORDS.withRule}`,
  "no-rule": "Techniques with no rule and no test",
  "tests-no-rule": "Techniques with tests but no rule",
  "rules-no-test": "Techniques with rules but no test",
  "rules-and-tests": "Techniques with rules and tests",
};

export function blockHeading(subject: BlockSubject): string {
  return subject.listKind === "techniques" && subject.coverage ? COVERAGE_HEADINGS[subject.coverage] : HEADINGS[subject.listKind];
}

/**
 * The empty state in the user's words: it names the gap. `profileFound` says whether a `profile:`
 * term names a profile the vault has: an empty list would otherwise read as full coverage.
 */
export function emptyStateText(subject: BlockSubject, profileFound = true): string {
  const about = subject.techniqueId;
  if (subject.profile !== undefined && !profileFound) return `No threat profile in this vault has the name, ATT&CK ID or alias ${subject.profile}`;
  if (subject.coverage === "gap") return subject.profile ? `Every technique ${subject.profile} lists that has a note here has a detection rule` : "Every technique note has a detection rule";
  switch (subject.listKind) {
    case "rules":
      return about ? `No detection rule covers ${about}` : "No detection rule matches this query";
    case "tests":
      return about ? `No atomic test covers ${about}` : "No atomic test matches this query";
    case "techniques":
      return "No technique note matches this query";
    default:
      return about ? `No note is tagged ${about}` : "No note matches this query";
  }
}

/** A short fact shown beside an item's title, with what kind of fact it is. */
export interface BlockDetail {
  kind: "level" | "status" | "log-source" | "platform" | "technique";
  /** As shown: a Sigma status is labelled as one (`status: test`), so `test` does not read as an atomic test. */
  text: string;
}

export interface BlockItem {
  path: string;
  title: string;
  /** A rule's level, status and log source; a test's platforms; a technique's ID. */
  details: BlockDetail[];
  level: string | null;
}

function itemOf(path: string, note: IndexedNote | undefined): BlockItem {
  if (!note) return { path, title: path, details: [], level: null };
  const details: BlockDetail[] = [];
  if (note.kind === "rule") {
    if (note.level) details.push({ kind: "level", text: note.level });
    if (note.status) details.push({ kind: "status", text: `status: ${note.status}` });
    if (note.logSource) details.push({ kind: "log-source", text: note.logSource });
  } else if (note.kind === "test") {
    for (const platform of note.platforms) details.push({ kind: "platform", text: platform });
  } else if (note.kind === "technique" && note.techniqueIds[0]) {
    details.push({ kind: "technique", text: note.techniqueIds[0] });
  }
  return { path, title: note.title, details, level: note.kind === "rule" ? note.level : null };
}

/** Rules by level, most severe first, then title; techniques by ID; everything else by title. */
export function blockItems(paths: readonly string[], index: VaultIndex, subject: BlockSubject): BlockItem[] {
  const items = paths.map((path) => itemOf(path, index.get(path)));
  if (subject.listKind === "rules") return items.sort(compareBySeverity);
  if (subject.listKind === "techniques") return items.sort((a, b) => compareTitles(a.details[0]?.text ?? a.title, b.details[0]?.text ?? b.title));
  return items.sort((a, b) => compareTitles(a.title, b.title) || compareTitles(a.path, b.path));
}

export interface BlockDependencies {
  tags: Set<string>;
  /** Techniques of `technique:` terms: a change to a note naming one, by any tag, property or file name, may alter the block. */
  techniqueIds: Set<string>;
  /** `profile:` or `coverage:` terms: any change that names a technique (a profile, a rule, a technique note) may alter the block. */
  dependsOnCoverage: boolean;
  dependsOnAllNotes: boolean;
}

/**
 * Whether a change can alter a block's results (or what its items show). A block bounded by
 * tags needs no list of what it shows: every note it lists carries one of its tags, and a
 * change reports the old and the new tags of every note it touched.
 */
export function isAffectedBy(dependencies: BlockDependencies, change: IndexChange): boolean {
  if (change.everything) return true;
  if (dependencies.dependsOnAllNotes) return change.paths.size > 0;
  for (const tag of dependencies.tags) if (change.tagKeys.has(tag)) return true;
  if (dependencies.dependsOnCoverage && change.techniqueIds.size > 0) return true;
  if (dependencies.techniqueIds.size > 0) {
    for (const id of change.techniqueIds) if (dependencies.techniqueIds.has(id)) return true;
    // A note of no kind names a technique only by a tag that spells it.
    for (const changed of change.tagKeys) {
      const id = parseTechniqueId(changed);
      if (id !== null && dependencies.techniqueIds.has(id)) return true;
    }
  }
  // Only a nested tag (`a/b`) can match a query tag it is not equal to. Its parents are looked up,
  // not compared with every query tag: a note may carry 100,000 tags and a query hold thousands.
  const deepKeys: string[] = [];
  for (const changed of change.tagKeys) {
    if (!changed.includes("/")) continue;
    const parents = parentTagKeys(changed);
    for (const parent of parents) if (dependencies.tags.has(parent)) return true;
    if (parents.length === INDEXED_PARENT_DEPTH) deepKeys.push(changed);
  }
  // Query tags nested deeper than parentTagKeys reaches are compared with the deep keys alone.
  if (deepKeys.length === 0) return false;
  for (const tag of dependencies.tags) {
    if (parentTagKeys(tag).length < INDEXED_PARENT_DEPTH) continue;
    for (const changed of deepKeys) if (tagMatches(changed, tag)) return true;
  }
  return false;
}

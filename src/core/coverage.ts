/**
 * Coverage per technique: the rules, tests and status the report counts (a parent's with its
 * sub-techniques' when the rollup is on), the direct ones beside them, per-tactic counts, and
 * the filters the panel and CLI offer. Every front reads the counted fields from here.
 */
import { platformKey } from "./attack-platforms";
import type { IndexedNote } from "./classify";
import { compareTitles } from "./order";
import { compareTactics, findTactic, type Tactic } from "./tactics";
import { resolveProfiles, type ResolvedProfiles } from "./threat-profiles";
import { parentTechniqueId } from "./technique-id";
import type { VaultIndex } from "./vault-index";

/** `no-rule` and `tests-no-rule` are the gaps: no detection rule covers the technique. */
export type CoverageStatus = "no-rule" | "tests-no-rule" | "rules-no-test" | "rules-and-tests";

export function statusOf(ruleCount: number, testCount: number): CoverageStatus {
  if (ruleCount === 0) return testCount === 0 ? "no-rule" : "tests-no-rule";
  return testCount === 0 ? "rules-no-test" : "rules-and-tests";
}

export function isGap(status: CoverageStatus): boolean {
  return status === "no-rule" || status === "tests-no-rule";
}

/** Rules, tests and the status they give, as the report counts them or as they name one technique. */
export interface CoverageCounted {
  /** Rule notes, sorted by path. */
  rules: string[];
  /** Test notes, sorted by path. */
  tests: string[];
  status: CoverageStatus;
}

/**
 * One technique, computed once from the rollup setting: `rules`, `tests` and `status` are what every
 * count, filter, list, layer and panel row uses; `direct` is what names the technique itself.
 */
export interface CoverageRow extends CoverageCounted {
  id: string;
  name: string;
  /** The technique note; the first by path when several claim the ID. */
  note: string;
  /** Every note that claims this ID (more than one is reported as a problem). */
  notes: string[];
  tactics: Tactic[];
  platforms: string[];
  /** The rules and tests that name this technique itself, whatever the setting. */
  direct: CoverageCounted;
  /** Rollup is on and the technique has rules only through its sub-techniques. */
  viaSubTechniquesOnly: boolean;
  /** IDs of this technique's sub-techniques that have notes, sorted. */
  subTechniques: string[];
}

export interface CoverageFilter {
  platform?: string;
  /** A tactic name, shortname or ID. */
  tactic?: string;
  /** `gaps` keeps techniques with no rule. */
  status?: "gaps" | CoverageStatus;
  /** Part of an ID or a name, case-insensitive. */
  text?: string;
  /** Threat profiles by name, ATT&CK ID or alias: only the techniques they list (a union when several). */
  profile?: string | readonly string[];
}

/** A coverage filter's threat profiles, resolved, with the coverage of their techniques alone. */
export interface ProfileScope extends ResolvedProfiles {
  /** Over the technique notes of the profiles' techniques, before any other filter. */
  counts: CoverageCounts;
  /** Techniques the profiles list that have no technique note, sorted. */
  withoutNote: string[];
}

export interface CoverageCounts {
  techniques: number;
  withRule: number;
  withTest: number;
  gaps: number;
}

export interface TacticCoverage extends CoverageCounts {
  tactic: Tactic;
  /** Rows in this tactic that pass the filter, sorted by ID. */
  rows: CoverageRow[];
}

export interface CoverageReport {
  /** Whether a parent's counted rules and tests include its sub-techniques'. */
  rollup: boolean;
  /** Every technique row that passes the filter, sorted by ID. */
  rows: CoverageRow[];
  /** Every technique row, filtered or not (for pickers and overall counts). */
  allRows: CoverageRow[];
  tactics: TacticCoverage[];
  /** Counts over the filtered rows, and over all rows. */
  filtered: CoverageCounts;
  overall: CoverageCounts;
  /** The threat profiles the filter named; null when it named none. */
  profiles: ProfileScope | null;
}

const sortedPaths = (paths: Iterable<string>): string[] => [...paths].sort();

function mergedNoteFields(notes: IndexedNote[]): { tactics: Tactic[]; platforms: string[] } {
  const tactics = new Map<string, Tactic>();
  const platforms = new Set<string>();
  for (const note of notes) {
    note.tactics.forEach((tactic) => tactics.set(tactic.name, tactic));
    note.platforms.forEach((platform) => platforms.add(platform));
  }
  return { tactics: [...tactics.values()].sort(compareTactics), platforms: [...platforms] };
}

/**
 * Sub-technique IDs by parent ID, sorted: those with notes and those rules or tests name, since a
 * rule may name a sub-technique the vault has no note for, and it still counts for the parent.
 */
export function subTechniquesByParent(index: VaultIndex): Map<string, string[]> {
  const subsByParent = new Map<string, string[]>();
  const ids = new Set(index.techniqueIdsWithNotes());
  for (const id of index.referencedTechniqueIds()) ids.add(id);
  for (const id of ids) {
    const parent = parentTechniqueId(id);
    if (!parent) continue;
    const subs = subsByParent.get(parent);
    if (subs) subs.push(id);
    else subsByParent.set(parent, [id]);
  }
  for (const subs of subsByParent.values()) subs.sort();
  return subsByParent;
}

/** A technique's rules, tests and status as the report counts them: with rollup on, a parent's include its sub-techniques'. */
export function countedCoverage(index: VaultIndex, id: string, rollup: boolean, subsByParent: ReadonlyMap<string, readonly string[]>): { direct: CoverageCounted; counted: CoverageCounted } {
  const direct = counted(index.rulesFor(id), index.testsFor(id));
  const subs = subsByParent.get(id) ?? [];
  return { direct, counted: rollup && subs.length > 0 ? rollUp(index, direct, subs) : direct };
}

/** One row per technique ID that has a technique note, without filtering. */
/**
 * Rows are worked out once per revision of an index and rollup setting: the panel asks again on every
 * filter change, and sorting each technique's rules was most of that (bench target 5). Rows are
 * values; nothing that reads them changes them.
 */
const rowsByIndex = new WeakMap<VaultIndex, { revision: number; rollup: boolean; rows: CoverageRow[] }>();

export function coverageRows(index: VaultIndex, options: { rollup: boolean }): CoverageRow[] {
  const known = rowsByIndex.get(index);
  if (known && known.revision === index.revision && known.rollup === options.rollup) return known.rows;
  const rows = rowsOf(index, options.rollup);
  rowsByIndex.set(index, { revision: index.revision, rollup: options.rollup, rows });
  return rows;
}

function rowsOf(index: VaultIndex, rollup: boolean): CoverageRow[] {
  const ids = [...index.techniqueIdsWithNotes()].sort();
  const subsByParent = subTechniquesByParent(index);
  const withNotes = new Set(ids);
  return ids.map((id) => {
    const notePaths = sortedPaths(index.techniqueNotesFor(id));
    const notes = notePaths.map((path) => index.get(path)).filter((note): note is IndexedNote => note !== undefined);
    const { direct, counted: rolledUp } = countedCoverage(index, id, rollup, subsByParent);
    return {
      id,
      name: notes[0]?.title ?? id,
      note: notePaths[0] ?? "",
      notes: notePaths,
      ...mergedNoteFields(notes),
      rules: rolledUp.rules,
      tests: rolledUp.tests,
      status: rolledUp.status,
      direct,
      viaSubTechniquesOnly: direct.rules.length === 0 && rolledUp.rules.length > 0,
      subTechniques: (subsByParent.get(id) ?? []).filter((sub) => withNotes.has(sub)),
    };
  });
}

function counted(rules: Iterable<string>, tests: Iterable<string>): CoverageCounted {
  const sortedRules = sortedPaths(rules);
  const sortedTests = sortedPaths(tests);
  return { rules: sortedRules, tests: sortedTests, status: statusOf(sortedRules.length, sortedTests.length) };
}

/** The technique's own rules and tests with those of its sub-techniques. */
function rollUp(index: VaultIndex, direct: CoverageCounted, subTechniques: readonly string[]): CoverageCounted {
  const rules = new Set(direct.rules);
  const tests = new Set(direct.tests);
  for (const sub of subTechniques) {
    index.rulesFor(sub).forEach((path) => rules.add(path));
    index.testsFor(sub).forEach((path) => tests.add(path));
  }
  return counted(rules, tests);
}

export function matchesFilter(row: CoverageRow, filter: CoverageFilter): boolean {
  if (filter.platform) {
    // Either name of a renamed platform matches both: `Azure AD` finds `Identity Provider` notes.
    const wanted = platformKey(filter.platform);
    if (!row.platforms.some((platform) => platformKey(platform) === wanted)) return false;
  }
  if (filter.tactic) {
    const wanted = findTactic(filter.tactic)?.name ?? filter.tactic.trim();
    if (!row.tactics.some((tactic) => tactic.name.toLowerCase() === wanted.toLowerCase())) return false;
  }
  if (filter.status) {
    const keep = filter.status === "gaps" ? isGap(row.status) : row.status === filter.status;
    if (!keep) return false;
  }
  if (filter.text && filter.text.trim() !== "") {
    const text = filter.text.trim().toLowerCase();
    if (!row.id.toLowerCase().includes(text) && !row.name.toLowerCase().includes(text)) return false;
  }
  return true;
}

export function countRows(rows: readonly CoverageRow[]): CoverageCounts {
  let withRule = 0;
  let withTest = 0;
  for (const row of rows) {
    if (row.rules.length > 0) withRule++;
    if (row.tests.length > 0) withTest++;
  }
  return { techniques: rows.length, withRule, withTest, gaps: rows.length - withRule };
}

/** The profiles a filter names, as a list; empty when it names none. */
export function wantedProfiles(filter: CoverageFilter): string[] {
  const wanted = typeof filter.profile === "string" ? [filter.profile] : [...(filter.profile ?? [])];
  return wanted.filter((text) => text.trim() !== "");
}

function profileScope(index: VaultIndex, wanted: readonly string[], allRows: readonly CoverageRow[]): ProfileScope {
  const resolved = resolveProfiles(index, wanted);
  const inScope = allRows.filter((row) => resolved.techniqueIds.has(row.id));
  const withNotes = new Set(inScope.map((row) => row.id));
  const withoutNote = [...resolved.techniqueIds].filter((id) => !withNotes.has(id)).sort();
  return { ...resolved, counts: countRows(inScope), withoutNote };
}

export function computeCoverage(index: VaultIndex, options: { rollup: boolean; filter?: CoverageFilter }): CoverageReport {
  const allRows = coverageRows(index, options);
  const filter = options.filter ?? {};
  const wanted = wantedProfiles(filter);
  const profiles = wanted.length > 0 ? profileScope(index, wanted, allRows) : null;
  const rows = allRows.filter((row) => (!profiles || profiles.techniqueIds.has(row.id)) && matchesFilter(row, filter));
  const byTactic = new Map<string, TacticCoverage>();
  for (const row of rows) {
    for (const tactic of row.tactics) {
      let group = byTactic.get(tactic.name);
      if (!group) byTactic.set(tactic.name, (group = { tactic, rows: [], techniques: 0, withRule: 0, withTest: 0, gaps: 0 }));
      group.rows.push(row);
    }
  }
  const tactics = [...byTactic.values()].sort((a, b) => compareTactics(a.tactic, b.tactic));
  for (const group of tactics) Object.assign(group, countRows(group.rows));
  return { rollup: options.rollup, rows, allRows, tactics, filtered: countRows(rows), overall: countRows(allRows), profiles };
}

/** Tactics in matrix order, for pickers: the known ones and any the vault adds. */
export function tacticChoices(rows: readonly CoverageRow[]): Tactic[] {
  const seen = new Map<string, Tactic>();
  for (const row of rows) row.tactics.forEach((tactic) => seen.set(tactic.name, tactic));
  return [...seen.values()].sort(compareTactics);
}

export function platformChoices(rows: readonly CoverageRow[]): string[] {
  const seen = new Map<string, string>();
  for (const row of rows) row.platforms.forEach((platform) => seen.set(platform.toLowerCase(), platform));
  return [...seen.values()].sort(compareTitles);
}

/** The next technique after `currentId` (in ID order, wrapping) that has no rule. */
export function nextGap(rows: readonly CoverageRow[], currentId: string | null): CoverageRow | null {
  const gaps = rows.filter((row) => isGap(row.status) && row.note !== "");
  if (gaps.length === 0) return null;
  return gaps.find((row) => currentId === null || row.id > currentId) ?? gaps[0] ?? null;
}


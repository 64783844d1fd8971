import { isGap, type CoverageStatus } from "../coverage";
import type { CoverageValue, QueryDialect, QueryError, QueryNode, QuerySource } from "./ast";
import { compareCodeUnits } from "../order";
import { ok, type Result } from "../result";
import { NoteView } from "./note-view";
import { parseQuery } from "./parse";

/** The query with tag sets fetched once and needles lower-cased once, so a scan does no repeated work per term. */
type Matcher =
  | { kind: "tag" | "technique" | "profile"; paths: ReadonlySet<string> }
  | { kind: "coverage"; statusOf: (path: string) => CoverageStatus | null; wanted: CoverageValue }
  | { kind: "path" | "file"; needle: string }
  | { kind: "property"; name: string; needle: string | null }
  | { kind: "and" | "or"; children: Matcher[] }
  | { kind: "not"; child: Matcher };

/** What an evaluation could not settle, for the caller to show beside the results. */
export interface QueryReport {
  /** Notes whose properties a property term could not read whole within the budget per note, in path order. */
  propertiesTooLarge: string[];
}

export function emptyQueryReport(): QueryReport {
  return { propertiesTooLarge: [] };
}

/** Why a property term gave up on a note, in the CLI's warning and under a block. */
export const TOO_LARGE_TO_SEARCH = "too large to search (YAML aliases can repeat one value many times)";

/** The warning for a note a property term gave up on. */
export const PROPERTIES_TOO_LARGE = `has properties ${TOO_LARGE_TO_SEARCH}: a property search read only part of them, so its answer for this note may be wrong`;

/**
 * The notes matching a parsed query, sorted by path in code-unit order. An AND with a positive
 * tag term starts from its smallest tag set and filters; only unbounded queries scan `allPaths()`.
 * Notes whose properties a property term could not read whole go to `report`.
 */
export function evaluateQuery(query: QueryNode, source: QuerySource, report?: QueryReport, options: EvaluateOptions = {}): string[] {
  const matcher = compile(query, source, { tagSets: new Map(), rollup: options.rollup ?? true, statusOf: null });
  const pool = candidates(matcher) ?? new Set(source.allPaths());
  // Tag terms need only the path; a view of the note is made once per note, and only for terms that read more.
  let viewed = null as NoteView | null;
  const viewOf = (path: string): NoteView => (viewed?.path === path ? viewed : (viewed = new NoteView(path, source)));
  const found: string[] = [];
  const gaveUp: string[] = [];
  for (const path of pool) {
    if (matches(matcher, path, viewOf)) found.push(path);
    if (viewed?.path === path && viewed.unsure) gaveUp.push(path);
  }
  if (report) for (const path of gaveUp.sort(compareCodeUnits)) report.propertiesTooLarge.push(path);
  return found.sort(compareCodeUnits);
}

export interface EvaluateOptions {
  /** How `coverage:` counts a parent technique: with its sub-techniques' rules (the default), as the report does, or without. */
  rollup?: boolean;
}

/** Parses and evaluates in one step, for callers that only want the list or the error. */
export function runQuery(text: string, source: QuerySource, report?: QueryReport, dialect: QueryDialect = "obsidian", options: EvaluateOptions = {}): Result<string[], QueryError> {
  const parsed = parseQuery(text, dialect);
  if (!parsed.ok) return parsed;
  return ok(evaluateQuery(parsed.value, source, report, options));
}

/**
 * The tag keys a query reads, and whether a note carrying none of them (nor a tag nested below
 * one, `key/…`) could still change the result; the UI redraws a block only when this says so.
 */
export function queryTags(query: QueryNode): { tags: Set<string>; techniqueIds: Set<string>; dependsOnCoverage: boolean; dependsOnAllNotes: boolean } {
  const tags = new Set<string>();
  const techniqueIds = new Set<string>();
  let dependsOnCoverage = false;
  const pending: QueryNode[] = [query];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === "tag") tags.add(node.tag);
    else if (node.type === "technique") techniqueIds.add(node.id);
    else if (node.type === "profile" || node.type === "coverage") dependsOnCoverage = true;
    else if (node.type === "and" || node.type === "or") for (const child of node.children) pending.push(child);
    else if (node.type === "not") pending.push(node.child);
  }
  return { tags, techniqueIds, dependsOnCoverage, dependsOnAllNotes: !boundedByTags(query) };
}

/**
 * True when every matching note must carry one of the query's tags, name one of its techniques, or be
 * a technique note a profile or coverage term picks (any change that can alter those names a technique):
 * an AND needs one such child, an OR needs all.
 */
function boundedByTags(node: QueryNode): boolean {
  if (node.type === "tag" || node.type === "technique" || node.type === "profile" || node.type === "coverage") return true;
  if (node.type === "and") return node.children.some(boundedByTags);
  if (node.type === "or") return node.children.every(boundedByTags);
  return false;
}

interface CompileState {
  tagSets: Map<string, ReadonlySet<string>>;
  rollup: boolean;
  /** Built for the first coverage term, shared by the others. */
  statusOf: ((path: string) => CoverageStatus | null) | null;
}

function compile(node: QueryNode, source: QuerySource, state: CompileState): Matcher {
  const { tagSets } = state;
  switch (node.type) {
    case "tag": {
      let paths = tagSets.get(node.tag);
      if (!paths) {
        paths = source.pathsWithTag(node.tag);
        tagSets.set(node.tag, paths);
      }
      return { kind: "tag", paths };
    }
    case "technique":
      return { kind: "technique", paths: source.pathsWithTechnique?.(node.id) ?? NO_PATHS };
    case "profile":
      return { kind: "profile", paths: source.profileTechniqueNotes?.(node.name) ?? NO_PATHS };
    case "coverage":
      state.statusOf ??= source.coverageLookup?.(state.rollup) ?? (() => null);
      return { kind: "coverage", statusOf: state.statusOf, wanted: node.value };
    case "path":
    case "file":
      return { kind: node.type, needle: node.value.toLowerCase() };
    case "property":
      return { kind: "property", name: node.name.toLowerCase(), needle: node.value?.toLowerCase() ?? null };
    case "not":
      return { kind: "not", child: compile(node.child, source, state) };
    case "and":
    case "or": {
      // A repeated term adds nothing to AND or OR; dropping it keeps `x x x …` at one test per note.
      const seen = new Set<string>();
      const children: Matcher[] = [];
      for (const child of node.children) {
        const key = termKey(child);
        if (key !== null && seen.has(key)) continue;
        if (key !== null) seen.add(key);
        children.push(compile(child, source, state));
      }
      return { kind: node.type, children };
    }
  }
}

/** Identity of a term as the matcher sees it (case folded), or null for groups and negations. */
function termKey(node: QueryNode): string | null {
  if (node.type === "tag") return JSON.stringify(["tag", node.tag]);
  if (node.type === "technique") return JSON.stringify(["technique", node.id]);
  if (node.type === "profile") return JSON.stringify(["profile", node.name.toLowerCase()]);
  if (node.type === "coverage") return JSON.stringify(["coverage", node.value]);
  if (node.type === "path" || node.type === "file") return JSON.stringify([node.type, node.value.toLowerCase()]);
  if (node.type === "property") return JSON.stringify(["property", node.name.toLowerCase(), node.value?.toLowerCase() ?? null]);
  return null;
}

/** A set holding every match (maybe more), or null when only a scan of all notes can tell. */
function candidates(matcher: Matcher): ReadonlySet<string> | null {
  if (matcher.kind === "tag" || matcher.kind === "technique" || matcher.kind === "profile") return matcher.paths;
  if (matcher.kind === "and") {
    let smallest: ReadonlySet<string> | null = null;
    for (const child of matcher.children) {
      const set = candidates(child);
      if (set && (!smallest || set.size < smallest.size)) smallest = set;
    }
    return smallest;
  }
  if (matcher.kind === "or") {
    const union = new Set<string>();
    for (const child of matcher.children) {
      const set = candidates(child);
      if (!set) return null;
      for (const path of set) union.add(path);
    }
    return union;
  }
  return null;
}

function matches(matcher: Matcher, path: string, viewOf: (path: string) => NoteView): boolean {
  switch (matcher.kind) {
    case "tag":
    case "technique":
    case "profile":
      return matcher.paths.has(path);
    case "coverage":
      return coverageMatches(matcher.statusOf(path), matcher.wanted);
    case "path":
      return viewOf(path).lowerPath.includes(matcher.needle);
    case "file":
      return viewOf(path).lowerFileName.includes(matcher.needle);
    case "property":
      return propertyMatches(viewOf(path), matcher.name, matcher.needle);
    case "not":
      return !matches(matcher.child, path, viewOf);
    case "and":
      for (const child of matcher.children) if (!matches(child, path, viewOf)) return false;
      return true;
    case "or":
      for (const child of matcher.children) if (matches(child, path, viewOf)) return true;
      return false;
  }
}

/**
 * Property keys match case-insensitively; a list matches when any element does. A value found is
 * certain; "not found" in texts cut short by the note's budget is not, and marks the note unsure.
 */
function propertyMatches(note: NoteView, name: string, needle: string | null): boolean {
  if (needle === null) return note.hasProperty(name);
  const texts = note.propertyTexts(name);
  if (!texts) return false;
  for (const text of texts) if (text.includes(needle)) return true;
  if (note.overBudget) note.unsure = true;
  return false;
}

/** `gap` is no rule (with or without tests), `covered` at least one rule, anything else the status itself; a note that is no technique note matches none. */
function coverageMatches(status: CoverageStatus | null, wanted: CoverageValue): boolean {
  if (status === null) return false;
  if (wanted === "gap") return isGap(status);
  if (wanted === "covered") return !isGap(status);
  return status === wanted;
}

const NO_PATHS: ReadonlySet<string> = new Set();

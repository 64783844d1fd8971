/** The parsed form of a `query` block, in Obsidian search syntax. */
import type { CoverageStatus } from "../coverage";

/** 0-based character offset into the query text. */
export type Position = number;

export type QueryNode =
  | { type: "and"; children: QueryNode[] }
  | { type: "or"; children: QueryNode[] }
  | { type: "not"; child: QueryNode }
  /** `tag:foo`, `tag: #foo`: `tag` is lower-cased, without `#`; matches `foo` and `foo/…`. */
  | { type: "tag"; tag: string; position: Position }
  /** `path:foo`: case-insensitive substring of the vault-relative path. */
  | { type: "path"; value: string; position: Position }
  /** `file:foo`: case-insensitive substring of the file name. */
  | { type: "file"; value: string; position: Position }
  /** `[name]` (has the property) or `[name:value]` (a value matches, case-insensitive substring). */
  | { type: "property"; name: string; value: string | null; position: Position }
  /** `technique:T1059.001` in any spelling (attack dialect only): notes that name that technique, by tag, property or file name. */
  | { type: "technique"; id: string; position: Position }
  /** `profile:G0016`, `profile:"Our threat model"` (attack dialect only): the technique notes of the techniques threat profiles of that name, ATT&CK ID or alias list. */
  | { type: "profile"; name: string; position: Position }
  /** `coverage:gap` (attack dialect only): technique notes whose counted coverage is that (see COVERAGE_VALUES). */
  | { type: "coverage"; value: CoverageValue; position: Position };

/** What `coverage:` takes: `gap` (no detection rule), `covered` (at least one), or a status by name. */
export const COVERAGE_VALUES = ["gap", "covered", "no-rule", "tests-no-rule", "rules-no-test", "rules-and-tests"] as const;
export type CoverageValue = (typeof COVERAGE_VALUES)[number];

/**
 * Which queries a text may hold. `obsidian`: what core Search answers, for ```query blocks, whose
 * results must be what Obsidian lists. `attack`: that and `technique:`, `profile:` and `coverage:`,
 * for ```attack-query blocks, the CLI's query command and the API.
 */
export type QueryDialect = "obsidian" | "attack";

export type QueryErrorKind = "syntax" | "unsupported" | "empty";

export interface QueryError {
  kind: QueryErrorKind;
  /** A sentence for a person: what is wrong and, where it helps, what to write instead. */
  message: string;
  /** Where in the query text the problem starts (0-based), and the 1-based line and column of it. */
  position: Position;
  line: number;
  column: number;
}

/** What the engine needs from an index; the vault index implements it. */
export interface QuerySource {
  /** Every note path in the vault index. */
  allPaths(): Iterable<string>;
  /** Notes carrying `tagKey` (lower case, no `#`) or a nested tag below it (`tagKey/…`). */
  pathsWithTag(tagKey: string): ReadonlySet<string>;
  /** Notes that name the technique (canonical ID) in a tag, a property or, for a technique note, its file name; none when the source knows no techniques. */
  pathsWithTechnique?(techniqueId: string): ReadonlySet<string>;
  /** The note's frontmatter, or null when it has none (or the path is unknown). */
  propertiesOf(path: string): Readonly<Record<string, unknown>> | null;
  /** How much property terms may read of the note (see note-view.ts); a fixed default when absent. */
  propertyWorkLimit?(path: string): number;
  /** Technique notes of the techniques the threat profiles a name, ID or alias stands for list; none when the source knows no profiles. */
  profileTechniqueNotes?(name: string): ReadonlySet<string>;
  /** A technique note's counted coverage, as the report counts it with this rollup; null for any other note. */
  coverageLookup?(rollup: boolean): (path: string) => CoverageStatus | null;
}

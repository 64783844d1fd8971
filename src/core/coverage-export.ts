/**
 * A coverage report as plain data: what `attack-vault coverage --json` prints and what the
 * plugin's API returns, so scripts and dataviewjs see one shape.
 */
import type { CoverageCounts, CoverageReport, CoverageRow, CoverageStatus } from "./coverage";

/** Field by field in docs/schemas/coverage.schema.json. */
export interface TechniqueCoverageData {
  id: string;
  name: string;
  note: string;
  tactics: string[];
  platforms: string[];
  /** What the report counts: with rollup on, a parent's rules and tests include its sub-techniques'. */
  status: CoverageStatus;
  rules: string[];
  tests: string[];
  viaSubTechniquesOnly: boolean;
  /** The rules and tests that name this technique itself. */
  direct: { status: CoverageStatus; rules: string[]; tests: string[] };
  subTechniques: string[];
  duplicateNotes?: string[];
}

export interface TacticCoverageData {
  id: string;
  name: string;
  shortname: string;
  techniques: number;
  withRule: number;
  withTest: number;
  gaps: number;
}

export interface CoverageData {
  /** Whether the counted fields roll sub-techniques up into their parents. */
  rollup: boolean;
  techniques: TechniqueCoverageData[];
  tactics: TacticCoverageData[];
  totals: CoverageCounts;
}

export function techniqueCoverageData(row: CoverageRow): TechniqueCoverageData {
  return {
    id: row.id,
    name: row.name,
    note: row.note,
    tactics: row.tactics.map((tactic) => tactic.name),
    platforms: row.platforms,
    status: row.status,
    rules: row.rules,
    tests: row.tests,
    viaSubTechniquesOnly: row.viaSubTechniquesOnly,
    direct: { status: row.direct.status, rules: row.direct.rules, tests: row.direct.tests },
    subTechniques: row.subTechniques,
    ...(row.notes.length > 1 ? { duplicateNotes: row.notes } : {}),
  };
}

export function coverageData(report: CoverageReport): CoverageData {
  return {
    rollup: report.rollup,
    techniques: report.rows.map(techniqueCoverageData),
    tactics: report.tactics.map((group) => ({
      id: group.tactic.id,
      name: group.tactic.name,
      shortname: group.tactic.shortname,
      techniques: group.techniques,
      withRule: group.withRule,
      withTest: group.withTest,
      gaps: group.gaps,
    })),
    totals: report.filtered,
  };
}

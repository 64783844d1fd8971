/**
 * A coverage report as plain data: what `attack-vault coverage --json` prints and what the
 * plugin's API returns, so scripts and dataviewjs see one shape.
 */
import type { CoverageCounts, CoverageReport, CoverageRow } from "./coverage";

export interface TechniqueCoverageData {
  id: string;
  name: string;
  note: string;
  tactics: string[];
  platforms: string[];
  rules: string[];
  tests: string[];
  status: string;
  effectiveStatus: string;
  subTechniques: string[];
  rollup: { rules: string[]; tests: string[]; status: string; fromSubTechniquesOnly: boolean } | null;
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
    rules: row.rules,
    tests: row.tests,
    status: row.status,
    effectiveStatus: row.effectiveStatus,
    subTechniques: row.subTechniques,
    rollup: row.rollup,
    ...(row.notes.length > 1 ? { duplicateNotes: row.notes } : {}),
  };
}

export function coverageData(report: CoverageReport): CoverageData {
  return {
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

/**
 * The JSON of `attack-vault coverage --json`: a public interface that scripts read.
 * Keep every field; add new ones only alongside.
 */
import type { AttackComparison } from "../core/attack-coverage";
import type { CoverageReport, CoverageRow } from "../core/coverage";
import type { CoverageChanges } from "../core/coverage-diff";
import type { CoverageGate } from "../core/coverage-gate";
import type { NoteWarning } from "../core/note";

export interface CoverageJson {
  techniques: Array<{
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
  }>;
  tactics: Array<{ id: string; name: string; shortname: string; techniques: number; withRule: number; withTest: number; gaps: number }>;
  totals: { techniques: number; withRule: number; withTest: number; gaps: number };
  warnings: NoteWarning[];
}

/** Fields added alongside the original ones: the ATT&CK comparison, the gate and the baseline changes. */
export type CoverageJsonExtras = Partial<AttackComparison> & {
  gate?: { failUnder: number; percent: number; passed: boolean; techniques: number; withRule: number };
  changes?: CoverageChanges & { baseline: string };
};

export function gateJson(gate: CoverageGate): NonNullable<CoverageJsonExtras["gate"]> {
  return { failUnder: gate.failUnder, percent: Math.round(gate.percent * 10) / 10, passed: gate.passed, techniques: gate.techniques, withRule: gate.withRule };
}

function techniqueJson(row: CoverageRow): CoverageJson["techniques"][number] {
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

export function coverageJson(report: CoverageReport, warnings: NoteWarning[], extras: CoverageJsonExtras = {}): CoverageJson & CoverageJsonExtras {
  return {
    techniques: report.rows.map(techniqueJson),
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
    warnings,
    ...extras,
  };
}

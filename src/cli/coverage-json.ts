/**
 * The JSON of `attack-vault coverage --json`: a public interface that scripts read.
 * Keep every field; add new ones only alongside.
 */
import type { AttackComparison } from "../core/attack-coverage";
import type { CoverageReport } from "../core/coverage";
import type { CoverageChanges } from "../core/coverage-diff";
import { coverageData, type CoverageData, type TopGapsData } from "../core/coverage-export";
import { shownPercent, type CoverageGate } from "../core/coverage-gate";
import type { NoteWarning } from "../core/note";

export interface CoverageJson extends CoverageData {
  warnings: NoteWarning[];
}

/** Fields added alongside the original ones: the ATT&CK comparison, the gate, the baseline changes and the top gaps. */
export type CoverageJsonExtras = Partial<AttackComparison> & {
  gate?: { failUnder: number; percent: number; passed: boolean; techniques: number; withRule: number };
  changes?: CoverageChanges & { baseline: string };
  topGaps?: TopGapsData;
};

export function gateJson(gate: CoverageGate): NonNullable<CoverageJsonExtras["gate"]> {
  return { failUnder: gate.failUnder, percent: shownPercent(gate), passed: gate.passed, techniques: gate.techniques, withRule: gate.withRule };
}

export function coverageJson(report: CoverageReport, warnings: NoteWarning[], extras: CoverageJsonExtras = {}): CoverageJson & CoverageJsonExtras {
  return { ...coverageData(report), warnings, ...extras };
}

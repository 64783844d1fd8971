/**
 * The CI gate: is the share of techniques with a detection rule (after filters, by the
 * status the report counts) at or above a bar?
 */
import { isGap, type CoverageReport, type CoverageRow } from "./coverage";

export interface CoverageGate {
  /** The bar, in percent. */
  failUnder: number;
  /** The share of techniques with a rule, in percent; 0 when no technique passes the filters. */
  percent: number;
  passed: boolean;
  techniques: number;
  withRule: number;
  /** The gaps: techniques with no rule, in ID order. */
  missing: CoverageRow[];
}

/** `80`, `80%`, `72.5` → a number from 0 to 100; null for anything else. */
export function parsePercent(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  return value >= 0 && value <= 100 ? value : null;
}

export function coverageGate(report: CoverageReport, failUnder: number): CoverageGate {
  const { techniques, withRule } = report.filtered;
  const percent = techniques === 0 ? 0 : (withRule / techniques) * 100;
  // Compared as fractions, so 2 of 3 passes a bar of 66.66 and fails one of 66.67.
  const passed = techniques === 0 ? failUnder === 0 : withRule * 100 >= failUnder * techniques;
  return { failUnder, percent, passed, techniques, withRule, missing: report.rows.filter((row) => isGap(row.status)) };
}

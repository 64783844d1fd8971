/**
 * The CI gate: is the share of techniques with a detection rule (after filters, by the
 * status the report counts) at or above a bar?
 */
import { isGap, type CoverageReport, type CoverageRow } from "./coverage";
import { roundPercent, sharePercent } from "./wording";

export interface CoverageGate {
  /** The bar, in percent. */
  failUnder: number;
  /** The share of techniques with a rule, in percent; 0 when no technique passes the filters. */
  percent: number;
  /** At or above the bar; never with no technique to measure. */
  passed: boolean;
  techniques: number;
  withRule: number;
  /** The gaps: techniques with no rule, in ID order. */
  missing: CoverageRow[];
}

/** Decimals a bar may have: enough for any bar a person types, few enough to compare in whole numbers. */
const BAR_DECIMALS = 6;

/** `80`, `80%`, `72.5` → a number from 0 to 100; null for anything else. */
export function parsePercent(text: string): number | null {
  const match = new RegExp(`^\\s*(\\d+(?:\\.\\d{1,${BAR_DECIMALS}})?)\\s*%?\\s*$`).exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  return value >= 0 && value <= 100 ? value : null;
}

export function coverageGate(report: CoverageReport, failUnder: number): CoverageGate {
  const { techniques, withRule } = report.filtered;
  const percent = sharePercent(withRule, techniques);
  // In whole numbers, so 2 of 3 passes a bar of 66.66 and fails one of 66.67, and 301 of 500 meets 60.2 exactly.
  const scale = 10 ** BAR_DECIMALS;
  const passed = techniques > 0 && withRule * 100 * scale >= Math.round(failUnder * scale) * techniques;
  return { failUnder, percent, passed, techniques, withRule, missing: report.rows.filter((row) => isGap(row.status)) };
}

/**
 * The share as shown beside the verdict: one decimal, as every share is shown, or as many more as keep it on the verdict's
 * side of the bar, so a failed gate never reads "60.2% is below 60.2%".
 */
export function shownPercent(gate: CoverageGate): number {
  for (let decimals = 1; decimals <= 12; decimals++) {
    const rounded = roundPercent(gate.percent, decimals);
    if (gate.passed ? rounded >= gate.failUnder : rounded < gate.failUnder) return rounded;
  }
  return gate.percent;
}

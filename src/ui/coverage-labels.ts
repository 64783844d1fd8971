/** Words and icons for coverage statuses: readable without colour, styled by class. */
import type { CoverageStatus } from "../core/coverage";

export const STATUS_LABELS: Record<CoverageStatus, { text: string; icon: string; mark: string }> = {
  "no-rule": { text: "No rule", icon: "shield-off", mark: "✗" },
  "tests-no-rule": { text: "Tests, no rule", icon: "flask-conical", mark: "!" },
  "rules-no-test": { text: "Rules, no test", icon: "shield", mark: "◐" },
  "rules-and-tests": { text: "Rules and tests", icon: "shield-check", mark: "✓" },
};

export function percentText(part: number, whole: number): string {
  return whole === 0 ? "–" : `${Math.round((part / whole) * 100)}%`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Words and marks for coverage statuses: readable without colour, styled by class. */
import type { CoverageStatus } from "../core/coverage";

export const STATUS_LABELS: Record<CoverageStatus, { text: string; mark: string }> = {
  "no-rule": { text: "No rule", mark: "✗" },
  "tests-no-rule": { text: "Tests, no rule", mark: "!" },
  "rules-no-test": { text: "Rules, no test", mark: "◐" },
  "rules-and-tests": { text: "Rules and tests", mark: "✓" },
};

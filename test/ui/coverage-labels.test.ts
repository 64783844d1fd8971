/** Words and marks for coverage statuses: every status readable without colour, each one its own. */
import { statusOf } from "../../src/core/coverage";
import { STATUS_LABELS } from "../../src/ui/coverage-labels";

describe("STATUS_LABELS", () => {
  test.each<[number, number, string, string]>([
    [0, 0, "✗", "No rule"],
    [0, 1, "!", "Tests, no rule"],
    [1, 0, "◐", "Rules, no test"],
    [2, 3, "✓", "Rules and tests"],
  ])("%i rules and %i tests read as %s %s", (rules, tests, mark, text) => {
    expect(STATUS_LABELS[statusOf(rules, tests)]).toEqual({ mark, text });
  });

  test("no two statuses share a mark or words", () => {
    const labels = Object.values(STATUS_LABELS);
    expect([new Set(labels.map((label) => label.mark)).size, new Set(labels.map((label) => label.text)).size]).toEqual([labels.length, labels.length]);
  });
});

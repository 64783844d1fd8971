import { compareBySeverity, knownLevel, levelWeight, levelWeightsText, severityRank, SIGMA_LEVELS } from "../../src/core/sigma-level";

describe("Sigma levels", () => {
  test("most severe first, each weighing more than the next", () => {
    expect(SIGMA_LEVELS.map(({ level }) => level)).toEqual(["critical", "high", "medium", "low", "informational"]);
    const weights = SIGMA_LEVELS.map(({ weight }) => weight);
    expect(weights).toEqual([...new Set(weights)].sort((a, b) => b - a));
  });

  test.each<[string | null, number, number, string | null]>([
    ["critical", 0, 12, "critical"],
    ["informational", 4, 1, "informational"],
    ["urgent", 5, 1, null],
    [null, 5, 1, null],
  ])("%p: rank %i, weight %i, known as %p", (level, rank, weight, known) => {
    expect([severityRank(level), levelWeight(level), knownLevel(level)]).toEqual([rank, weight, known]);
  });

  test("the weights in words, least first, as the layer's metadata says them", () => {
    expect(levelWeightsText()).toBe("informational 1, low 2, medium 4, high 8, critical 12");
  });
});

describe("rules in the order blocks and the API list them", () => {
  const rule = (title: string, level: string | null, path = `Detection Rules/${title}.md`) => ({ title, level, path });

  test("most severe first, then titles with numbers by value and case aside, then paths", () => {
    const rules = [rule("Rule 10", "high"), rule("rule 2", "high"), rule("Rule 1", null), rule("Z", "critical"), rule("rule 2", "high", "Detection Rules/a.md")];
    expect(rules.sort(compareBySeverity).map((r) => `${r.title} ${r.path}`)).toEqual([
      "Z Detection Rules/Z.md",
      "rule 2 Detection Rules/a.md",
      "rule 2 Detection Rules/rule 2.md",
      "Rule 10 Detection Rules/Rule 10.md",
      "Rule 1 Detection Rules/Rule 1.md",
    ]);
  });
});

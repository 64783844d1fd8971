import { countWithShare, notInRelease, retiredText, ruleAndTestCounts, summaryParts, tacticsText } from "../../src/core/coverage-words";
import { percentText, roundPercent } from "../../src/core/wording";

describe("shares", () => {
  test.each<[number, number, string]>([
    [2, 3, "66.7%"],
    [4, 5, "80%"],
    [1, 8, "12.5%"],
    [0, 7, "0%"],
    [0, 0, "–"],
  ])("%i of %i is %s", (part, whole, text) => {
    expect(percentText(part, whole)).toBe(text);
  });

  test("a share keeps more decimals only when asked", () => {
    expect([roundPercent(66.666), roundPercent(66.666, 3)]).toEqual([66.7, 66.666]);
  });

  test("a count with its share", () => {
    expect(countWithShare(2, 3)).toBe("2 (66.7%)");
  });
});

describe("the summary's four figures", () => {
  test.each([
    [{ techniques: 3, withRule: 2, withTest: 1, gaps: 1 }, { techniques: "3 techniques", withRule: "2 (66.7%) with a detection rule", withTest: "1 (33.3%) with a test", gaps: "1 with no detection rule" }],
    [{ techniques: 1, withRule: 1, withTest: 0, gaps: 0 }, { techniques: "1 technique", withRule: "1 (100%) with a detection rule", withTest: "0 (0%) with a test", gaps: "0 with no detection rule" }],
  ])("%j", (counts, parts) => {
    expect(summaryParts(counts)).toEqual(parts);
  });
});

describe("phrases", () => {
  test.each<[string, string, string]>([
    ["tactics", tacticsText(["Execution", "Persistence"]), "Execution, Persistence"],
    ["no tactic", tacticsText([]), "no tactic"],
    ["one rule, no test", ruleAndTestCounts(1, 0), "1 rule · 0 tests"],
    ["rules and a test", ruleAndTestCounts(3, 1), "3 rules · 1 test"],
    ["an ID the release does not know", notInRelease("18.1"), "(not in ATT&CK v18.1)"],
    ["deprecated, with what replaced it", retiredText("deprecated", ["T1059"]), "deprecated; ATT&CK says to use T1059 instead"],
    ["revoked, with nothing named", retiredText("revoked", null), "revoked (the shipped ATT&CK data does not name what replaced it)"],
  ])("%s", (_name, text, expected) => {
    expect(text).toBe(expected);
  });
});

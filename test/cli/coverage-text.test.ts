/** The readable coverage report: a per-tactic table, then every technique with no rule. */
import { coverageText, noGapsText, widthOf } from "../../src/cli/coverage-text";
import { computeCoverage } from "../../src/core/coverage";
import { GAPS_SECTION } from "../../src/core/coverage-words";
import { VaultIndex } from "../../src/core/vault-index";
import { rule, technique } from "../core/note-records";
import { smallVault } from "../core/small-attack";

describe("widthOf", () => {
  test.each<[string[], number, number]>([
    [[], 0, 0],
    [["ab", "abcd", "a"], 0, 4],
    [["ab"], 5, 5],
  ])("%j, at least %i: %i", (texts, least, width) => {
    expect(widthOf(texts, least)).toBe(width);
  });

  test("counts past what Math.max(...texts) could take as arguments", () => {
    expect(widthOf(Array.from({ length: 200_000 }, (_, n) => "x".repeat(n % 7)))).toBe(6);
  });
});

describe("coverageText", () => {
  test("the title, the totals, a table by tactic in ATT&CK order, then the gaps with their tactics", () => {
    expect(coverageText(computeCoverage(smallVault(), { rollup: true }), "Small")).toBe(
      [
        "ATT&CK coverage of Small",
        "3 techniques · 2 (66.7%) with a detection rule · 0 (0%) with a test · 1 with no detection rule",
        "",
        "Tactic           Techniques  With rule  With test  No rule",
        "───────────────  ──────────  ─────────  ─────────  ───────",
        "Execution                 3  2 (66.7%)     0 (0%)        1",
        "Defense Evasion           1     0 (0%)     0 (0%)        1",
        "",
        "Techniques with no detection rule (1):",
        "  T1064  Scripting — Execution, Defense Evasion",
        "",
      ].join("\n"),
    );
  });

  test("control characters in the title and in names (of a technique ATT&CK does not name) are shown, not obeyed", () => {
    const index = new VaultIndex();
    index.upsert(technique("T1999", "Data\u001b[2J Obfuscation"));
    expect(coverageText(computeCoverage(index, { rollup: true }), "vault\r")).toContain("ATT&CK coverage of vault\\x0d\n");
    expect(coverageText(computeCoverage(index, { rollup: true }), "v")).toContain("  T1999  Data\\x1b[2J Obfuscation — Execution\n");
  });
});

describe("noGapsText", () => {
  const covered = new VaultIndex();
  covered.upsert(technique("T1001", "Data Obfuscation"));
  covered.upsert(rule("r", ["t1001"]));

  test.each([
    ["an all-clear when techniques were counted", {}, "", GAPS_SECTION.none],
    ["no all-clear when the filters matched nothing, naming them", { platform: "Linux" }, "--platform Linux", "No technique note matches --platform Linux."],
    ["the filters in general when they were not given", { platform: "Linux" }, "", "No technique note matches the filters."],
  ])("%s", (_name, filter, flags, text) => {
    expect(noGapsText(computeCoverage(covered, { rollup: true, filter }), flags)).toBe(text);
  });
});

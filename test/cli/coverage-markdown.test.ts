/** `coverage --format markdown`: a report a pull request shows, with outside text kept as text. */
import { coverageMarkdown, markdownText } from "../../src/cli/coverage-markdown";
import { compareWithAttack } from "../../src/core/attack-coverage";
import { computeCoverage } from "../../src/core/coverage";
import { coverageGate } from "../../src/core/coverage-gate";
import { VaultIndex } from "../../src/core/vault-index";
import { technique } from "../core/note-records";
import { SMALL_RELEASE, smallVault } from "../core/small-attack";

describe("markdownText", () => {
  test.each([
    ["markup is escaped", "*bold* _x_ `code` [link](u) <b> | # ~ & !", "\\*bold\\* \\_x\\_ \\`code\\` \\[link\\](u) \\<b\\> \\| \\# \\~ \\& \\!"],
    ["a line cannot be forged", "one\r\ntwo\nthree", "one two three"],
    ["a mention notifies no one", "@team", "@&#8203;team"],
    ["control characters show as escapes", "a\u0007b", "a\\x07b"],
  ])("%s", (_name, text, markdown) => {
    expect(markdownText(text)).toBe(markdown);
  });
});

describe("coverageMarkdown", () => {
  test("the verdict, the summary, the table, the gaps and the ATT&CK sections", () => {
    const index = smallVault();
    const report = computeCoverage(index, { rollup: true });
    expect(coverageMarkdown(report, "Small", { gate: coverageGate(report, 50), attack: compareWithAttack(index, report, SMALL_RELEASE) })).toBe(
      [
        "## ATT&CK coverage of Small",
        "",
        "✅ 66.7% of techniques with a detection rule: meets the bar of 50%.",
        "",
        "**3 techniques** · 2 (66.7%) with a detection rule · 0 (0%) with a test · **1 with no detection rule**",
        "",
        "| Tactic | Techniques | With rule | With test | No rule |",
        "| --- | ---: | ---: | ---: | ---: |",
        "| Execution | 3 | 2 (66.7%) | 0 (0%) | 1 |",
        "| Defense Evasion | 1 | 0 (0%) | 0 (0%) | 1 |",
        "",
        "### Techniques with no detection rule (1)",
        "",
        "- **T1064** Scripting — Execution, Defense Evasion",
        "",
        "### ATT&CK v9.9 techniques with no note in the vault (3)",
        "",
        "- **T1059.004** Command and Scripting Interpreter: Unix Shell — Execution",
        "- **T1070** Indicator Removal — Defense Evasion",
        "- **T1547** Boot or Logon Autostart Execution — Persistence",
        "",
        "### Revoked or deprecated techniques the vault names (2)",
        "",
        "- **T1064** deprecated; ATT&CK says to use T1059 instead; technique note Use Cases/T1064 - Scripting.md",
        "- **T1086** revoked (the shipped ATT&CK data does not name what replaced it); named by 1 rule",
        "",
        "### Techniques rules or tests name that have no note (4)",
        "",
        "- **T1059.004** Command and Scripting Interpreter: Unix Shell — 1 rule · 0 tests",
        "- **T1086** PowerShell — 1 rule · 0 tests",
        "- **T1547** Boot or Logon Autostart Execution — 0 rules · 1 test",
        "- **T1999** (not in ATT\\&CK v9.9) — 1 rule · 0 tests",
        "",
      ].join("\n"),
    );
  });

  test("a failed bar says so first", () => {
    const report = computeCoverage(smallVault(), { rollup: true });
    expect(coverageMarkdown(report, "Small", { gate: coverageGate(report, 70) }).split("\n")[2]).toBe("❌ 66.7% of techniques with a detection rule: below the bar of 70%.");
  });

  test("a list longer than 20 folds away behind Show all", () => {
    const index = new VaultIndex();
    for (let n = 0; n < 21; n++) index.upsert(technique(`T${1001 + n}`, `Technique ${n}`));
    const lines = coverageMarkdown(computeCoverage(index, { rollup: true }), "Many").split("\n");
    const heading = lines.indexOf("### Techniques with no detection rule (21)");
    expect(lines.slice(heading, heading + 4)).toEqual(["### Techniques with no detection rule (21)", "", "<details><summary>Show all</summary>", ""]);
    expect(lines.slice(-3)).toEqual(["", "</details>", ""]);
  });
});

/** The readable sections `coverage` adds: the ATT&CK comparison, changes since a baseline, the gate's verdict. */
import { attackText, changesText, filterFlags, gateLines, retiredGroups } from "../../src/cli/coverage-extras-text";
import { compareWithAttack } from "../../src/core/attack-coverage";
import { computeCoverage } from "../../src/core/coverage";
import { coverageGate } from "../../src/core/coverage-gate";
import { CHANGES_WORDS } from "../../src/core/coverage-words";
import { SMALL_RELEASE, smallVault } from "../core/small-attack";

const index = smallVault();
const report = computeCoverage(index, { rollup: true });
const comparison = compareWithAttack(index, report, SMALL_RELEASE);

describe("attackText", () => {
  test("ATT&CK's techniques with no note, retired ones the vault names, and IDs named only by rules and tests", () => {
    expect(attackText(comparison)).toBe(
      [
        "ATT&CK v9.9 techniques with no note in the vault (3):",
        "  T1059.004  Command and Scripting Interpreter: Unix Shell — Execution",
        "  T1070      Indicator Removal — Defense Evasion",
        "  T1547      Boot or Logon Autostart Execution — Persistence",
        "",
        "Revoked or deprecated techniques the vault names (2):",
        "  T1064  deprecated; ATT&CK says to use T1059 instead",
        "         technique note: Use Cases/T1064 - Scripting.md",
        "  T1086  revoked (the shipped ATT&CK data does not name what replaced it) — named by 1 rule",
        "",
        "Techniques rules or tests name that have no note (4):",
        "  T1059.004  Command and Scripting Interpreter: Unix Shell — 1 rule · 0 tests",
        "  T1086      PowerShell — 1 rule · 0 tests",
        "  T1547      Boot or Logon Autostart Execution — 0 rules · 1 test",
        "  T1999      (not in ATT&CK v9.9) — 1 rule · 0 tests",
        "",
      ].join("\n"),
    );
  });
});

describe("retiredGroups", () => {
  test("one group per technique: its notes by path, its rules and tests counted", () => {
    expect(retiredGroups(comparison.revokedOrDeprecated).map(({ id, rules, tests, techniqueNotes }) => ({ id, rules, tests, techniqueNotes }))).toEqual([
      { id: "T1064", rules: 0, tests: 0, techniqueNotes: ["Use Cases/T1064 - Scripting.md"] },
      { id: "T1086", rules: 1, tests: 0, techniqueNotes: [] },
    ]);
  });
});

describe("changesText", () => {
  test("gains and losses, aligned, saying when a technique is newly covered or has no rule left", () => {
    const changes = {
      gained: [{ id: "T1059", name: "Command and Scripting Interpreter", rulesBefore: 0, rulesAfter: 2 }, { id: "T1070", name: "Indicator Removal", rulesBefore: 1, rulesAfter: 3 }],
      lost: [{ id: "T1547.001", name: null, rulesBefore: 3, rulesAfter: 0 }],
    };
    expect(changesText(changes, "old.json")).toBe(
      [
        "Changes since old.json:",
        "Gained rules (2):",
        "  T1059      Command and Scripting Interpreter — 0 → 2 rules  (newly covered)",
        "  T1070      Indicator Removal — 1 → 3 rules",
        "Lost rules (1):",
        "  T1547.001  (unknown technique) — 3 → 0 rules  (no rule left)",
        "",
      ].join("\n"),
    );
  });

  test("none, in a line", () => {
    expect(changesText({ gained: [], lost: [] }, "old.json")).toBe(`${CHANGES_WORDS.none} since old.json.\n`);
  });
});

describe("filterFlags", () => {
  test.each([
    [{}, ""],
    [{ platform: "Linux" }, "--platform Linux"],
    [{ platform: "Azure AD", tactic: "Impact" }, '--platform "Azure AD" --tactic Impact'],
  ])("%j: %s", (filter, flags) => {
    expect(filterFlags(filter)).toBe(flags);
  });
});

describe("gateLines", () => {
  test.each([
    ["a bar met", 50, {}, "attack-vault: coverage 66.7% (2 of 3 techniques with a detection rule) meets --fail-under 50%"],
    ["a bar missed, pointing to the gaps in the report", 70, {}, "attack-vault: coverage 66.7% (2 of 3 techniques with a detection rule) is below --fail-under 70%; the 1 technique with no detection rule is in the report"],
  ])("%s", (_name, bar, filter, line) => {
    expect(gateLines(coverageGate(report, bar), filter)).toEqual([line]);
  });

  test("no technique to measure is below any bar, naming the filters", () => {
    const filter = { platform: "Plan 9" };
    expect(gateLines(coverageGate(computeCoverage(index, { rollup: true, filter }), 0), filter)).toEqual([
      'attack-vault: no technique note matches --platform "Plan 9", so there is no coverage to measure: below --fail-under 0%',
    ]);
  });
});

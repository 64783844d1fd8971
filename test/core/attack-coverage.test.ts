/** The vault against a small hand-written ATT&CK release. */
import { compareWithAttack } from "../../src/core/attack-coverage";
import { computeCoverage, type CoverageFilter } from "../../src/core/coverage";
import { SMALL_RELEASE as release, smallVault as vault } from "./small-attack";
import { record } from "./note-records";

function compare(filter: CoverageFilter = {}) {
  const index = vault();
  return compareWithAttack(index, computeCoverage(index, { rollup: true, filter }), release, filter);
}

describe("ATT&CK techniques with no note", () => {
  test.each<[string, CoverageFilter, string[]]>([
    ["no filter: active techniques only, no revoked or deprecated", {}, ["T1059.004", "T1070", "T1547"]],
    ["a platform in any case", { platform: "windows" }, ["T1070", "T1547"]],
    ["a tactic by name", { tactic: "Persistence" }, ["T1547"]],
    ["a tactic by shortname", { tactic: "defense-evasion" }, ["T1070"]],
    ["platform and tactic together", { platform: "Linux", tactic: "Execution" }, ["T1059.004"]],
    ["a platform ATT&CK has no technique for", { platform: "Amiga" }, []],
  ])("%s", (_name, filter, ids) => {
    expect(compare(filter).missingTechniques.map((technique) => technique.id)).toEqual(ids);
  });

  test("carry the full name and tactic names", () => {
    expect(compare().missingTechniques[0]).toEqual({ id: "T1059.004", name: "Command and Scripting Interpreter: Unix Shell", tactics: ["Execution"] });
  });
});

describe("notes on revoked or deprecated techniques", () => {
  test("a deprecated technique note and a rule naming a revoked technique, with what replaced them", () => {
    expect(compare().revokedOrDeprecated).toEqual([
      { id: "T1064", note: "Use Cases/T1064 - Scripting.md", kind: "technique", status: "deprecated", replacedBy: ["T1059"] },
      { id: "T1086", note: "Detection Rules/old_ps.md", kind: "rule", status: "revoked", replacedBy: null },
    ]);
  });

  test("technique notes follow the report's filtered rows", () => {
    expect(compare({ platform: "Linux" }).revokedOrDeprecated.map((entry) => entry.id)).toEqual([]);
  });
});

describe("IDs the vault only references", () => {
  test.each<[string, CoverageFilter, Array<[string, string | null]>]>([
    [
      "no filter: every one, named where ATT&CK knows it",
      {},
      [
        ["T1059.004", "Command and Scripting Interpreter: Unix Shell"],
        ["T1086", "PowerShell"],
        ["T1547", "Boot or Logon Autostart Execution"],
        ["T1999", null],
      ],
    ],
    [
      "a filter keeps the known ones that match and drops unknown IDs",
      { platform: "Windows" },
      [
        ["T1086", "PowerShell"],
        ["T1547", "Boot or Logon Autostart Execution"],
      ],
    ],
  ])("%s", (_name, filter, expected) => {
    expect(compare(filter).referencedWithoutNote.map((entry) => [entry.id, entry.name])).toEqual(expected);
  });

  test("list the rules and tests that name them", () => {
    const byId = new Map(compare().referencedWithoutNote.map((entry) => [entry.id, entry]));
    expect(byId.get("T1059.004")).toEqual(expect.objectContaining({ rules: ["Detection Rules/bash.md"], tests: [] }));
    expect(byId.get("T1547")).toEqual(expect.objectContaining({ rules: [], tests: ["Testing Runbooks/T1547 - Autostart.md"] }));
  });
});

test("the comparison names its release", () => {
  expect(compare().attack).toEqual({ version: "9.9", domain: "enterprise-attack" });
});

describe("with a threat profile", () => {
  const compareProfiled = (filter: CoverageFilter) => {
    const index = vault();
    index.upsert(record("Threat Profiles/Scripters.md", { tags: ["threat_profile"], techniques: ["T1059.001", "T1059.004", "T1070", "T1999"] }));
    const report = computeCoverage(index, { rollup: true, filter });
    return compareWithAttack(index, report, release, filter);
  };

  test("every list keeps only the profile's techniques", () => {
    const comparison = compareProfiled({ profile: "Scripters" });
    expect(comparison.missingTechniques.map((technique) => technique.id)).toEqual(["T1059.004", "T1070"]);
    expect(comparison.referencedWithoutNote.map((technique) => technique.id)).toEqual(["T1059.004", "T1999"]);
    expect(comparison.revokedOrDeprecated).toEqual([]);
  });

  test("and the other filters still apply, dropping IDs ATT&CK does not know", () => {
    const comparison = compareProfiled({ profile: "Scripters", platform: "Linux" });
    expect(comparison.missingTechniques.map((technique) => technique.id)).toEqual(["T1059.004", "T1070"]);
    expect(comparison.referencedWithoutNote.map((technique) => technique.id)).toEqual(["T1059.004"]);
  });
});

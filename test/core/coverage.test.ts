import { computeCoverage, coverageRows, statusOf, type CoverageStatus } from "../../src/core/coverage";
import { VaultIndex } from "../../src/core/vault-index";
import { record, rule, technique, test as atomicTest } from "./note-records";

function vault(): VaultIndex {
  const index = new VaultIndex();
  [
    technique("T1059", "Command and Scripting Interpreter", { platforms: "Linux, Windows, macOS" }),
    technique("T1059.001", "PowerShell", { platforms: "Windows" }),
    technique("T1059.004", "Unix Shell", { platforms: "Linux, macOS" }),
    technique("T1547", "Boot or Logon Autostart Execution", { tactics: "Persistence, Privilege Escalation", platforms: "Windows" }),
    technique("T1486", "Data Encrypted for Impact", { tactics: "Impact", platforms: "Windows, Linux" }),
    technique("T1082", "System Information Discovery", { tactics: "Discovery" }),
    rule("ps", ["t1059_001"]),
    rule("sh", ["t1059_004", "t1486"]),
    rule("unnoted_sub", ["t1547_099"]),
    atomicTest("T1059.001 - PowerShell", ["T1059_001"]),
    atomicTest("T1082 - System Information Discovery", ["T1082"]),
  ].forEach((note) => index.upsert(note));
  return index;
}

describe("status", () => {
  test.each<[number, number, CoverageStatus]>([
    [0, 0, "no-rule"],
    [0, 2, "tests-no-rule"],
    [3, 0, "rules-no-test"],
    [1, 1, "rules-and-tests"],
  ])("%i rules and %i tests: %s", (rules, tests, status) => {
    expect(statusOf(rules, tests)).toBe(status);
  });
});

describe("rows", () => {
  const rows = new Map(coverageRows(vault(), { rollup: true }).map((row) => [row.id, row]));
  const unrolled = new Map(coverageRows(vault(), { rollup: false }).map((row) => [row.id, row]));

  test.each<[string, CoverageStatus, CoverageStatus]>([
    ["T1059", "no-rule", "rules-and-tests"],
    ["T1059.001", "rules-and-tests", "rules-and-tests"],
    ["T1059.004", "rules-no-test", "rules-no-test"],
    ["T1547", "no-rule", "rules-no-test"],
    ["T1486", "rules-no-test", "rules-no-test"],
    ["T1082", "tests-no-rule", "tests-no-rule"],
  ])("%s: direct %s, counted with rollup %s, counted without rollup the direct one", (id, direct, rolledUp) => {
    expect([rows.get(id)?.direct.status, rows.get(id)?.status, unrolled.get(id)?.status]).toEqual([direct, rolledUp, direct]);
  });

  test("with rollup, a parent counts its sub-techniques' rules and tests, and says its rules come only from them", () => {
    const parent = rows.get("T1059");
    expect(parent).toMatchObject({
      rules: ["Detection Rules/ps.md", "Detection Rules/sh.md"],
      tests: ["Testing Runbooks/T1059.001 - PowerShell.md"],
      status: "rules-and-tests",
      direct: { rules: [], tests: [], status: "no-rule" },
      viaSubTechniquesOnly: true,
      subTechniques: ["T1059.001", "T1059.004"],
    });
  });

  test("without rollup, a parent counts only what names it, and nothing comes via its sub-techniques", () => {
    expect(unrolled.get("T1059")).toMatchObject({ rules: [], tests: [], status: "no-rule", viaSubTechniquesOnly: false, subTechniques: ["T1059.001", "T1059.004"] });
  });

  test("a rule for a sub-technique with no note still counts for the parent", () => {
    expect(rows.get("T1547")?.rules).toEqual(["Detection Rules/unnoted_sub.md"]);
    expect(rows.get("T1547")?.subTechniques).toEqual([]);
  });

  test("a technique with rules of its own is not covered via sub-techniques only", () => {
    expect([rows.get("T1059.001")?.viaSubTechniquesOnly, rows.get("T1486")?.viaSubTechniquesOnly]).toEqual([false, false]);
  });

  test("names, notes and tactics come from the technique note", () => {
    expect(rows.get("T1547")).toMatchObject({
      name: "Boot or Logon Autostart Execution",
      note: "Use Cases/T1547 - Boot or Logon Autostart Execution.md",
    });
    expect(rows.get("T1547")?.tactics.map((tactic) => tactic.name)).toEqual(["Persistence", "Privilege Escalation"]);
  });
});

describe("rows are worked out once per revision of the index", () => {
  test.each<[string, (index: VaultIndex) => void, boolean]>([
    ["asked again with nothing changed: the same rows", () => undefined, true],
    ["after a rule is added: rows again, counting it", (index) => index.upsert(rule("new", ["t1082"])), false],
    ["after a rule is removed", (index) => index.remove("Detection Rules/ps.md"), false],
  ])("%s", (_name, change, same) => {
    const index = vault();
    const before = coverageRows(index, { rollup: true });
    change(index);
    expect(coverageRows(index, { rollup: true }) === before).toBe(same);
  });

  test("rows for the other rollup setting are not the ones asked for before", () => {
    const index = vault();
    const rolled = coverageRows(index, { rollup: true });
    const unrolled = coverageRows(index, { rollup: false });
    expect([unrolled === rolled, unrolled.find((row) => row.id === "T1059")?.status]).toEqual([false, "no-rule"]);
  });

  test("a rule added after the first report is counted in the next", () => {
    const index = vault();
    const before = computeCoverage(index, { rollup: false }).rows.find((row) => row.id === "T1082")?.rules;
    index.upsert(rule("new", ["t1082"]));
    const after = computeCoverage(index, { rollup: false }).rows.find((row) => row.id === "T1082")?.rules;
    expect([before, after]).toEqual([[], ["Detection Rules/new.md"]]);
  });
});

describe("report and filters", () => {
  const ids = (filter: Parameters<typeof computeCoverage>[1]["filter"]) => computeCoverage(vault(), { rollup: true, filter }).rows.map((row) => row.id);

  test.each([
    ["no filter", {}, ["T1059", "T1059.001", "T1059.004", "T1082", "T1486", "T1547"]],
    ["platform, case-insensitive", { platform: "linux" }, ["T1059", "T1059.004", "T1486"]],
    ["tactic by name", { tactic: "Impact" }, ["T1486"]],
    ["tactic by mangled tag", { tactic: "_Privilege_Escalation" }, ["T1547"]],
    ["only gaps", { status: "gaps" as const }, ["T1082"]],
    ["one status", { status: "rules-no-test" as const }, ["T1059.004", "T1486", "T1547"]],
    ["text in an ID", { text: "t1059.00" }, ["T1059.001", "T1059.004"]],
    ["text in a name", { text: "shell" }, ["T1059.001", "T1059.004"]],
  ])("%s", (_name, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  test("per-tactic counts in matrix order, a technique counted in each of its tactics", () => {
    const report = computeCoverage(vault(), { rollup: true });
    expect(report.tactics.map((group) => [group.tactic.name, group.techniques, group.withRule, group.withTest, group.gaps])).toEqual([
      ["Execution", 3, 3, 2, 0],
      ["Persistence", 1, 1, 0, 0],
      ["Privilege Escalation", 1, 1, 0, 0],
      ["Discovery", 1, 0, 1, 1],
      ["Impact", 1, 1, 0, 0],
    ]);
    expect(report.overall).toEqual({ techniques: 6, withRule: 5, withTest: 3, gaps: 1 });
  });

  test("without rollup the counts are the direct ones", () => {
    const report = computeCoverage(vault(), { rollup: false });
    expect([report.rollup, report.overall]).toEqual([false, { techniques: 6, withRule: 3, withTest: 2, gaps: 3 }]);
  });

  test("filtered counts and overall counts differ under a filter", () => {
    const report = computeCoverage(vault(), { rollup: true, filter: { tactic: "Impact" } });
    expect(report.filtered.techniques).toBe(1);
    expect(report.overall.techniques).toBe(6);
  });

  test("a technique note without an ID is not a row", () => {
    const index = vault();
    index.upsert(record("Templates/t.md", { tags: ["techniques"] }));
    expect(coverageRows(index, { rollup: true })).toHaveLength(6);
  });
});

describe("platforms renamed between ATT&CK releases", () => {
  const index = new VaultIndex();
  [
    technique("T1078.004", "Cloud Accounts", { platforms: "Azure AD, Office 365, Google Workspace" }),
    technique("T1556.007", "Hybrid Identity", { platforms: "Identity Provider, Windows" }),
    technique("T1602", "Data from Configuration Repository", { platforms: "Network" }),
    technique("T1059.001", "PowerShell", { platforms: "Windows" }),
  ].forEach((note) => index.upsert(note));
  const ids = (platform: string): string[] => computeCoverage(index, { rollup: true, filter: { platform } }).rows.map((row) => row.id);

  test.each([
    ["the old name finds notes with either name", "Azure AD", ["T1078.004", "T1556.007"]],
    ["the new name finds notes with either name", "identity provider", ["T1078.004", "T1556.007"]],
    ["Office Suite finds Office 365 and Google Workspace", "Office Suite", ["T1078.004"]],
    ["Network Devices finds Network", "Network Devices", ["T1602"]],
    ["an unrenamed platform is unchanged", "Windows", ["T1059.001", "T1556.007"]],
  ])("%s: %s", (_name, platform, expected) => {
    expect(ids(platform)).toEqual(expected);
  });
});

describe("a threat profile filter", () => {
  const profiled = (): VaultIndex => {
    const index = vault();
    index.upsert(record("Threat Profiles/APT29.md", { tags: ["threat_profile"], name: "APT29", attack_id: "G0016", techniques: ["T1059.001", "T1082", "T1486", "T1583.001"] }));
    index.upsert(record("Threat Profiles/FIN7.md", { tags: ["threat_profile"], attack_id: "G0046", techniques: ["T1547", "T1082"] }));
    return index;
  };
  const ids = (report: ReturnType<typeof computeCoverage>): string[] => report.rows.map((row) => row.id);

  test.each<[string, string | string[], string[]]>([
    ["one profile by name keeps its techniques that have notes", "APT29", ["T1059.001", "T1082", "T1486"]],
    ["by ATT&CK ID", "g0046", ["T1082", "T1547"]],
    ["several: the union", ["APT29", "FIN7"], ["T1059.001", "T1082", "T1486", "T1547"]],
    ["an unknown profile keeps nothing", "APT28", []],
  ])("%s", (_name, profile, expected) => {
    expect(ids(computeCoverage(profiled(), { rollup: true, filter: { profile } }))).toEqual(expected);
  });

  test("it combines with the other filters", () => {
    expect(ids(computeCoverage(profiled(), { rollup: true, filter: { profile: "APT29", platform: "Windows", status: "gaps" } }))).toEqual(["T1082"]);
  });

  test("the scope counts the profile's techniques alone and names those with no note", () => {
    const report = computeCoverage(profiled(), { rollup: true, filter: { profile: ["APT29", "APT28"], tactic: "Impact" } });
    expect(report.profiles).toMatchObject({ unknown: ["APT28"], counts: { techniques: 3, withRule: 2, gaps: 1 }, withoutNote: ["T1583.001"] });
    expect(report.profiles?.profiles.map((profile) => profile.name)).toEqual(["APT29"]);
    expect(report.filtered.techniques).toBe(1);
  });

  test("no profile asked for, no scope", () => {
    expect(computeCoverage(profiled(), { rollup: true, filter: { profile: [] } }).profiles).toBeNull();
  });
});

/** The shipped ATT&CK table: facts checked against the STIX files by hand, its decoder, its size. */
import { buildSync } from "esbuild";
import { attackMajorVersion, attackRelease, decodeAttackTable, techniqueName, type AttackTable } from "../../src/core/attack-catalogue";
import { REPO_ROOT } from "../support/paths";

const release = attackRelease();
const sorted = (values: readonly string[]): string[] => [...values].sort();

describe("the shipped ATT&CK v18.1 Enterprise table", () => {
  // Facts read from the attack-pattern STIX objects (name, kill_chain_phases, x_mitre_platforms, revoked, x_mitre_deprecated).
  test.each([
    ["T1059", "Command and Scripting Interpreter", ["execution"], ["ESXi", "IaaS", "Identity Provider", "Linux", "macOS", "Network Devices", "Office Suite", "Windows"]],
    ["T1059.001", "PowerShell", ["execution"], ["Windows"]],
    ["T1003.001", "LSASS Memory", ["credential-access"], ["Windows"]],
    ["T1547.001", "Registry Run Keys / Startup Folder", ["persistence", "privilege-escalation"], ["Windows"]],
    ["T1021.002", "SMB/Windows Admin Shares", ["lateral-movement"], ["Windows"]],
  ])("%s is %s with its tactics and platforms", (id, name, tactics, platforms) => {
    const technique = release.techniques.get(id);
    expect(technique?.name).toBe(name);
    expect(technique?.tactics).toEqual(tactics);
    expect(sorted(technique?.platforms ?? [])).toEqual(sorted(platforms));
  });

  test.each([
    // Revoked: what replaced it comes from ATT&CK's revoked-by relationships.
    ["T1086", "PowerShell", true, false, ["T1059.001"]],
    ["T1574.002", "DLL Side-Loading", true, false, ["T1574.001"]],
    ["T1064", "Scripting", false, true, ["T1059"]],
    ["T1034", "Path Interception", false, true, ["T1574.007", "T1574.008", "T1574.009"]],
    ["T1053.004", "Launchd", false, true, null],
    ["T1059.001", "PowerShell", false, false, null],
  ])("%s (%s): revoked %s, deprecated %s, replaced by %j", (id, name, revoked, deprecated, replacedBy) => {
    expect(release.techniques.get(id)).toEqual(expect.objectContaining({ name, revoked, deprecated, replacedBy }));
  });

  test("a technique in several tactics lists them in matrix order", () => {
    expect(release.techniques.get("T1064")?.tactics).toEqual(["execution", "defense-evasion"]);
  });

  test.each([
    ["every object", () => release.techniques.size, 835],
    ["revoked", () => [...release.techniques.values()].filter((technique) => technique.revoked).length, 132],
    ["deprecated", () => [...release.techniques.values()].filter((technique) => technique.deprecated).length, 12],
    ["active techniques", () => [...release.techniques.values()].filter((t) => !t.revoked && !t.deprecated && !t.id.includes(".")).length, 216],
    ["active sub-techniques", () => [...release.techniques.values()].filter((t) => !t.revoked && !t.deprecated && t.id.includes(".")).length, 475],
  ])("counts %s", (_what, count, expected) => {
    expect(count()).toBe(expected);
  });

  test("the tactics are the matrix's fourteen, in its order, with shortnames and IDs", () => {
    expect(release.tactics).toHaveLength(14);
    expect(release.tactics[0]).toEqual({ id: "TA0043", shortname: "reconnaissance", name: "Reconnaissance" });
    expect(release.tactics[6]).toEqual({ id: "TA0005", shortname: "defense-evasion", name: "Defense Evasion" });
    expect(release.tactics.at(-1)).toEqual({ id: "TA0040", shortname: "impact", name: "Impact" });
  });

  test("the version comes from SOURCES.md, which says where", () => {
    expect(release.version).toBe("18.1");
    expect(attackMajorVersion(release)).toBe("18");
    expect(release.versionSource).toMatch(/SOURCES\.md: ATT&CK v18\.1 Enterprise/);
  });

  test("it is decoded once", () => {
    expect(attackRelease()).toBe(release);
  });
});

describe("names and platforms", () => {
  test.each([
    ["T1059.001", "Command and Scripting Interpreter: PowerShell"],
    ["T1059", "Command and Scripting Interpreter"],
    ["T1086", "PowerShell"],
    ["T1999", null],
    ["T1059.999", null],
  ])("techniqueName(%s) is %j", (id, name) => {
    expect(techniqueName(id)).toBe(name);
  });
});

describe("decodeAttackTable", () => {
  const table: AttackTable = {
    version: "9.9",
    versionSource: "test",
    domain: "enterprise-attack",
    tactics: [
      ["TA0001", "initial-access", "Initial Access"],
      ["TA0002", "execution", "Execution"],
    ],
    platforms: ["Linux", "Windows"],
    techniques: ["T1000|Parent|3|2", ".001|Child|2|1|r", "T1001|Old|1|3|d|T1000,T1000.001"],
  };
  const decoded = decodeAttackTable(table);

  test.each([
    ["T1000", { name: "Parent", tactics: ["initial-access", "execution"], platforms: ["Windows"], revoked: false, deprecated: false, replacedBy: null }],
    ["T1000.001", { name: "Child", tactics: ["execution"], platforms: ["Linux"], revoked: true, deprecated: false, replacedBy: null }],
    ["T1001", { name: "Old", tactics: ["initial-access"], platforms: ["Linux", "Windows"], revoked: false, deprecated: true, replacedBy: ["T1000", "T1000.001"] }],
  ])("decodes %s", (id, expected) => {
    expect(decoded.techniques.get(id)).toEqual({ id, ...expected });
  });
});

describe("the table's weight in a bundle", () => {
  test("the decoder and the table add under 40 KB to a minified bundle", () => {
    const result = buildSync({
      stdin: { contents: 'import { attackRelease } from "./src/core/attack-catalogue"; console.log(attackRelease().techniques.size);', resolveDir: REPO_ROOT, loader: "ts" },
      bundle: true,
      minify: true,
      format: "cjs",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    expect(result.outputFiles[0]?.contents.length).toBeLessThan(40 * 1024);
  });
});

import { computeCoverage, type CoverageFilter } from "../../src/core/coverage";
import { profileNames, topGaps } from "../../src/core/top-gaps";
import { VaultIndex } from "../../src/core/vault-index";
import { record, rule, technique, test as atomicTest } from "./note-records";

const profile = (name: string, techniques: string[]) => record(`Threat Profiles/${name}.md`, { tags: ["threat_profile"], name, techniques });

function vault(): VaultIndex {
  const index = new VaultIndex();
  [
    technique("T1059", "Command and Scripting Interpreter", { platforms: "Windows, Linux" }),
    technique("T1059.001", "PowerShell", { platforms: "Windows" }),
    technique("T1027", "Obfuscated Files or Information", { tactics: "Defense Evasion", platforms: "Windows, Linux" }),
    technique("T1018", "Remote System Discovery", { tactics: "Discovery", platforms: "Windows" }),
    technique("T1486", "Data Encrypted for Impact", { tactics: "Impact" }),
    rule("ps", ["t1059_001"]),
    atomicTest("T1018 - Remote System Discovery", ["T1018"]),
    // Rules may name a technique the vault has no note for: it is covered.
    rule("domains", ["t1583_002"]),
    profile("APT29", ["T1059", "T1027", "T1018", "T1583.001", "T1583.002"]),
    profile("FIN7", ["T1027", "T1018", "T1583.001", "T1059.001"]),
    profile("Wizard Spider", ["T1027", "T1486"]),
  ].forEach((note) => index.upsert(note));
  return index;
}

const ranked = (index: VaultIndex, filter: CoverageFilter = {}, limit = 10, rollup = true): Array<[string, number]> =>
  topGaps(index, computeCoverage(index, { rollup, filter }), filter, limit).gaps.map((gap) => [gap.id, gap.profiles.length]);

describe("top gaps", () => {
  test("techniques with no rule, by how many profiles list them, then by ID", () => {
    expect(ranked(vault())).toEqual([
      ["T1027", 3],
      ["T1018", 2],
      ["T1583.001", 2],
      ["T1486", 1],
    ]);
  });

  test("a parent covered through its sub-techniques is no gap with rollup, and is one without", () => {
    expect(ranked(vault()).map(([id]) => id)).not.toContain("T1059");
    expect(ranked(vault(), {}, 10, false)).toContainEqual(["T1059", 1]);
  });

  test("each gap says what it is and who lists it", () => {
    const index = vault();
    const { gaps, total } = topGaps(index, computeCoverage(index, { rollup: true }), {}, 2);
    expect(total).toBe(4);
    expect(gaps).toEqual([
      { id: "T1027", name: "Obfuscated Files or Information", note: "Use Cases/T1027 - Obfuscated Files or Information.md", status: "no-rule", profiles: ["Threat Profiles/APT29.md", "Threat Profiles/FIN7.md", "Threat Profiles/Wizard Spider.md"] },
      { id: "T1018", name: "Remote System Discovery", note: "Use Cases/T1018 - Remote System Discovery.md", status: "tests-no-rule", profiles: ["Threat Profiles/APT29.md", "Threat Profiles/FIN7.md"] },
    ]);
    expect(profileNames(index, gaps[0]?.profiles ?? [])).toEqual(["APT29", "FIN7", "Wizard Spider"]);
  });

  test("a technique the vault has no note for takes ATT&CK's name", () => {
    const index = vault();
    const gap = topGaps(index, computeCoverage(index, { rollup: true }), {}, 10).gaps.find((entry) => entry.id === "T1583.001");
    expect(gap).toMatchObject({ name: "Acquire Infrastructure: Domains", note: null, status: "no-rule" });
  });

  test.each<[string, CoverageFilter, string[]]>([
    ["a profile", { profile: "Wizard Spider" }, ["T1027", "T1486"]],
    ["a platform: the notes' own", { platform: "Linux" }, ["T1027"]],
    ["a platform: ATT&CK's for a technique without a note", { platform: "PRE" }, ["T1583.001"]],
    ["a tactic", { tactic: "Discovery" }, ["T1018"]],
    ["only gaps", { status: "gaps" }, ["T1027", "T1018", "T1583.001", "T1486"]],
  ])("the report's filter applies: %s", (_name, filter, ids) => {
    expect(ranked(vault(), filter).map(([id]) => id)).toEqual(ids);
  });

  test("follows the index as a profile changes", () => {
    const index = vault();
    index.upsert(profile("Wizard Spider", ["T1486", "T1018"]));
    expect(ranked(index).slice(0, 2)).toEqual([
      ["T1018", 3],
      ["T1027", 2],
    ]);
  });
});

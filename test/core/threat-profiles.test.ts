import { classifyNote } from "../../src/core/classify";
import { DEFAULT_CONVENTIONS, type NoteRecord } from "../../src/core/note";
import { findProfiles, frontmatterAliases, profileLabel, profileTechniqueIds, threatProfile, threatProfiles } from "../../src/core/threat-profiles";
import { VaultIndex } from "../../src/core/vault-index";
import { indexProblems } from "../../src/core/vault-problems";
import { record, rule } from "./note-records";

const profile = (path: string, extra: Record<string, unknown> = {}): NoteRecord => record(path, { tags: ["threat_profile"], ...extra });

function indexOf(records: NoteRecord[], conventions = DEFAULT_CONVENTIONS): VaultIndex {
  const index = new VaultIndex(conventions);
  records.forEach((note) => index.upsert(note));
  return index;
}

describe("a threat profile note", () => {
  test.each([
    ["IDs in a list, in any spelling", { techniques: ["T1059.001", "t1003_001", "attack.t1486"] }, ["T1059.001", "T1003.001", "T1486"]],
    ["IDs in a comma-separated string", { techniques: "T1059, T1027" }, ["T1059", "T1027"]],
    ["each ID once, in the note's order", { techniques: ["T1027", "t1027", "T1003"] }, ["T1027", "T1003"]],
    ["what is no ID is left out", { techniques: ["T1059", "lateral movement", 42] }, ["T1059"]],
    ["technique tags on the profile do not count", { tags: ["threat_profile", "T1486"], techniques: ["T1059"] }, ["T1059"]],
    ["no property lists nothing", {}, []],
  ])("lists its techniques: %s", (_name, extra, ids) => {
    const note = classifyNote(profile("Threat Profiles/x.md", extra), DEFAULT_CONVENTIONS);
    expect(note.kind).toBe("profile");
    expect(note.techniqueIds).toEqual(ids);
  });

  test("the tag and the property are settings", () => {
    const conventions = { ...DEFAULT_CONVENTIONS, profileTag: "Adversary", profileTechniquesProperty: "ttps" };
    const note = classifyNote(record("a.md", { tags: ["adversary"], ttps: ["T1059"], techniques: ["T1003"] }), conventions);
    expect(note.kind).toBe("profile");
    expect(note.techniqueIds).toEqual(["T1059"]);
  });

  test.each([
    ["a rule", ["detection_rule", "threat_profile"], "rule"],
    ["a test", ["atomic_test", "threat_profile"], "test"],
    ["a technique note", ["techniques", "T1059", "threat_profile"], "technique"],
  ])("%s that also carries the profile tag keeps its kind", (_name, tags, kind) => {
    expect(classifyNote(record("n.md", { tags, techniques: ["T1059"] }), DEFAULT_CONVENTIONS).kind).toBe(kind);
  });
});

describe("aliases as Obsidian reads them", () => {
  test.each<[string, Record<string, unknown> | null, string[]]>([
    ["a list gives its strings", { aliases: ["Cozy Bear", "NOBELIUM"] }, ["Cozy Bear", "NOBELIUM"]],
    ["a string is one alias, commas and all", { aliases: "Cozy Bear, NOBELIUM" }, ["Cozy Bear, NOBELIUM"]],
    ["the key in any case", { Aliases: ["The Dukes"] }, ["The Dukes"]],
    ["not `alias`", { alias: ["The Dukes"] }, []],
    ["numbers and maps in the list are no aliases", { aliases: ["Dukes", 29, { a: 1 }] }, ["Dukes"]],
    ["no frontmatter, no aliases", null, []],
  ])("%s", (_name, frontmatter, aliases) => {
    expect(frontmatterAliases(frontmatter)).toEqual(aliases);
  });
});

describe("what a profile says about itself", () => {
  test.each([
    ["an ATT&CK group", { name: "APT29", attack_id: "g0016", kind: "group" }, { name: "APT29", attackId: "G0016", kind: "group", label: "APT29 (G0016)" }],
    ["a kind read from the ID", { name: "SolarWinds Compromise", attack_id: "C0024" }, { name: "SolarWinds Compromise", attackId: "C0024", kind: "campaign", label: "SolarWinds Compromise (C0024)" }],
    ["software", { name: "Cobalt Strike", attack_id: "S0154" }, { name: "Cobalt Strike", attackId: "S0154", kind: "software", label: "Cobalt Strike (S0154)" }],
    ["a team's own, named by its file", {}, { name: "Our threat model", attackId: null, kind: "custom", label: "Our threat model" }],
    ["an unknown kind is custom", { kind: "villain" }, { name: "Our threat model", attackId: null, kind: "custom", label: "Our threat model" }],
  ])("%s", (_name, extra, expected) => {
    const found = threatProfile(classifyNote(profile("Threat Profiles/Our threat model.md", extra), DEFAULT_CONVENTIONS));
    expect({ name: found.name, attackId: found.attackId, kind: found.kind, label: profileLabel(found) }).toEqual(expected);
  });
});

describe("finding profiles by what a user types", () => {
  const index = indexOf([
    profile("Threat Profiles/G0016 - APT29.md", { name: "APT29", attack_id: "G0016", aliases: ["Cozy Bear", "The Dukes"], techniques: ["T1059.001", "T1027"] }),
    profile("Threat Profiles/G0095 - Machete.md", { name: "Machete", attack_id: "G0095", techniques: ["T1003"] }),
    profile("Threat Profiles/S0409 - Machete.md", { name: "Machete", attack_id: "S0409", techniques: ["T1056.001"] }),
    profile("Threat Profiles/Our threat model.md", { aliases: "G0095", techniques: ["T1486"] }),
  ]);
  const profiles = threatProfiles(index);
  const found = (text: string): string[] => findProfiles(profiles, text).map((match) => match.path);

  test.each([
    ["an ATT&CK ID, any case", "g0016", ["Threat Profiles/G0016 - APT29.md"]],
    ["a name", "apt29", ["Threat Profiles/G0016 - APT29.md"]],
    ["an alias", "cozy bear", ["Threat Profiles/G0016 - APT29.md"]],
    ["the label the picker shows", "Machete (S0409)", ["Threat Profiles/S0409 - Machete.md"]],
    ["a name two profiles share: both", "Machete", ["Threat Profiles/G0095 - Machete.md", "Threat Profiles/S0409 - Machete.md"]],
    ["an ID before another profile's alias", "G0095", ["Threat Profiles/G0095 - Machete.md"]],
    ["a file name", "our threat model", ["Threat Profiles/Our threat model.md"]],
    ["a path", "Threat Profiles/Our threat model.md", ["Threat Profiles/Our threat model.md"]],
    ["nothing for a name no profile has", "APT28", []],
    ["nothing for blank text", "  ", []],
  ])("%s", (_name, text, paths) => {
    expect(found(text)).toEqual(paths);
  });

  test("profiles come by name, and their techniques add up to a union", () => {
    expect(profiles.map(profileLabel)).toEqual(["APT29 (G0016)", "Machete (G0095)", "Machete (S0409)", "Our threat model"]);
    expect([...profileTechniqueIds(findProfiles(profiles, "Machete"))].sort()).toEqual(["T1003", "T1056.001"]);
  });
});

describe("profiles in the index", () => {
  test("technique → the profiles listing it, kept up to date as profiles change", () => {
    const index = indexOf([profile("p/a.md", { techniques: ["T1059"] }), profile("p/b.md", { techniques: ["T1059", "T1027"] }), rule("r", ["t1059"])]);
    expect([...index.profilesFor("T1059")].sort()).toEqual(["p/a.md", "p/b.md"]);
    const change = index.upsert(profile("p/a.md", { techniques: ["T1486"] }));
    expect([...change.techniqueIds].sort()).toEqual(["T1059", "T1486"]);
    expect([...index.profilesFor("T1059")]).toEqual(["p/b.md"]);
    expect([...index.profilesFor("T1486")]).toEqual(["p/a.md"]);
    index.remove("p/b.md");
    expect(index.profilesFor("T1059").size).toBe(0);
    expect([...index.profilePaths()]).toEqual(["p/a.md"]);
    expect([...index.profiledTechniques()].map(([id]) => id)).toEqual(["T1486"]);
  });

  test("a profile is no rule: it covers nothing", () => {
    const index = indexOf([profile("p/a.md", { techniques: ["T1059"] })]);
    expect(index.rulesFor("T1059").size).toBe(0);
    expect(index.referencedTechniqueIds().size).toBe(0);
  });
});

describe("profile problems", () => {
  test.each([
    ["a profile that lists no technique", { techniques: [] }, "is tagged threat_profile but lists no technique ID in its techniques property"],
    ["entries that are no IDs", { techniques: ["T1059", "Lateral Movement", "T99"] }, 'lists "Lateral Movement" and "T99" in techniques, which are no technique IDs; they are ignored'],
    ["one entry that is no ID", { techniques: ["T1059", "PowerShell"] }, 'lists "PowerShell" in techniques, which is no technique ID; it is ignored'],
  ])("%s is reported", (_name, extra, message) => {
    const problems = indexProblems(indexOf([profile("p/a.md", extra)]));
    expect(problems).toContainEqual({ path: "p/a.md", message });
  });

  test("a profile listing only IDs has no problem", () => {
    expect(indexProblems(indexOf([profile("p/a.md", { techniques: ["T1059", "t1003_001"] })]))).toEqual([]);
  });
});

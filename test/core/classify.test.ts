import fc from "fast-check";
import { ClassificationScratch, classifyInto, classifyNote, classifyRecord } from "../../src/core/classify";
import { DEFAULT_CONVENTIONS } from "../../src/core/note";
import { record } from "./note-records";

const classify = (...args: Parameters<typeof record>) => classifyNote(record(...args), DEFAULT_CONVENTIONS);

describe("note kinds", () => {
  test.each([
    ["a technique note", record("Use Cases/T1059.001 - X.md", { tags: ["T1059_001", "techniques", "Execution"] }), "technique", ["T1059.001"]],
    ["a rule note with lower-case ID tags", record("r.md", { tags: ["execution", "t1059_001", "t1203", "detection_rule"] }), "rule", ["T1059.001", "T1203"]],
    ["a rule with Sigma's dotted tags", record("r.md", { tags: ["attack.t1003.001", "detection_rule"] }), "rule", ["T1003.001"]],
    ["a rule listing IDs in a property", record("r.md", { tags: ["detection_rule"], attack_technique_ids: ["T1110.003", "nonsense"] }), "rule", ["T1110.003"]],
    ["a rule tagged inline only", record("r.md", { tags: ["t1486"] }, ["detection_rule"]), "rule", ["T1486"]],
    ["a test note", record("t.md", { tags: ["T1048", "atomic_test"] }), "test", ["T1048"]],
    ["tags match case-insensitively", record("r.md", { tags: ["DETECTION_RULE", "T1059"] }), "rule", ["T1059"]],
    ["a note with broken frontmatter is other", record("r.md", null), "other", []],
    ["a note with unrelated tags", record("n.md", { tags: ["meeting"] }), "other", []],
  ])("%s", (_name, note, kind, ids) => {
    const classified = classifyNote(note, DEFAULT_CONVENTIONS);
    expect(classified.kind).toBe(kind);
    expect(classified.techniqueIds).toEqual(ids);
  });

  test("custom conventions decide the kinds", () => {
    const note = record("r.md", { tags: ["sigma", "t1059"] });
    expect(classifyNote(note, { ...DEFAULT_CONVENTIONS, ruleTag: "Sigma" }).kind).toBe("rule");
  });
});

describe("a technique note's ID", () => {
  test.each([
    ["from its tags", classify("Use Cases/whatever.md", { tags: ["T1059_001", "techniques"] }), "T1059.001"],
    ["from a property", classify("Use Cases/System info.md", { tags: ["techniques"], technique_id: "T1082" }), "T1082"],
    ["from attack_technique_id first", classify("x.md", { tags: ["techniques"], attack_technique_id: "T1083", id: "T1000" }), "T1083"],
    ["from the file name", classify("Use Cases/T1087 - Account Discovery.md", { tags: ["techniques", "Discovery"] }), "T1087"],
  ])("%s", (_name, note, id) => {
    expect(note.techniqueIds).toEqual([id]);
  });

  test("none found leaves it without an ID", () => {
    expect(classify("Templates/Technique template.md", { tags: ["techniques"] }).techniqueIds).toEqual([]);
  });
});

describe("what a note shows", () => {
  test.each([
    ["ATT&CK's name where a file name cannot hold a slash", "Use Cases/T1053 - Scheduled Task_Job.md", { tags: ["T1053", "techniques"] }, "Scheduled Task/Job"],
    ["ATT&CK's name for a sub-technique, parent first", "Use Cases/T1003.008 - OS Credential Dumping- _etc_passwd and _etc_shadow.md", { tags: ["T1003_008", "techniques"] }, "OS Credential Dumping: /etc/passwd and /etc/shadow"],
    ["the note's own title property over ATT&CK's", "Use Cases/T1053 - Scheduled Task_Job.md", { tags: ["T1053", "techniques"], title: "Our scheduled-task notes" }, "Our scheduled-task notes"],
    ["the file name for an ID ATT&CK does not know", "Use Cases/T1999 - Home_Grown- Thing.md", { tags: ["T1999", "techniques"] }, "Home_Grown: Thing"],
  ])("a technique note's name: %s", (_name, path, frontmatter, title) => {
    expect(classify(path, frontmatter).title).toBe(title);
  });

  test("a technique's name comes from its file name, with the colon back", () => {
    expect(classify("Use Cases/T1059.001 - Command and Scripting Interpreter- PowerShell.md", { tags: ["techniques", "T1059_001"] }).title).toBe(
      "Command and Scripting Interpreter: PowerShell",
    );
  });

  test("tactics split on commas, mangled or not", () => {
    const note = classify("t.md", { tags: ["T1547_001", "techniques"], tactics: "Persistence, Privilege Escalation" });
    expect(note.tactics.map((tactic) => tactic.name)).toEqual(["Persistence", "Privilege Escalation"]);
  });

  test("platforms split on commas", () => {
    expect(classify("t.md", { tags: ["techniques", "T1558"], platforms: "Linux, Windows, macOS" }).platforms).toEqual(["Linux", "Windows", "macOS"]);
  });

  test("a rule's title, level, status and log source", () => {
    const note = classify("r.md", { title: "Suspicious PowerShell", level: "High", status: "test", logsrc_product: "windows", logsrc_service: "", tags: ["detection_rule"] });
    expect(note).toMatchObject({ title: "Suspicious PowerShell", level: "high", status: "test", logSource: "windows" });
  });

  test("a nested Sigma logsource", () => {
    const note = classify("r.md", { tags: ["detection_rule"], logsource: { product: "windows", category: "process_creation" } });
    expect(note.logSource).toBe("windows / process_creation");
  });
});

describe("classifying note after note into one scratch", () => {
  const TAGS = ["detection_rule", "atomic_test", "techniques", "threat_profile", "T1059_001", "t1059_001", "attack.t1003.001", "Execution", "a/b/c", " spaced ", "two words", "#x"];
  const tags = fc.oneof(fc.array(fc.constantFrom(...TAGS), { maxLength: 30 }), fc.array(fc.string({ maxLength: 3 }), { maxLength: 30 }));
  const note = fc.record({
    path: fc.constantFrom("Use Cases/T1087 - Account Discovery.md", "r.md", "Threat Profiles/G1.md"),
    frontmatter: fc.option(fc.record({ tags, technique_id: fc.constantFrom("T1082", "nope"), techniques: fc.array(fc.constantFrom("T1105", "T1059.001", "x"), { maxLength: 4 }) }), { nil: null }),
    inlineTags: fc.array(fc.constantFrom(...TAGS), { maxLength: 20 }),
  });

  test("gives each note what classifying it alone gives", () => {
    fc.assert(
      fc.property(fc.array(note, { maxLength: 12 }), (notes) => {
        const scratch = new ClassificationScratch();
        for (const each of notes) {
          const kind = classifyInto(each, DEFAULT_CONVENTIONS, scratch);
          expect({ kind, tagKeys: scratch.tagKeys.toArray(), techniqueIds: scratch.techniqueIds.toArray() }).toEqual(classifyRecord(each, DEFAULT_CONVENTIONS));
        }
      }),
    );
  });
});

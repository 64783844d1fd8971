/**
 * `technique:` (attack-query blocks, the CLI, the API): a technique in any spelling, by tag,
 * property or file name. ```query blocks keep core Search's semantics: there it is an error
 * naming both fixes, and a `tag:` term holding a dotted ID that matches nothing gets a hint.
 */
import { blockSubject, isAffectedBy } from "../../../src/core/query-block-view";
import { queryTags } from "../../../src/core/query/evaluate";
import { answerQuery, queryHints } from "../../../src/core/query/hints";
import { parseQuery } from "../../../src/core/query/parse";
import { DEFAULT_CONVENTIONS } from "../../../src/core/note";
import { VaultIndex } from "../../../src/core/vault-index";
import { record, rule, technique, test as atomicTest } from "../note-records";

function vault(): VaultIndex {
  const index = new VaultIndex();
  [
    technique("T1059.001", "PowerShell"),
    technique("T1059", "Command and Scripting Interpreter"),
    record("Use Cases/T1059.001 - PowerShell (from the file name).md", { tags: ["techniques"] }),
    rule("by_tag", ["t1059_001"]),
    rule("by_sigma_tag", ["attack.t1059.001"]),
    rule("by_property", [], { technique_ids: ["T1059.001"] }),
    rule("parent_only", ["t1059"]),
    rule("sibling", ["t1059_003"]),
    atomicTest("T1059.001 - Atomic", ["T1059_001"]),
    record("Reports/apt-report.md", { tags: ["attack/t1059/001", "report"] }),
    record("Reports/unrelated.md", { tags: ["report"] }),
  ].forEach((note) => index.upsert(note));
  return index;
}

const index = vault();
const answer = (text: string) => {
  const result = answerQuery(text, index, "attack");
  return result.ok ? result.value.paths : result.error.message;
};

describe("technique: in the attack dialect", () => {
  const T1059_001 = [
    "Detection Rules/by_property.md",
    "Detection Rules/by_sigma_tag.md",
    "Detection Rules/by_tag.md",
    "Reports/apt-report.md",
    "Testing Runbooks/T1059.001 - Atomic.md",
    "Use Cases/T1059.001 - PowerShell (from the file name).md",
    "Use Cases/T1059.001 - PowerShell.md",
  ];

  test.each([
    ["T1059.001", T1059_001],
    ["t1059_001", T1059_001],
    ["attack.t1059.001", T1059_001],
    ["T1059-001", T1059_001],
    ['"T1059.001"', T1059_001],
    // A parent is its own ID: its sub-techniques' notes are not it.
    ["T1059", ["Detection Rules/parent_only.md", "Use Cases/T1059 - Command and Scripting Interpreter.md"]],
  ])("technique:%s finds every note naming it, by tag, property or file name", (spelling, expected) => {
    expect(answer(`technique:${spelling}`)).toEqual(expected);
  });

  test.each([
    ["with a tag term", "technique:T1059.001 tag:detection_rule", ["Detection Rules/by_property.md", "Detection Rules/by_sigma_tag.md", "Detection Rules/by_tag.md"]],
    ["negated", "tag:detection_rule -technique:T1059.001", ["Detection Rules/parent_only.md", "Detection Rules/sibling.md"]],
    ["in an OR", "technique:T1059.003 OR technique:T1059", ["Detection Rules/parent_only.md", "Detection Rules/sibling.md", "Use Cases/T1059 - Command and Scripting Interpreter.md"]],
  ])("combines like any term: %s", (_name, text, expected) => {
    expect(answer(text)).toEqual(expected);
  });

  test.each([
    ["a value that is no technique ID", "technique:powershell", /"technique:" needs an ATT&CK technique ID such as T1059 or T1059\.001 .*not "powershell" \(at line 1, column 1\)/],
    ["no value", "technique:", /"technique:" needs a technique ID after it, e.g. technique:T1059\.001/],
  ])("%s is an error with its position", (_name, text, message) => {
    expect(answer(text)).toMatch(message);
  });
});

describe("```query blocks keep core Search's semantics", () => {
  test("technique: is not supported there, and the error names both fixes", () => {
    const parsed = parseQuery("tag:detection_rule technique:T1059.001");
    expect(parsed.ok ? null : [parsed.error.kind, parsed.error.message]).toEqual([
      "unsupported",
      expect.stringMatching(/"technique:" is ATT&CK Vault's own operator, for attack-query blocks, the CLI and the API; .*tag:T1059_001.*attack-query block \(at line 1, column 20\)/),
    ]);
  });

  test("tag: stays exact: tag:T1059.001 matches no note, tag:T1059_001 the notes tagged so", () => {
    expect([answerQuery("tag:T1059.001", index, "obsidian"), answerQuery("tag:T1059_001", index, "obsidian")].map((result) => (result.ok ? result.value.paths : []))).toEqual([
      [],
      ["Detection Rules/by_tag.md", "Testing Runbooks/T1059.001 - Atomic.md", "Use Cases/T1059.001 - PowerShell.md"],
    ]);
  });
});

describe("the hint for a dotted technique ID in tag:", () => {
  const hints = (text: string, dialect: "obsidian" | "attack", source = index): string[] => {
    const parsed = parseQuery(text, dialect);
    return parsed.ok ? queryHints(parsed.value, source, dialect) : [parsed.error.message];
  };

  test.each([
    ["in a query block, both fixes, technique: for attack-query blocks", "tag:detection_rule tag:T1059.001", "obsidian", [/^tag:t1059\.001 matches no note: tag: is Obsidian's and exact, and an Obsidian tag cannot hold "\."\. Write tag:T1059_001, .*or, in an attack-query block, technique:T1059\.001/]],
    ["in the attack dialect, technique: itself", "tag:T1059.001", "attack", [/Write tag:T1059_001, as technique tags are spelt, or technique:T1059\.001, ATT&CK Vault's own/]],
    ["each dotted ID once, in order", "tag:T1059.001 OR tag:t1003.001 OR tag:T1059.001", "attack", [/^tag:t1059\.001 /, /^tag:t1003\.001 /]],
  ] as const)("%s", (_name, text, dialect, expected) => {
    const found = hints(text, dialect);
    expect(found).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(found[i]).toMatch(pattern));
  });

  test.each([
    ["an underscore ID", "tag:T1059_001"],
    ["a dotted tag that is no technique ID", "tag:v1.2"],
    ["technique: itself", "technique:T1059.001"],
  ])("none for %s", (_name, text) => {
    expect(hints(text, "attack")).toEqual([]);
  });

  test("none when a note does carry the dotted tag", () => {
    expect(hints("tag:attack.t1059.001", "attack")).toEqual([]);
  });
});

describe("blocks with technique: terms", () => {
  const parsed = parseQuery("tag:detection_rule technique:t1059_001", "attack");
  if (!parsed.ok) throw new Error(parsed.error.message);

  test("name their technique in the empty state", () => {
    expect(blockSubject(parsed.value, DEFAULT_CONVENTIONS)).toEqual({ listKind: "rules", techniqueId: "T1059.001" });
  });

  test.each([
    ["a rule naming the technique by property", () => vault().upsert(rule("new", [], { technique_ids: ["t1059.001"] })), true],
    ["a note of no kind tagged with it", () => vault().upsert(record("Inbox/idea.md", { tags: ["T1059_001"] })), true],
    ["a rule for another technique", () => vault().upsert(rule("other", ["t1003"])), false],
  ])("a change to %s redraws the block exactly when it names the technique", (_name, change, affected) => {
    const dependencies = queryTags(parsed.value);
    expect(isAffectedBy({ ...dependencies, tags: new Set(["detection_rule_never_changed"]) }, change())).toBe(affected);
  });
});

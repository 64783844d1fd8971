import { blockHeading, blockItems, blockSubject, emptyStateText, isAffectedBy } from "../../src/core/query-block-view";
import { DEFAULT_CONVENTIONS } from "../../src/core/note";
import { parseQuery } from "../../src/core/query/parse";
import { queryTags } from "../../src/core/query/evaluate";
import { emptyChange, VaultIndex, type IndexChange } from "../../src/core/vault-index";
import { record, rule, test as atomicTest } from "./note-records";

function parsed(text: string) {
  const result = parseQuery(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("what a block lists", () => {
  test.each([
    ["tag: detection_rule\ntag: T1059_001", "Detection rules", "No detection rule covers T1059.001"],
    ["tag: atomic_test\ntag: T1059_001", "Atomic tests", "No atomic test covers T1059.001"],
    ["tag: detection_rule tag: Execution", "Detection rules", "No detection rule matches this query"],
    ["tag: techniques tag: Execution", "Techniques", "No technique note matches this query"],
    ["tag: T1059_001", "Notes", "No note is tagged T1059.001"],
    ["tag: detection_rule OR tag: atomic_test", "Notes", "No note matches this query"],
  ])("%s: %s, empty: %s", (text, heading, empty) => {
    const subject = blockSubject(parsed(text), DEFAULT_CONVENTIONS);
    expect([blockHeading(subject), emptyStateText(subject)]).toEqual([heading, empty]);
  });
});

describe("items", () => {
  const index = new VaultIndex();
  [
    rule("b_low", ["t1059_001"], { title: "B low", level: "low", status: "test", logsrc_product: "windows" }),
    rule("a_high", ["t1059_001"], { title: "A high", level: "high" }),
    rule("c_critical", ["t1059_001"], { title: "C critical", level: "critical" }),
    rule("d_none", ["t1059_001"], { title: "D none", level: undefined }),
    atomicTest("T1059.001 - PowerShell", ["T1059_001"]),
    record("Testing Runbooks/t2.md", { tags: ["atomic_test", "T1059_001"], platforms: ["windows", "linux"] }),
  ].forEach((note) => index.upsert(note));

  test("rules sort by level, most severe first, then title, with level, status and log source", () => {
    const subject = blockSubject(parsed("tag:detection_rule tag:T1059_001"), DEFAULT_CONVENTIONS);
    const items = blockItems([...index.rulesFor("T1059.001")], index, subject);
    expect(items.map((item) => [item.title, item.details.map((detail) => `${detail.kind} ${detail.text}`)])).toEqual([
      ["C critical", ["level critical"]],
      ["A high", ["level high"]],
      // The Sigma status labelled as one: "test" alone reads like an atomic test.
      ["B low", ["level low", "status status: test", "log-source windows"]],
      ["D none", []],
    ]);
  });

  test("tests show their platforms, sorted by title with numbers in order", () => {
    const subject = blockSubject(parsed("tag:atomic_test tag:T1059_001"), DEFAULT_CONVENTIONS);
    expect(blockItems([...index.testsFor("T1059.001")], index, subject).map((item) => [item.title, item.details.map((detail) => detail.text)])).toEqual([["t2", ["windows", "linux"]], ["T1059.001 - PowerShell", []]]);
  });
});

describe("isAffectedBy", () => {
  const change = (tagKeys: string[], paths = ["x.md"]): IndexChange => ({ ...emptyChange(), tagKeys: new Set(tagKeys), paths: new Set(paths) });
  const deps = (text: string) => queryTags(parsed(text));

  test.each([
    ["a change carrying one of the block's tags", "tag:detection_rule tag:t1059_001", change(["t1059_001"]), true],
    ["a change to a nested tag below the block's", "tag:attack", change(["attack/t1059"]), true],
    ["a longer tag is not nested", "tag:attack", change(["attacker"]), false],
    ["a change with none of its tags", "tag:detection_rule tag:t1059_001", change(["meeting"]), false],
    ["a query on every note and any change", "-tag:x", change(["meeting"]), true],
    ["a query on every note and no change", "-tag:x", change([], []), false],
    ["a rebuild", "tag:a", { ...emptyChange(true) }, true],
  ])("%s: %s", (_name, text, indexChange, affected) => {
    expect(isAffectedBy(deps(text), indexChange)).toBe(affected);
  });
});

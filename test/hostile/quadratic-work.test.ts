/**
 * Issue #15, class 2: work that grew with the square of one note's values. Each payload is built
 * here, at a size where the nested scans it replaced took minutes (or overflowed the stack) and the
 * fixed code takes a fraction of a second; the tests check outcomes, never time.
 */
import { parseNote } from "../../src/cli/read-vault";
import { coverageText } from "../../src/cli/coverage-text";
import { classifyNote } from "../../src/core/classify";
import { MAX_TAGS_READ } from "../../src/core/tag-facts";
import { computeCoverage } from "../../src/core/coverage";
import { DEFAULT_CONVENTIONS } from "../../src/core/note";
import { blockItems, blockSubject, isAffectedBy } from "../../src/core/query-block-view";
import { queryTags } from "../../src/core/query/evaluate";
import { parseQuery } from "../../src/core/query/parse";
import { emptyChange, VaultIndex } from "../../src/core/vault-index";
import { indexProblems } from "../../src/core/vault-problems";
import { record } from "../core/note-records";

function parsed(text: string) {
  const result = parseQuery(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** `T1000.000` … : `count` distinct sub-technique IDs, a thousand per parent. */
const subTechniqueIds = (count: number): string[] => Array.from({ length: count }, (_, n) => `T${1000 + Math.floor(n / 1000)}.${String(n % 1000).padStart(3, "0")}`);
const tagged = (ids: readonly string[]): string[] => ids.map((id) => id.replace(".", "_"));

describe("one note with a great many values", () => {
  test("200,000 distinct tags: the first 5,000 keys read, each once, the kind among them found", () => {
    const tags = Array.from({ length: 200_000 }, (_, n) => `tag${n}`);
    const note = classifyNote(record("r.md", { tags: ["tag7", "detection_rule", "TAG7", ...tags] }), DEFAULT_CONVENTIONS);
    // tag7, detection_rule, then tag0 … tag6 and tag8 … tag4998: TAG7 and the second tag7 are repeats.
    expect({ kind: note.kind, keys: note.tagKeys.length, distinct: new Set(note.tagKeys).size, last: note.tagKeys.at(-1) }).toEqual({ kind: "rule", keys: MAX_TAGS_READ, distinct: MAX_TAGS_READ, last: "tag4998" });
  });

  test("100,000 technique IDs in tags and in a property, some in both: each ID once, the first 5,000 of each read, and the coverage of their parents counts the rule", () => {
    const ids = subTechniqueIds(100_000);
    const inProperty = ["T1203", ...ids.slice(4_000)];
    const rule = record("r.md", { tags: ["detection_rule", ...tagged(ids.slice(0, 60_000))], technique_ids: inProperty });
    const note = classifyNote(rule, DEFAULT_CONVENTIONS);
    const index = new VaultIndex();
    index.load([rule, record("Use Cases/T1002.md", { tags: ["T1002", "techniques"] })]);
    const row = computeCoverage(index, { rollup: true }).rows[0];
    // Tags give T1000.000 … T1004.998 (the kind tag is one of the 5,000), the property T1203 and T1004.000 … T1008.998: 1,000 of them in both.
    const expected = { ids: 4_999 + 1 + 4_999 - 999, distinct: 4_999 + 1 + 4_999 - 999, parentRules: ["r.md"] };
    expect({ ids: note.techniqueIds.length, distinct: new Set(note.techniqueIds).size, parentRules: row?.rules }).toEqual(expected);
  });
  test("100,000 distinct tactic names on a technique note: each kept once, in order", () => {
    const names = Array.from({ length: 100_000 }, (_, n) => `Custom tactic ${n}`);
    const index = new VaultIndex();
    index.load([record("Use Cases/T1042.md", { tags: ["T1042", "techniques"], tactics: [...names, "Execution", "Custom tactic 3"] })]);
    const tactics = computeCoverage(index, { rollup: true }).rows[0]?.tactics ?? [];
    expect({ count: tactics.length, first: tactics[0]?.name }).toEqual({ count: 100_001, first: "Execution" });
  });

  test("200,000 platforms on a test: its block item lists them all (no spread into a call)", () => {
    const platforms = Array.from({ length: 200_000 }, (_, n) => `platform${n}`);
    const index = new VaultIndex();
    index.load([record("t.md", { tags: ["atomic_test", "T1059"], platforms })]);
    const items = blockItems(["t.md"], index, blockSubject(parsed("tag:atomic_test tag:T1059"), DEFAULT_CONVENTIONS));
    expect(items[0]?.details.length).toBe(200_000);
  });
});

describe("a note past the caps on what is read: the first values are read, and a problem names the note", () => {
  const manyTags = (count: number): string[] => Array.from({ length: count }, (_, n) => `tag${n}`);
  const PAST_TAGS = "has more than 5,000 distinct tags; only the first 5,000 are read";
  const NONE: string[] = [];
  const REPEATS = Array.from({ length: 35_000 }, (_, n) => ["hostile/huge", "a", "b"][n % 3] ?? "");
  test.each([
    ["5,000 distinct tags, the kind among them", { tags: ["detection_rule", ...manyTags(4_999)] }, NONE, [], "rule", MAX_TAGS_READ],
    ["5,001 distinct tags, the kind last, past the cap", { tags: [...manyTags(5_000), "detection_rule"] }, NONE, [PAST_TAGS], "other", MAX_TAGS_READ],
    ["200,000 distinct tags", { tags: ["detection_rule", ...manyTags(200_000)] }, NONE, [PAST_TAGS], "rule", MAX_TAGS_READ],
    ["35,000 repeats of three inline tags, which are not distinct", { tags: ["detection_rule"] }, REPEATS, [], "rule", 4],
    ["100,000 values in technique_ids", { tags: ["detection_rule"], technique_ids: subTechniqueIds(100_000) }, NONE, ["lists more than 5,000 values in technique_ids; only the first 5,000 are read"], "rule", 1],
    ["5,000 values in technique_ids", { tags: ["detection_rule"], technique_ids: subTechniqueIds(5_000) }, NONE, [], "rule", 1],
    ["a threat profile listing 6,000 techniques", { tags: ["threat_profile"], techniques: subTechniqueIds(6_000) }, NONE, ["lists more than 5,000 values in techniques; only the first 5,000 are read"], "profile", 1],
  ])("%s", (_name, frontmatter, inlineTags, messages, kind, keys) => {
    const index = new VaultIndex();
    index.load([{ ...record("n.md", frontmatter), inlineTags }]);
    const note = index.get("n.md");
    expect({ problems: indexProblems(index).map((problem) => problem.message), kind: note?.kind, keys: note?.tagKeys.length }).toEqual({ problems: messages, kind, keys });
  });
});

describe("tags nested very deep", () => {
  const depth = 300_000;
  const deepTag = "a" + "/a".repeat(depth);
  const index = new VaultIndex();
  index.load([record("deep.md", { tags: [deepTag, "detection_rule"] }), record("shallow.md", { tags: ["a/b"] })]);

  test.each([
    ["the top", "a", ["deep.md", "shallow.md"]],
    ["a few levels down", "a/a/a", ["deep.md"]],
    ["deeper than the index files parents", "a" + "/a".repeat(20), ["deep.md"]],
    ["all but the last level", "a" + "/a".repeat(depth - 1), ["deep.md"]],
    ["the tag itself", deepTag, ["deep.md"]],
    ["one level below it, which nothing carries", deepTag + "/a", []],
  ])("a query for %s finds the notes below it", (_name, tag, paths) => {
    expect([...index.pathsWithTag(tag)].sort()).toEqual(paths);
  });

  test("a 1 MB inline tag of slashes is read without its trailing slashes", () => {
    const { record: note } = parseNote("n.md", `text #a${"/".repeat(500_000)}b${"/".repeat(500_000)}\n`);
    expect(note.inlineTags.map((tag) => tag.length)).toEqual([500_002]);
  });

  test("a change carrying 200,000 nested tags is checked against a block of 20,000 tag terms by lookups", () => {
    const block = queryTags(parsed(Array.from({ length: 20_000 }, (_, n) => `tag:t${n}`).join(" OR ")));
    const change = (keys: string[]) => ({ ...emptyChange(), paths: new Set(["x.md"]), tagKeys: new Set(keys) });
    const unrelated = Array.from({ length: 200_000 }, (_, n) => `x${n}/t${n}`);
    expect([isAffectedBy(block, change(unrelated)), isAffectedBy(block, change([...unrelated, "t19999/x"]))]).toEqual([false, true]);
  });
});

describe("many notes against many settings", () => {
  test("20,000 left-out folders and 20,000 notes: each note's folders are looked up", () => {
    const folders = Array.from({ length: 20_000 }, (_, n) => `/Folder ${n}/`);
    const index = new VaultIndex({ ...DEFAULT_CONVENTIONS, excludedFolders: folders });
    index.load(Array.from({ length: 20_000 }, (_, n) => record(`Folder ${n * 2}/deeper/n${n}.md`, { tags: ["x"] })));
    expect(index.size).toBe(10_000);
  });

  test("a report of 150,000 gaps lines every ID up (no Math.max over spread arguments)", () => {
    const index = new VaultIndex();
    index.load(subTechniqueIds(150_000).map((id) => record(`Use Cases/${id}.md`, { tags: [id.replace(".", "_"), "techniques"] })));
    const lines = coverageText(computeCoverage(index, { rollup: true }), "v").split("\n");
    expect(lines.filter((line) => line.startsWith("  T1")).length).toBe(150_000);
  });
});

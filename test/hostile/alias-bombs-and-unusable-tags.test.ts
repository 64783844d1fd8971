/**
 * The core fixes the hostile vault called for: property terms no longer expand YAML alias bombs
 * (capped JSON text, built per asked key), and tags holding maps or lists inside the list are
 * reported instead of dropped silently.
 */
import fc from "fast-check";
import { CORE_SCHEMA, load } from "js-yaml";
import { DEFAULT_CONVENTIONS, type NoteRecord } from "../../src/core/note";
import { runQuery } from "../../src/core/query/evaluate";
import { asText, boundedJson, MAX_PROPERTY_TEXT } from "../../src/core/query/note-view";
import { unusableTagValues } from "../../src/core/tags";
import { VaultIndex } from "../../src/core/vault-index";
import { indexProblems } from "../../src/core/vault-problems";

/** Nine levels of nine aliases: 9⁹ (387,420,489) strings once expanded. */
const BILLION_LAUGHS = load(
  ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]', ...Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(", ")}]`)].join("\n"),
  { schema: CORE_SCHEMA },
) as Record<string, unknown>;

function indexOf(records: NoteRecord[]): VaultIndex {
  const index = new VaultIndex(DEFAULT_CONVENTIONS);
  records.forEach((record) => index.upsert(record));
  return index;
}

describe("boundedJson writes what JSON.stringify writes, up to its limit", () => {
  test.each([
    ["a nested list", [1, ["a", ["b"]], []]],
    ["a map with quotes and escapes", { 'say "hi"': "line\nbreak\\", n: -0, big: 1e21 }],
    ["values JSON writes as null", [NaN, Infinity, null, undefined, () => 1]],
    ["keys JSON leaves out", { kept: true, gone: undefined, fn: () => 1 }],
    ["a date", { when: new Date("2024-01-15T00:00:00Z") }],
    ["an invalid date", [new Date("nope")]],
  ])("%s", (_name, value) => {
    expect(boundedJson(value, 1000)).toBe(JSON.stringify(value));
  });

  test("any JSON value, given room", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => boundedJson(value, 1e9) === JSON.stringify(value)));
  });

  test("any JSON value, cut short, is a prefix no longer than the limit", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(40), (value, limit) => {
        const text = boundedJson(value, limit);
        return text.length <= limit && (JSON.stringify(value) ?? "").startsWith(text);
      }),
    );
  });
});

/** The same value with nothing shared: every list and map copied, as if written out without aliases. */
const unshared = (value: unknown): unknown => (typeof value === "object" && value !== null ? JSON.parse(JSON.stringify(value)) : value);

describe("with a budget, a list or map that aliases repeat is copied, not walked again, and costs the same", () => {
  // The value four times, nested, the way YAML aliases share one object.
  const shared = (value: unknown): unknown[] => [value, [value, { a: value }], value];

  test("any JSON value, shared four times: the text and the budget left are those of the unshared copy", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(2000), (value, left) => {
        const sharedBudget = { left };
        const copyBudget = { left };
        const sameText = boundedJson(shared(value), 1e9, sharedBudget) === boundedJson(unshared(shared(value)), 1e9, copyBudget);
        return sameText && sharedBudget.left === copyBudget.left;
      }),
    );
  });

  test("across the texts of one note: an alias bomb's elements cost what their unshared copies cost", () => {
    const [sharedBudget, copyBudget] = [{ left: 2_000_000 }, { left: 2_000_000 }];
    const shared = Array.from({ length: 5 }, () => asText(BILLION_LAUGHS.l3, sharedBudget));
    const copies = Array.from({ length: 5 }, () => asText(unshared(BILLION_LAUGHS.l3), copyBudget));
    expect({ same: shared.every((text, n) => text === copies[n]), left: sharedBudget.left }).toEqual({ same: true, left: copyBudget.left });
  });
});

describe("values that never end are cut, without deep recursion", () => {
  test.each([
    ["an alias bomb", () => BILLION_LAUGHS.l8],
    ["a list that holds itself", () => {
      const cycle: unknown[] = [];
      cycle.push(cycle, "x");
      return cycle;
    }],
    ["a list nested 200,000 deep", () => {
      let deep: unknown[] = ["lol"];
      for (let i = 0; i < 200_000; i++) deep = [deep];
      return deep;
    }],
  ])("%s gives exactly the limit", (_name, make) => {
    expect(boundedJson(make(), MAX_PROPERTY_TEXT)).toHaveLength(MAX_PROPERTY_TEXT);
  });

  test("asText of an alias bomb is the capped JSON, lower-case matching still works on it", () => {
    expect(asText(BILLION_LAUGHS.l8).slice(0, 20)).toBe('[[[[[[[[["lol","lol"');
  });
});

describe("property terms over an alias bomb", () => {
  const bomb = { path: "bomb.md", frontmatter: { ...BILLION_LAUGHS, level: "low" }, inlineTags: [] };
  const rule = { path: "rule.md", frontmatter: { level: "critical" }, inlineTags: [] };
  const index = indexOf([bomb, rule]);

  test.each([
    ["a key nobody has, scanning every note", "[severity:high]", []],
    ["another key of the bomb note", "[level:critical]", ["rule.md"]],
    ["the bomb key itself", "[l8:lol]", ["bomb.md"]],
    ["has-property of the bomb key", "[l7]", ["bomb.md"]],
  ])("%s answers", (_name, query, expected) => {
    expect(runQuery(query, index)).toEqual({ ok: true, value: expected });
  });
});

// What Obsidian's parseFrontMatterTags drops (app.js, public copy id 56654808040), reported so the user knows.
describe("tags that can never be tags", () => {
  test.each([
    ["a list of strings", ["a", "b"], []],
    ["numbers, null and booleans", [42, null, true, 3.5], ["a number", "true or false"]],
    ["a string holding a space", "a, b", ["text with a space"]],
    ["a string padded with spaces is a tag", " a ", []],
    ["a list holding a list", ["a", ["b"]], ["a list"]],
    ["a list holding a map", [{ b: "c" }], ["a map"]],
    ["a list holding both, twice", [[1], { a: 1 }, [2]], ["a list", "a map"]],
    ["a map", { detection_rule: "t1059_001" }, ["a map"]],
    ["nothing", undefined, []],
  ])("%s: %j", (_name, value, expected) => {
    expect(unusableTagValues(value)).toEqual(expected);
  });

  test.each([
    ["a list holding a list and a map", { tags: [["t1"], { a: 1 }, "x"] }, "tags holds a list and a map, which Obsidian does not read as tags; they are ignored"],
    ["a list holding a list", { tags: ["x", ["t1"]] }, "tags holds a list, which Obsidian does not read as a tag; it is ignored"],
    ["a list holding a number", { Tags: ["x", 2024] }, "Tags holds a number, which Obsidian does not read as a tag; it is ignored"],
    ["a map", { tags: { a: "b" } }, "tags is a map, which Obsidian does not read as a tag; it is ignored"],
    ["a string holding a space", { tags: "a, b" }, "tags is text with a space, which Obsidian does not read as a tag; it is ignored"],
  ])("%s is a vault problem naming the note", (_name, frontmatter, message) => {
    expect(indexProblems(indexOf([{ path: "n.md", frontmatter, inlineTags: [] }]))).toEqual([{ path: "n.md", message }]);
  });

  test.each([
    ["strings and null", { tags: ["a", null] }],
    ["`tag`, which Obsidian does not read at all", { tag: [{ a: "b" }] }],
  ])("no problem: %s", (_name, frontmatter) => {
    expect(indexProblems(indexOf([{ path: "n.md", frontmatter, inlineTags: [] }]))).toEqual([]);
  });
});

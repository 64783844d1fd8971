import fc from "fast-check";
import type { QueryNode, QuerySource } from "../../../src/core/query/ast";
import { evaluateQuery, queryTags, runQuery } from "../../../src/core/query/evaluate";
import { parseQuery } from "../../../src/core/query/parse";

interface FakeNote {
  tags: string[];
  properties: Record<string, unknown> | null;
}

/** An in-memory index: tags are matched lower-cased, and a key matches itself and `key/…`, not `keyX`. */
class FakeSource implements QuerySource {
  allPathsCalls = 0;
  propertyReads: string[] = [];

  constructor(private readonly notes: Map<string, FakeNote>) {}

  allPaths(): Iterable<string> {
    this.allPathsCalls++;
    return this.notes.keys();
  }

  pathsWithTag(tagKey: string): ReadonlySet<string> {
    const paths = new Set<string>();
    for (const [path, note] of this.notes) {
      if (note.tags.some((tag) => carriesTag(tag, tagKey))) paths.add(path);
    }
    return paths;
  }

  tagsOf(path: string): string[] {
    return this.notes.get(path)?.tags ?? [];
  }

  propertiesOf(path: string): Readonly<Record<string, unknown>> | null {
    this.propertyReads.push(path);
    return this.notes.get(path)?.properties ?? null;
  }
}

function carriesTag(tag: string, tagKey: string): boolean {
  const key = tag.replace(/^#/, "").toLowerCase();
  return key === tagKey || key.startsWith(tagKey + "/");
}

const CMD = "Detection Rules/Cmd Shell.md";
const ENCODED = "Detection Rules/Encoded Command.md";
const DOWNLOAD = "Detection Rules/PowerShell Download.md";
const ATOMIC = "Testing Runbooks/T1059.001 Atomic.md";
const INTERPRETER = "Use Cases/T1059 - Command and Scripting Interpreter.md";
const POWERSHELL = "Use Cases/T1059.001 - PowerShell.md";
const MISC = "notes/abc.md";

function vault(): FakeSource {
  return new FakeSource(new Map<string, FakeNote>([
    [DOWNLOAD, { tags: ["detection_rule", "T1059_001"], properties: { level: "high", techniques: ["T1059.001", "T1105"], status: null } }],
    [ENCODED, { tags: ["#Detection_Rule", "T1059_001", "attack/execution"], properties: { Level: "Medium", techniques: ["T1059.001"] } }],
    [CMD, { tags: ["detection_rule", "T1059_003"], properties: { level: "low", count: 3 } }],
    [ATOMIC, { tags: ["atomic_test", "T1059_001"], properties: { auto: true, tested: new Date("2024-01-15") } }],
    [POWERSHELL, { tags: ["technique", "attack/execution/powershell"], properties: { id: "T1059.001", aliases: [] } }],
    [INTERPRETER, { tags: ["technique"], properties: null }],
    [MISC, { tags: ["ab", "detection_rules"], properties: { status: null } }],
  ]));
}

// Expected lists are in code-unit order: upper-case folders before "notes/", and "T1059 " before "T1059.".
const cases: Array<[string, string, string[]]> = [
  ["vault detection block", "tag: detection_rule\ntag: T1059_001", [ENCODED, DOWNLOAD]],
  ["vault atomic block", "tag: atomic_test\ntag: T1059_001", [ATOMIC]],
  ["tag case-insensitive", "tag:DETECTION_RULE", [CMD, ENCODED, DOWNLOAD]],
  ["parent tag matches nested tags", "tag:attack", [ENCODED, POWERSHELL]],
  ["middle tag matches deeper tags", "tag:attack/execution", [ENCODED, POWERSHELL]],
  ["full nested tag", "tag:attack/execution/powershell", [POWERSHELL]],
  ["tag is not a prefix match", "tag:a", []],
  ["bare #tag", "#T1059_001", [ENCODED, DOWNLOAD, ATOMIC]],
  ["negation inside AND", "tag:detection_rule -tag:T1059_001", [CMD]],
  ["lone negation", "-tag:detection_rule", [ATOMIC, INTERPRETER, POWERSHELL, MISC]],
  ["OR", "tag:atomic_test OR tag:technique", [ATOMIC, INTERPRETER, POWERSHELL]],
  ["AND before OR", "tag:detection_rule tag:T1059_003 OR tag:atomic_test", [CMD, ATOMIC]],
  ["parenthesised OR inside AND", "tag:detection_rule (tag:T1059_003 OR tag:atomic_test)", [CMD]],
  ["negated group", "-(tag:detection_rule OR tag:technique)", [ATOMIC, MISC]],
  ["path substring, case-insensitive", 'path:"use cases"', [INTERPRETER, POWERSHELL]],
  ["path matches folder part", "path:RULES/", [CMD, ENCODED, DOWNLOAD]],
  ["path matches file part", "path:T1059.001", [ATOMIC, POWERSHELL]],
  ["file ignores the folder", "file:detection", []],
  ["file matches the extension", "file:.md", [CMD, ENCODED, DOWNLOAD, ATOMIC, INTERPRETER, POWERSHELL, MISC]],
  ["file case-insensitive", "file:POWERSHELL", [DOWNLOAD, POWERSHELL]],
  ["has-property, key case-insensitive", "[level]", [CMD, ENCODED, DOWNLOAD]],
  ["has-property upper-case query", "[LEVEL:medium]", [ENCODED]],
  ["null property counts as absent", "[status]", []],
  ["empty list counts as present", "[aliases]", [POWERSHELL]],
  ["empty value means has-property", "[level:]", [CMD, ENCODED, DOWNLOAD]],
  ["property value case-insensitive", "[level:HIGH]", [DOWNLOAD]],
  ["list value, one element", "[techniques:T1105]", [DOWNLOAD]],
  ["list value, shared element", "[techniques:t1059.001]", [ENCODED, DOWNLOAD]],
  ["number value", "[count:3]", [CMD]],
  ["boolean value", "[auto:true]", [ATOMIC]],
  ["YAML date value as written", "[tested:2024-01-15]", [ATOMIC]],
  ["quoted property value", '[id:"t1059.001"]', [POWERSHELL]],
  ["property substring inside AND", "tag:detection_rule [level:i]", [ENCODED, DOWNLOAD]],
  ["negated property", "-[level]", [ATOMIC, INTERPRETER, POWERSHELL, MISC]],
];

describe("evaluateQuery finds the notes", () => {
  test.each(cases)("%s", (_name, text, expected) => {
    expect(runQuery(text, vault())).toEqual({ ok: true, value: expected });
  });
});

describe("runQuery passes parse errors through", () => {
  test.each([
    ["syntax", "tag:a OR"],
    ["unsupported", "content:x"],
    ["empty", " "],
  ])("%s", (kind, text) => {
    const result = runQuery(text, vault());
    expect(result.ok ? null : result.error.kind).toBe(kind);
  });
});

function evaluateWithCounts(text: string): FakeSource {
  const source = vault();
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  evaluateQuery(parsed.value, source);
  return source;
}

describe("evaluateQuery scans all notes only when it must", () => {
  test.each([
    ["AND with a positive tag", "tag:detection_rule -tag:T1059_001 path:rules", 0],
    ["OR of tags", "tag:atomic_test OR tag:technique", 0],
    ["lone negation", "-tag:detection_rule", 1],
    ["lone path", "path:rules", 1],
    ["OR with a path branch", "tag:atomic_test OR path:rules", 1],
  ])("%s", (_name, text, allPathsCalls) => {
    expect(evaluateWithCounts(text).allPathsCalls).toBe(allPathsCalls);
  });

  // T1059_003 is on one note, detection_rule on three: only that one note's frontmatter may be read.
  test.each([
    ["smallest set last", "[level] tag:detection_rule tag:T1059_003"],
    ["smallest set first", "[level] tag:T1059_003 tag:detection_rule"],
  ])("an AND filters its smallest tag set (%s)", (_name, text) => {
    expect(evaluateWithCounts(text).propertyReads).toEqual([CMD]);
  });
});

describe("queryTags", () => {
  test.each([
    ["vault block", "tag: detection_rule\ntag: T1059_001", ["detection_rule", "t1059_001"], false],
    ["OR of tags", "tag:a OR tag:b", ["a", "b"], false],
    ["negation under a positive tag", "tag:a -tag:b", ["a", "b"], false],
    ["path under a positive tag", "tag:a path:x", ["a"], false],
    ["nested OR with negation under a positive tag", "tag:a (tag:b OR -tag:c)", ["a", "b", "c"], false],
    ["lone negation", "-tag:a", ["a"], true],
    ["double negation", "--tag:a", ["a"], true],
    ["OR with a path branch", "tag:a OR path:x", ["a"], true],
    ["OR with a negated branch", "tag:b OR -tag:c", ["b", "c"], true],
    ["OR with a property branch", "tag:a tag:b OR [p]", ["a", "b"], true],
    ["path alone", "path:x", [], true],
    ["file alone", "file:x", [], true],
    ["property alone", "[p:v]", [], true],
  ])("%s", (_name, text, tags, dependsOnAllNotes) => {
    const parsed = parseQuery(text);
    expect(parsed.ok && queryTags(parsed.value)).toEqual({ tags: new Set(tags), techniqueIds: new Set(), dependsOnCoverage: false, dependsOnAllNotes });
  });
});

/** Random queries over the fake vault's vocabulary, as ASTs so every shape is reachable. */
const leaf = fc.oneof(
  fc.constantFrom("detection_rule", "t1059_001", "attack", "technique", "a").map((key): QueryNode => ({ type: "tag", tag: key, position: 0 })),
  fc.constantFrom("rules", "use", "t1059").map((value): QueryNode => ({ type: "path", value, position: 0 })),
  fc.constantFrom("power", ".md").map((value): QueryNode => ({ type: "file", value, position: 0 })),
  fc.constantFrom(null, "i").map((value): QueryNode => ({ type: "property", name: "level", value, position: 0 })),
);
const queryNode: fc.Arbitrary<QueryNode> = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ type: fc.constantFrom("and" as const, "or" as const), children: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
    tie("node").map((child): QueryNode => ({ type: "not", child })),
  ),
})).node;

/** Plain set algebra over every note: slow but obviously right, to check the smallest-set shortcut against. */
function bySetAlgebra(node: QueryNode, source: FakeSource, all: string[]): Set<string> {
  switch (node.type) {
    case "tag": return new Set(source.pathsWithTag(node.tag));
    case "technique": return new Set(); // the arbitrary queries hold none; see technique-terms.test.ts
    case "profile": case "coverage": return new Set(); // likewise; see profile-terms.test.ts
    case "path": return new Set(all.filter((path) => path.toLowerCase().includes(node.value)));
    case "file": return new Set(all.filter((path) => (path.split("/").pop() ?? "").toLowerCase().includes(node.value)));
    case "property": return new Set(all.filter((path) => {
      const level = Object.entries(source.propertiesOf(path) ?? {}).find(([key]) => key.toLowerCase() === "level")?.[1];
      return typeof level === "string" && (node.value === null || level.toLowerCase().includes(node.value));
    }));
    case "not": {
      const excluded = bySetAlgebra(node.child, source, all);
      return new Set(all.filter((path) => !excluded.has(path)));
    }
    case "and": return node.children.map((child) => bySetAlgebra(child, source, all))
      .reduce((kept, set) => new Set([...kept].filter((path) => set.has(path))));
    case "or": return new Set(node.children.flatMap((child) => [...bySetAlgebra(child, source, all)]));
  }
}

describe("evaluateQuery on random queries", () => {
  test("gives the same list as set algebra over all notes", () => {
    fc.assert(fc.property(queryNode, (query) => {
      const source = vault();
      const expected = [...bySetAlgebra(query, source, [...source.allPaths()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(evaluateQuery(query, source)).toEqual(expected);
    }), { numRuns: 500 });
  });

  test("matches only notes carrying a read tag whenever queryTags says other notes cannot matter", () => {
    fc.assert(fc.property(queryNode, (query) => {
      const { tags, dependsOnAllNotes } = queryTags(query);
      fc.pre(!dependsOnAllNotes);
      const source = vault();
      const untouched = evaluateQuery(query, source).filter((path) =>
        !source.tagsOf(path).some((tag) => [...tags].some((key) => carriesTag(tag, key))));
      expect(untouched).toEqual([]);
    }), { numRuns: 500 });
  });
});

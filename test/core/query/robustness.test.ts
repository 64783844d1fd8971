import fc from "fast-check";
import type { QuerySource } from "../../../src/core/query/ast";
import { evaluateQuery, queryTags, runQuery } from "../../../src/core/query/evaluate";
import { parseQuery } from "../../../src/core/query/parse";
import { lineAndColumn } from "../../../src/core/text-position";

/** 1,000 notes, every one tagged `t<n mod 50>`, so tag sets are small and a scan has real work. */
const source: QuerySource = (() => {
  const paths = Array.from({ length: 1000 }, (_, n) => `Folder ${n % 7}/Note ${n}.md`);
  const byTag = new Map<string, Set<string>>();
  paths.forEach((path, n) => {
    const key = `t${n % 50}`;
    byTag.set(key, (byTag.get(key) ?? new Set()).add(path));
  });
  return {
    allPaths: () => paths,
    pathsWithTag: (tagKey) => byTag.get(tagKey) ?? new Set(),
    propertiesOf: () => ({ level: "high", techniques: ["T1059.001", "T1105"] }),
  };
})();

const TEN_THOUSAND = 10_000;
const terms = (make: (n: number) => string, separator: string) =>
  Array.from({ length: TEN_THOUSAND }, (_, n) => make(n)).join(separator);

describe("hostile nesting gives a syntax error, not a stack overflow", () => {
  test.each([
    ["10,000 nested parentheses", "(".repeat(TEN_THOUSAND) + "tag:a" + ")".repeat(TEN_THOUSAND)],
    ["10,000 unclosed parentheses", "(".repeat(TEN_THOUSAND)],
    ["10,000 minus signs", "-".repeat(TEN_THOUSAND) + "tag:a"],
    ["10,000 -( pairs", "-(".repeat(TEN_THOUSAND) + "tag:a"],
  ])("%s", (_name, text) => {
    const result = parseQuery(text);
    expect(result.ok ? null : result.error).toMatchObject({ kind: "syntax", message: expect.stringContaining("nesting deeper than 256") });
  });

  test("256 nested parentheses, the cap itself, still parse and evaluate", () => {
    const result = runQuery("(".repeat(256) + "tag:t1" + ")".repeat(256), source);
    expect(result.ok && result.value.length).toBe(20);
  });

  test("10,000 closing parentheses report the first one", () => {
    const result = parseQuery(")".repeat(TEN_THOUSAND));
    expect(result.ok ? null : result.error.position).toBe(0);
  });
});

// Speed is measured by `npm run bench`, never asserted here; these prove the answers and that nothing hangs.
describe("10,000 terms parse and evaluate", () => {
  test.each([
    // Every note carries one of t0..t49, so 10,000 ANDed distinct-ish tags match nothing.
    ["ANDed tags", terms((n) => `tag:t${n % 50}`, " "), 0],
    ["ORed tags", terms((n) => `tag:t${n % 50}`, " OR "), 1000],
    ["ANDed negations", terms((n) => `-tag:t${n % 50}`, "\n"), 0],
    ["ORed paths", terms((n) => `path:"note ${n}.md"`, " OR "), 1000],
    ["the same property term 10,000 times", terms(() => "[level:HIGH]", " "), 1000],
    // Distinct terms that never match are the worst case: every note tests every term.
    ["distinct path terms", terms((n) => `path:x${n}`, " OR "), 0],
    ["distinct file terms", terms((n) => `file:x${n}`, " OR "), 0],
    ["distinct list-property terms", terms((n) => `[techniques:x${n}]`, " OR "), 0],
  ])("%s", (_name, text, expectedCount) => {
    const result = runQuery(text, source);
    expect(result.ok ? result.value.length : -1).toBe(expectedCount);
  });

  test("queryTags on 10,000 terms collects every key", () => {
    const parsed = parseQuery(terms((n) => `tag:t${n % 50}`, " OR "));
    expect(parsed.ok && queryTags(parsed.value).tags.size).toBe(50);
  });
});

describe("30,000 terms parse", () => {
  // A quadratic step (say, a line count per term) would take minutes here and hit jest's timeout.
  test.each([
    ["tags", (n: number) => `tag: t${n}`],
    ["paths", (n: number) => `path:"p ${n}"`],
    ["properties", (n: number) => `[p${n}:v]`],
    ["negated groups", (n: number) => `-(file:f${n} OR [p])`],
  ])("%s", (_name, make) => {
    const text = Array.from({ length: 30_000 }, (_, n) => make(n)).join("\n");
    const result = parseQuery(text);
    expect(result.ok ? null : result.error).toBeNull();
  });
});

describe("long single tokens are read", () => {
  test.each([
    ["100,000-letter bare word", "a".repeat(100_000), "unsupported"],
    ["unclosed quote full of escapes", '"' + '\\"'.repeat(50_000), "syntax"],
    ["unclosed property", "[" + "x".repeat(100_000), "syntax"],
  ])("%s", (_name, text, kind) => {
    const result = parseQuery(text);
    expect(result.ok ? null : result.error.kind).toBe(kind);
  });
});

const syntaxy = fc.string({
  unit: fc.constantFrom("(", ")", "-", '"', "\\", "[", "]", ":", " ", "\n", "OR", "tag:", "path:", "#", "a", "/", "content:"),
  maxLength: 60,
});

describe("parseQuery never throws on any string", () => {
  test.each([
    ["query-shaped strings", syntaxy],
    ["arbitrary unicode strings", fc.string({ unit: "binary", maxLength: 60 })],
  ])("%s: an AST that evaluates, or an error whose line and column match its position", (_name, texts) => {
    fc.assert(fc.property(texts, (text) => {
      const result = parseQuery(text);
      if (result.ok) {
        expect(evaluateQuery(result.value, source)).toEqual(expect.any(Array));
      } else {
        const { position, line, column } = result.error;
        expect({ inRange: position >= 0 && position <= text.length, line, column })
          .toEqual({ inRange: true, ...lineAndColumn(text, position) });
      }
    }), { numRuns: 2000 });
  });
});

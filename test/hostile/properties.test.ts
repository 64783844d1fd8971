/**
 * Property-based checks with fast-check: the query parser never throws and its work stays within
 * bounds counted in tokens and nodes (never in time); ID and tag normalisation are idempotent.
 */
import fc from "fast-check";
import type { QueryNode, QuerySource } from "../../src/core/query/ast";
import { evaluateQuery } from "../../src/core/query/evaluate";
import { parseQuery } from "../../src/core/query/parse";
import { MAX_NESTING } from "../../src/core/query/query-error";
import { tokenize } from "../../src/core/query/tokenize";
import { tagsFromFrontmatterValue } from "../../src/core/tag-facts";
import { cleanTag, inlineTags, tagKey } from "../../src/core/tags";
import { parseTechniqueId, techniqueIdAsTag, techniqueIdAtStartOf } from "../../src/core/technique-id";

function size(node: QueryNode): { nodes: number; depth: number } {
  if (node.type === "and" || node.type === "or") {
    const children = node.children.map(size);
    return { nodes: 1 + children.reduce((sum, child) => sum + child.nodes, 0), depth: 1 + Math.max(0, ...children.map((child) => child.depth)) };
  }
  if (node.type === "not") {
    const child = size(node.child);
    return { nodes: 1 + child.nodes, depth: 1 + child.depth };
  }
  return { nodes: 1, depth: 1 };
}

/** Pieces of query syntax, hostile ones included. */
const QUERY_PIECES = [
  "(", ")", "-", '"', "\\", "[", "]", ":", " ", "\n", "\t", "OR", "AND", "tag:", "path:", "file:", "content:", "#", "/",
  "tag:t1059_001", "tag: detection_rule", "[level:high]", '[title:"x y"]', "-(", "((", "))", "<img src=x onerror=alert(1)>", "\0", "\u2028",
];
// fast-check keeps sizes small unless told; the "max" ones reach the full lengths, about 20,000 characters.
const queryText = fc.oneof(
  fc.array(fc.constantFrom(...QUERY_PIECES), { maxLength: 60 }).map((pieces) => pieces.join("")),
  fc.array(fc.constantFrom(...QUERY_PIECES), { maxLength: 4000, size: "max" }).map((pieces) => pieces.join("")),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 20_000, size: "max" }),
);

/** Well-formed queries of random shape: terms, groups, negations, ANDs and ORs. */
const { wellFormed } = fc.letrec((tie) => ({
  wellFormed: fc.oneof({ maxDepth: 6 }, tie("term"), tie("group"), tie("negation"), tie("all"), tie("any")),
  term: fc.constantFrom("tag:a", "tag: t1059_001", "#T1105", "path:x", 'file:"a b"', "[level:high]", "[p]", '[title:"<img src=x>"]', "-tag:b"),
  group: tie("wellFormed").map((inner) => `(${String(inner)})`),
  negation: tie("wellFormed").map((inner) => `-(${String(inner)})`),
  all: fc.array(tie("wellFormed"), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(" ")),
  any: fc.array(tie("wellFormed"), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(" OR ")),
}));

/** A source that counts how often the evaluator asks it for tags and properties. */
function countingSource(): QuerySource & { tagLookups: number; propertyReads: number; paths: string[] } {
  const paths = Array.from({ length: 40 }, (_, n) => `Folder ${n % 4}/Note ${n}.md`);
  const source = {
    paths,
    tagLookups: 0,
    propertyReads: 0,
    allPaths: () => paths,
    pathsWithTag: (key: string) => {
      source.tagLookups++;
      return new Set(paths.filter((_, n) => `t${n % 5}` === key));
    },
    propertiesOf: () => {
      source.propertyReads++;
      return { level: "high", title: "x y", tags: ["t1"] };
    },
  };
  return source;
}

function distinctTagTerms(node: QueryNode, into = new Set<string>()): Set<string> {
  if (node.type === "tag") into.add(node.tag);
  else if (node.type === "and" || node.type === "or") node.children.forEach((child) => distinctTagTerms(child, into));
  else if (node.type === "not") distinctTagTerms(node.child, into);
  return into;
}

describe("the query parser on random input", () => {
  test("never throws; an AST is at most two nodes per token and 2 × (nesting cap + 1) + 1 deep; an error points into the text", () => {
    fc.assert(
      fc.property(queryText, (text) => {
        const tokens = tokenize(text);
        const parsed = parseQuery(text);
        if (!parsed.ok) return parsed.error.position >= 0 && parsed.error.position <= text.length;
        const tokenCount = tokens.ok ? tokens.value.length : Infinity;
        const { nodes, depth } = size(parsed.value);
        return tokenCount <= text.length && nodes <= 2 * tokenCount && depth <= 2 * (MAX_NESTING + 1) + 1;
      }),
      { numRuns: 300 },
    );
  });

  test("a well-formed query always parses, within the same bounds", () => {
    fc.assert(
      fc.property(wellFormed, (text) => {
        const tokens = tokenize(String(text));
        const parsed = parseQuery(String(text));
        if (!parsed.ok || !tokens.ok) return false;
        const { nodes, depth } = size(parsed.value);
        return nodes <= 2 * tokens.value.length && depth <= 2 * (MAX_NESTING + 1) + 1;
      }),
      { numRuns: 300 },
    );
  });

  test("evaluating reads each note's properties at most once and each distinct tag once, whatever the query", () => {
    fc.assert(
      fc.property(fc.oneof(queryText, wellFormed.map(String)), (text) => {
        const parsed = parseQuery(text);
        if (!parsed.ok) return true;
        const source = countingSource();
        evaluateQuery(parsed.value, source);
        return source.propertyReads <= source.paths.length && source.tagLookups <= distinctTagTerms(parsed.value).size;
      }),
      { numRuns: 300 },
    );
  });
});

/** Strings shaped like technique IDs, in every spelling a vault uses, and near misses. */
const idLike = fc
  .tuple(
    fc.constantFrom("", "attack.", "attack/", "ATTACK.", "#", " "),
    fc.constantFrom("T", "t"),
    fc.stringMatching(/^\d{3,5}$/),
    fc.constantFrom("", ".", "_", "-", "/", ". "),
    fc.stringMatching(/^\d{0,4}$/),
    fc.constantFrom("", " ", "x", "\n"),
  )
  .map((parts) => parts.join(""));

describe("technique ID normalisation is idempotent", () => {
  test.each([
    ["the canonical form", (id: string) => id],
    ["the tag form T1059_001", techniqueIdAsTag],
    ["Sigma's attack.t1059.001", (id: string) => `attack.${id.toLowerCase()}`],
    ["a nested tag attack/t1059/001", (id: string) => `attack/${id.toLowerCase().replace(".", "/")}`],
    ["an inline #tag", (id: string) => `#${techniqueIdAsTag(id)}`],
  ])("parse(%s of parse(x)) === parse(x)", (_name, format) => {
    fc.assert(
      fc.property(fc.oneof(idLike, fc.string()), (text) => {
        const id = parseTechniqueId(text);
        return id === null || parseTechniqueId(format(id)) === id;
      }),
      { numRuns: 1000 },
    );
  });

  test("the ID at the start of a file name named after a parsed ID is that ID", () => {
    fc.assert(
      fc.property(idLike, (text) => {
        const id = parseTechniqueId(text);
        return id === null || techniqueIdAtStartOf(`${id} - Some Name.md`) === id;
      }),
      { numRuns: 1000 },
    );
  });
});

const tagLike = fc.oneof(
  fc.array(fc.constantFrom("#", "##", " ", "\u00a0", "a", "B", "é", "İ", "ß", "1", "/", "_", "-", ",", "\t", "\n", "\u200b"), { maxLength: 12 }).map((parts) => parts.join("")),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const tagValue = fc.oneof(tagLike, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tagLike), fc.dictionary(tagLike, tagLike));

describe("tag normalisation is idempotent", () => {
  test.each([
    ["cleanTag(cleanTag(x)) === cleanTag(x)", (value: unknown) => cleanTag(cleanTag(value)) === cleanTag(value)],
    ["tagKey(tagKey(x)) === tagKey(x)", (value: unknown) => typeof value !== "string" || tagKey(tagKey(value)) === tagKey(value)],
    [
      "frontmatter tags read again read the same",
      (value: unknown) => {
        const tags = tagsFromFrontmatterValue(value);
        return JSON.stringify(tagsFromFrontmatterValue(tags)) === JSON.stringify(tags);
      },
    ],
  ])("%s", (_name, holds) => {
    fc.assert(fc.property(tagValue, holds), { numRuns: 2000 });
  });

  test("inline tags written back as #tags read the same", () => {
    const body = fc.array(fc.oneof(tagLike, fc.constantFrom("#", " #", "\n#", "`#code`", "```\n", "> #quoted")), { maxLength: 30 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(body, (text) => {
        const tags = inlineTags(text);
        return JSON.stringify(inlineTags(tags.map((tag) => `#${tag}`).join(" "))) === JSON.stringify(tags);
      }),
      { numRuns: 2000 },
    );
  });
});

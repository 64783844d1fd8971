/**
 * The fast path for flat frontmatter against js-yaml itself: whatever it accepts must read exactly
 * as js-yaml (core schema) reads it, and whatever js-yaml rejects it must decline.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { CORE_SCHEMA, load as loadYaml } from "js-yaml";
import { FLAT_FRONTMATTER_ENABLED, readFlatFrontmatter } from "../../src/cli/flat-frontmatter";
import { noteLayout } from "../../src/cli/note-layout";
import { listMarkdownFiles } from "../../src/cli/read-vault";
import { describeWithRealVault, EXAMPLE_VAULT, REAL_VAULT } from "../support/paths";

/** js-yaml's reading, or "throws"; an empty document reads as no properties, as the reader has it. */
function jsYaml(yaml: string): unknown {
  try {
    return loadYaml(yaml, { schema: CORE_SCHEMA }) ?? {};
  } catch {
    return "throws";
  }
}

function expectAgreement(yaml: string): void {
  const fast = readFlatFrontmatter(yaml);
  if (fast !== null) expect(fast).toStrictEqual(jsYaml(yaml));
}

test("js-yaml exposes the resolvers the fast path resolves plain values with", () => {
  expect(FLAT_FRONTMATTER_ENABLED).toBe(true);
});

describe("accepted: reads as js-yaml reads it", () => {
  test.each([
    ["a Sigma rule note", 'title: "Python SQL Exceptions"\nstatus: "stable"\ntags: [initial_access, t1190, detection_rule]\nlogsrc_service: ""\nlevel: "medium"'],
    ["a technique note", "created: 2017-05-31\nversion: 1.1\ntactics: Command and Control\nurl: https://attack.mitre.org/techniques/T1001\nplatforms: Linux, Windows, macOS\ntags: [T1001, techniques, Command_and_Control]"],
    ["an atomic note", 'tags: [T1003, atomic_test]\nfilename: "[[T1003 - OS Credential Dumping]]"'],
    ["Obsidian's block lists", "tags:\n  - T1059_001\n  - techniques\naliases:\n  - PowerShell"],
    ["a block list at the key's indent", "tags:\n- a\n- b\nnext: 1"],
    ["numbers, booleans and nulls of the core schema", "a: 12\nb: 0.5e3\nc: 0x1F\nd: true\ne: False\nf: ~\ng: null\nh: .inf\ni: 1_000\nj: 0o17\nk:"],
    ["strings that look like other things but are not", "a: yes\nb: 2020-03-09\nc: 1.2.3\nd: 08\ne: +12\nf: NULLX"],
    ["quoted values stay text", "a: \"12\"\nb: 'true'\nc: \"\"\nd: ''\ne: \"# not a comment\""],
    ["plain values with inner punctuation", "a: C:\\Windows\\System32\nb: it's fine\nc: a#b\nd: x -> y"],
    ["flow lists with quoted, numeric and empty forms", "a: [\"x y\", 'z', 1, true, null]\nb: []\nc: [ spaced , items ]"],
    ["list items with nothing after the dash", "tags:\n  -\n  - \n  - x"],
    ["no-break spaces are text, not white space", "a: x\u00a0\nb: [\u00a0y\u00a0]"],
    ["CRLF line ends and blank lines", "a: 1\r\n\r\nb: [x]\r\n"],
    ["nothing at all", ""],
    ["only blank lines", "\n  \n"],
  ])("%s", (_name, yaml) => {
    const fast = readFlatFrontmatter(yaml);
    expect(fast).not.toBeNull();
    expect(fast).toStrictEqual(jsYaml(yaml));
  });
});

describe("declined: left to js-yaml", () => {
  test.each([
    ["a nested map", "logsource:\n  product: windows"],
    ["a multi-line plain value", "title: one\n  two"],
    ["a block scalar", "description: |\n  text"],
    ["a comment line", "# note\na: 1"],
    ["a trailing comment", "a: 1 # one"],
    ["an anchor and an alias", "a: &x 1\nb: *x"],
    ["a tag", "a: !!str 1"],
    ["a duplicate key", "a: 1\na: 2"],
    ["a key js-yaml turns into other text", "Null: 1"],
    ["__proto__", "__proto__: 1"],
    ["a key with spaces", "last modified: 1"],
    ["a tab", "a:\t1"],
    ["a control character", "a: x\u0007y"],
    ["a lone surrogate", "a: \uD800"],
    ["a line separator", "a: x\u2028y"],
    ["an empty flow item", "tags: [, x]"],
    ["a trailing comma", "tags: [x,]"],
    ["a comma inside a quoted flow item", 'tags: ["a, b"]'],
    ["a colon in a flow item", "tags: [a:b]"],
    ["a flow map", "a: {b: 1}"],
    ["list items at two indents", "tags:\n  - a\n - b"],
    ["a list item under a key with a value", "a: 1\n  - b"],
    ["a nested list", "tags:\n  - - a"],
    ["a map in a list", "tags:\n  - a: 1"],
    ["a value ending in a colon", "a: b:"],
    ["a mapping value in a value", "a: b: c"],
    ["an escape in double quotes", 'a: "x\\ty"'],
    ["a quote doubled in single quotes", "a: 'it''s'"],
    ["a document marker line", "a: 1\n---\nb: 2"],
    ["an end marker", "a: 1\n..."],
    ["a value opening with a dash", "a: -1"],
    ["a lone carriage return", "a: 1\rb: 2"],
  ])("%s", (_name, yaml) => {
    expect(readFlatFrontmatter(yaml)).toBeNull();
  });
});

/** Pieces of flat and not-so-flat YAML: keys, values of every scalar kind, indicators, whitespace. */
const KEYS = ["tags", "title", "a", "Null", "true", "x-y", "k_1", "__proto__", "level"];
const VALUES = [
  "", "x", "T1059_001", "1", "1.5", "-2", "0x10", "0o7", "1_0", "1e3", ".nan", "~", "null", "NULL", "True", "false", "yes", "2020-01-01", "nope", "tru", "a\u00a0", "\u00a0a", "Falsey", "nULL", "NaN", "+.5", "-.inf", ".Inf", "0b1", "+0x1", "1_", "_1", "Infinity",
  '"q"', "'s'", '"a\\"b"', "'it''s'", "[a, b]", "[]", "[, a]", "[a,]", '["x, y"]', "[1, true, ~]", "{a: 1}", "a: b", "a #c", "a#c", "#c",
  "&x", "*x", "!!str 1", "|", ">", "- a", "-", "?", ":", "%x", "@x", "`x", "a:", "https://x.y/z", "C:\\x", "it's", "é ü", "\t", " ",
];
const LINE = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(":", ": ", ":  ", " : "), fc.constantFrom(...VALUES)).map((parts) => parts.join("")),
  fc.tuple(fc.constantFrom("", " ", "  ", "   "), fc.constantFrom("- ", "-", "-  "), fc.constantFrom(...VALUES)).map((parts) => parts.join("")),
  fc.constantFrom("", "  ", "# c", "---", "...", "  nested: 1", "\r", "  continued"),
);

test("any mix of such lines: accepted means equal to js-yaml, rejected by js-yaml means declined", () => {
  fc.assert(
    fc.property(fc.array(LINE, { maxLength: 8 }), fc.constantFrom("\n", "\r\n"), (lines, end) => {
      expectAgreement(lines.join(end));
    }),
    { numRuns: 3000 },
  );
});

const FLAT_VALUES = VALUES.filter((value) => readFlatFrontmatter(`k: ${value}`) !== null);

test("flat lines under distinct keys are always accepted, and read as js-yaml reads them", () => {
  expect(FLAT_VALUES.length).toBeGreaterThan(20);
  const entry = fc.oneof(
    fc.constantFrom(...FLAT_VALUES).map((value) => `: ${value}`),
    fc.array(fc.constantFrom(...FLAT_VALUES.filter((value) => !value.startsWith("["))), { minLength: 1, maxLength: 3 }).map((items) => `:\n${items.map((item) => `  - ${item}`).join("\n")}`),
  );
  const keys = fc.uniqueArray(fc.stringMatching(/^[a-z_][a-z0-9_-]{0,6}$/), { maxLength: 6 }).filter((names) => names.every((name) => !["null", "true", "false", "__proto__"].includes(name)));
  fc.assert(
    fc.property(keys.chain((names) => fc.tuple(fc.constant(names), fc.array(entry, { minLength: names.length, maxLength: names.length }))), ([names, entries]) => {
      const yaml = names.map((name, i) => `${name}${entries[i] ?? ""}`).join("\n");
      const fast = readFlatFrontmatter(yaml);
      expect(fast).not.toBeNull();
      expect(fast).toStrictEqual(jsYaml(yaml));
    }),
    { numRuns: 2000 },
  );
});

/** Every note's frontmatter text, cut out as the reader cuts it. */
function everyFrontmatter(vault: string): string[] {
  const texts: string[] = [];
  for (const path of listMarkdownFiles(vault)) {
    const bytes = readFileSync(join(vault, path));
    const { frontmatter } = noteLayout(bytes);
    if (frontmatter && frontmatter !== "unclosed") texts.push(bytes.toString("utf8", frontmatter.start, frontmatter.end));
  }
  return texts;
}

test("the example vault: every frontmatter the fast path reads agrees with js-yaml", () => {
  const texts = everyFrontmatter(EXAMPLE_VAULT);
  expect(texts.length).toBeGreaterThan(10);
  for (const yaml of texts) expectAgreement(yaml);
});

describeWithRealVault("the real vault's frontmatter", () => {
  const texts = everyFrontmatter(REAL_VAULT);

  test("every frontmatter the fast path reads agrees with js-yaml", () => {
    for (const yaml of texts) expectAgreement(yaml);
  });

  // The headless read is only as fast as this share (bench target 3): converters write flat frontmatter.
  test("nearly all of it takes the fast path", () => {
    const read = texts.filter((yaml) => readFlatFrontmatter(yaml) !== null).length;
    expect(read / texts.length).toBeGreaterThan(0.95);
  });
});

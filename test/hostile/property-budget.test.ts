/**
 * Issue #15, class 3: a property query over YAML aliases. The payload (alias-expansion.ts) holds 1.8
 * billion characters behind 120 KB of YAML; a property term now reads at most a budget per note,
 * counted here in the values and keys it touches, and says which notes it gave up on.
 */
import Ajv from "ajv";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { parseNote } from "../../src/cli/read-vault";
import type { QuerySource } from "../../src/core/query/ast";
import { emptyQueryReport, evaluateQuery, PROPERTIES_TOO_LARGE } from "../../src/core/query/evaluate";
import { propertyWorkLimit } from "../../src/core/query/note-view";
import { parseQuery } from "../../src/core/query/parse";
import { ALIAS_NOTE, aliasExpansionNote } from "./alias-expansion";
import { REPO_ROOT } from "../support/paths";

const NOTE = aliasExpansionNote();
const { record } = parseNote(ALIAS_NOTE, NOTE);

/** `value` behind proxies that count every property read, at any depth. */
function counted(value: unknown, counter: { reads: number }, seen = new Map<object, unknown>()): unknown {
  if (typeof value !== "object" || value === null) return value;
  const known = seen.get(value);
  if (known) return known;
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      counter.reads++;
      return counted(Reflect.get(target, key, receiver), counter, seen);
    },
  });
  seen.set(value, proxy);
  return proxy;
}

function countingSource(counter: { reads: number }): QuerySource {
  return {
    allPaths: () => [ALIAS_NOTE],
    pathsWithTag: () => new Set(),
    propertiesOf: () => counted(record.frontmatter, counter) as Record<string, unknown>,
    propertyWorkLimit: () => propertyWorkLimit(record.frontmatterSize),
  };
}

function evaluate(text: string) {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const counter = { reads: 0 };
  const report = emptyQueryReport();
  const results = evaluateQuery(parsed.value, countingSource(counter), report);
  return { results, gaveUpOn: report.propertiesTooLarge, reads: counter.reads };
}

describe("a property term over 30,000 aliases to a nested alias list", () => {
  const budget = propertyWorkLimit(record.frontmatterSize);

  test("the reader says how long the frontmatter is: about 120 KB", () => {
    expect(record.frontmatterSize).toBeGreaterThan(120_000);
  });

  test.each([
    ["a value nowhere in it: left out, and named as given up on", "[level:zzz]", [], [ALIAS_NOTE]],
    ["a negated term: taken in, and named as given up on", "-[level:zzz]", [ALIAS_NOTE], [ALIAS_NOTE]],
    ["a value in its first element: found, which is certain", "[level:lol]", [ALIAS_NOTE], []],
  ])("%s, from a bounded read", (_name, query, results, gaveUpOn) => {
    const answer = evaluate(query);
    expect({ results: answer.results, gaveUpOn: answer.gaveUpOn, withinBudget: answer.reads <= budget }).toEqual({ results, gaveUpOn, withinBudget: true });
  });

  test("the budget grows with the frontmatter, not with what its aliases expand to", () => {
    expect(budget).toBeLessThan(20 * NOTE.length);
  });

  test("an alias is walked once and copied after: fewer reads than the note has bytes, though its texts fill the budget", () => {
    const answer = evaluate("[level:zzz]");
    expect({ gaveUpOn: answer.gaveUpOn, readsBelowBytes: answer.reads < NOTE.length }).toEqual({ gaveUpOn: [ALIAS_NOTE], readsBelowBytes: true });
  });

  test("has-property reads no value", () => {
    expect(evaluate("[level]")).toEqual({ results: [ALIAS_NOTE], gaveUpOn: [], reads: expect.any(Number) });
    expect(evaluate("[level]").reads).toBeLessThan(10);
  });
});

describe("the CLI over a vault holding that note", () => {
  let vault = "";
  beforeAll(() => {
    vault = mkdtempSync(join(tmpdir(), "attack-aliases-"));
    mkdirSync(join(vault, "Detection Rules"));
    mkdirSync(join(vault, "Use Cases"));
    writeFileSync(join(vault, ALIAS_NOTE), NOTE);
    writeFileSync(join(vault, "Detection Rules/good.md"), "---\nlevel: zzz high\ntags: [t1490, detection_rule]\n---\n");
    writeFileSync(join(vault, "Use Cases/T1490.md"), "---\ntags: [T1490, techniques]\n---\n\n```query\n[level:zzz]\n```\n");
  });
  afterAll(() => rmSync(vault, { recursive: true, force: true }));

  const warning = { path: ALIAS_NOTE, message: PROPERTIES_TOO_LARGE };

  test("query --json answers, and names the note in `warnings` and on stderr", () => {
    const output = runCli(["query", vault, "[level:zzz]", "--json"]);
    const json = JSON.parse(output.stdout) as { results: string[]; warnings: unknown[] };
    expect({ code: output.exitCode, results: json.results, warnings: json.warnings, stderr: output.stderr }).toEqual({
      code: 0,
      results: ["Detection Rules/good.md"],
      warnings: [warning],
      stderr: [`warning: ${ALIAS_NOTE}: ${PROPERTIES_TOO_LARGE}`],
    });
  });

  test("blocks --json gives the block its warnings", () => {
    const answers = JSON.parse(runCli(["blocks", vault, "--json"]).stdout) as Array<{ note: string; results: string[]; warnings?: unknown[] }>;
    expect(answers.map(({ note, results, warnings }) => ({ note, results, warnings }))).toEqual([{ note: "Use Cases/T1490.md", results: ["Detection Rules/good.md"], warnings: [warning] }]);
  });

  test.each([
    ["query", ["query", "[level:zzz]", "--json"]],
    ["blocks", ["blocks", "--json"]],
  ])("%s --json with warnings still validates against docs/schemas", (schema, [command, ...rest]) => {
    const validate = new Ajv({ strict: true, strictRequired: false }).compile(JSON.parse(readFileSync(join(REPO_ROOT, `docs/schemas/${schema}.schema.json`), "utf8")) as object);
    validate(JSON.parse(runCli([command ?? "", vault, ...rest]).stdout));
    expect(validate.errors ?? []).toEqual([]);
  });
});

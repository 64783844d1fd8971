/**
 * The CLI, as a process, over the hostile vault: it finishes, reports every problem once on stderr
 * and in the JSON, answers hostile blocks correctly, and gives every good note the same results
 * as in a vault holding only the good notes.
 */
import { spawnSync } from "node:child_process";
import { readVault } from "../../src/cli/read-vault";
import { buildHostileVault, GENERATED, goodNotePaths, removeVault } from "../fixtures/hostile-vault";
import { cliBundle } from "../support/build-cli";
import { HOSTILE_BLOCKS, T1490_RULES } from "./expected-answers";
import { EXPECTED_PROBLEMS, matchProblems } from "./expected-problems";
import type { BlockAnswer } from "../support/block-answer";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface CoverageJson {
  techniques: Array<{ id: string; rules: string[] } & Record<string, unknown>>;
  warnings: Array<{ path: string; message: string }>;
}


const hostileVault = buildHostileVault({ hostile: true });
const goodVault = buildHostileVault({ hostile: false });
afterAll(() => {
  removeVault(hostileVault);
  removeVault(goodVault);
});

function run(args: string[]): Run {
  const result = spawnSync(process.execPath, [cliBundle(), ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const runs = new Map<string, Run>();
/** Each command line once per vault; the tests below only read the outputs. */
function cli(vault: string, ...args: string[]): Run {
  const key = JSON.stringify([vault, args]);
  let result = runs.get(key);
  if (!result) runs.set(key, (result = run([args[0] ?? "", vault, ...args.slice(1)])));
  return result;
}

const coverageJson = (vault: string): CoverageJson => JSON.parse(cli(vault, "coverage", "--json").stdout) as CoverageJson;
const blocksJson = (vault: string): BlockAnswer[] => JSON.parse(cli(vault, "blocks", "--json").stdout) as BlockAnswer[];
// On a terminal, control characters in names are shown as \xNN escapes (checked on their own below).
const escaped = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
const warningLine = (warning: { path: string; message: string }): string => `warning: ${escaped(warning.path)}: ${escaped(warning.message)}`;
const stderrLines = (result: Run): string[] => result.stderr.split("\n").filter((line) => line !== "");

const COMMANDS: string[][] = [
  ["coverage"],
  ["coverage", "--json"],
  ["coverage", "--format", "markdown"],
  ["coverage", "--attack"],
  ["coverage", "--no-rollup", "--platform", "Windows"],
  ["blocks"],
  ["blocks", "--json"],
  ["query", "tag:detection_rule tag:t1059_001", "--json"],
  ["query", "[logsrc_product:windows]"],
];

describe("no crash", () => {
  test.each(COMMANDS.map((args) => [args.join(" "), args]))("`%s` exits 0 with no internal error", (_name, args) => {
    const result = cli(hostileVault, ...args);
    expect({ code: result.code, internal: /internal error|\n\s+at /.test(result.stderr) }).toEqual({ code: 0, internal: false });
  });
});

describe("every problem reported once, naming the file and what is wrong", () => {
  test("coverage --json lists exactly the expected problems in `warnings`", () => {
    expect(matchProblems(coverageJson(hostileVault).warnings, EXPECTED_PROBLEMS)).toEqual({ missing: [], unexpected: [] });
  });

  // --verbose: without it, past five problems stderr shows the first five and how many there are.
  test.each(COMMANDS.map((args) => [args.join(" "), args]))("`%s --verbose` prints one stderr line per problem, each once", (_name, args) => {
    const expected = coverageJson(hostileVault).warnings.map(warningLine).sort();
    expect(stderrLines(cli(hostileVault, ...args, "--verbose")).sort()).toEqual(expected);
  });

  test("no problem is reported twice", () => {
    const lines = coverageJson(hostileVault).warnings.map(warningLine);
    expect(lines.length - new Set(lines).size).toBe(0);
  });

  test("the vault of good notes alone has no problem", () => {
    expect(stderrLines(cli(goodVault, "coverage", "--json"))).toEqual([]);
  });
});

describe("good notes give the same results as without the hostile notes", () => {
  const goodRows = coverageJson(goodVault).techniques;
  const goodIds = goodRows.map((row) => row.id);

  test("the comparison covers every good technique note", () => {
    expect(goodIds.sort()).toEqual(["T1059", "T1059.001", "T1105", "T1572"]);
  });

  test.each(goodRows.map((row) => [row.id, row]))("the coverage row of %s", (id, row) => {
    expect(coverageJson(hostileVault).techniques.find((candidate) => candidate.id === id)).toEqual(row);
  });

  const goodNotes = new Set(goodNotePaths());
  const goodBlocks = blocksJson(goodVault).filter((block) => goodNotes.has(block.note));

  test("the comparison covers every block of the good notes", () => {
    expect(goodBlocks.length).toBe(13);
  });

  test.each(goodBlocks.map((block) => [`${block.note}:${block.line}`, block]))("the block at %s", (_name, block) => {
    expect(blocksJson(hostileVault).find((answer) => answer.note === block.note && answer.line === block.line)).toEqual(block);
  });

  // Hostile notes whose tags would name good techniques (broken YAML, a list or a scalar for
  // frontmatter, tags in a nested list or a map) must add nothing to them.
  test.each([
    ["rules of T1059.001", "tag:detection_rule tag:t1059_001"],
    ["everything tagged T1105", "tag:t1105"],
    ["a property scan over every note, alias bombs included", "[logsrc_product:windows]"],
    ["tags in inline code and fences, which are not tags", "tag:not_a_tag OR tag:inside_a_fence"],
  ])("the query for %s", (_name, query) => {
    const hostile = JSON.parse(cli(hostileVault, "query", query, "--json").stdout) as { results: string[] };
    const good = JSON.parse(cli(goodVault, "query", query, "--json").stdout) as { results: string[] };
    expect(hostile.results).toEqual(good.results);
  });
});

describe("hostile notes that are valid still count", () => {
  test("T1490's rules: the 5 MB, NUL, Latin-1, alias-bomb and markup-named rules among them", () => {
    expect(coverageJson(hostileVault).techniques.find((row) => row.id === "T1490")?.rules).toEqual(T1490_RULES);
  });

  // Named by note and query (its first 60 characters): a block is found by what it says, not where it stands.
  test.each(HOSTILE_BLOCKS.map(([note, query, answer]) => [`${note}: ${JSON.stringify(query.slice(0, 60))}`, note, query, answer]))("the block %s", (_name, note, query, answer) => {
    const block = blocksJson(hostileVault).find((candidate) => candidate.note === note && candidate.query === query);
    if (answer instanceof RegExp) expect(block?.error).toMatch(answer);
    else expect(block?.results).toEqual(answer);
  });

  test.each([
    ["in the middle of", "tag:hostile/huge tag:t1490", [GENERATED.huge]],
    ["at the end of", "tag:t1490 tag:detection_rule", T1490_RULES],
  ])("the block %s the 5 MB note", (_name, query, results) => {
    expect(blocksJson(hostileVault).find((block) => block.note === GENERATED.huge && block.query === query)?.results).toEqual(results);
  });
});

describe("keys named after Object.prototype members", () => {
  test("reading the vault adds nothing to Object.prototype; `__proto__` stays an ordinary key of the note", () => {
    const read = readVault(hostileVault);
    const prototypeNote = read.records.find((record) => record.path === "Detection Rules/prototype_keys.md");
    expect({ polluted: "polluted" in Object.prototype, keptAsOwnKey: Object.keys(prototypeNote?.frontmatter ?? {}).includes("__proto__") }).toEqual({ polluted: false, keptAsOwnKey: true });
  });
});

describe("where note text could mislead", () => {
  // A YAML front-matter splitter such as gray-matter reads an unclosed frontmatter to the end of the file; Obsidian reads no properties.
  test("a note whose frontmatter is never closed has no properties, as in Obsidian", () => {
    const answer = JSON.parse(cli(hostileVault, "query", "tag:t1499", "--json").stdout) as { results: string[] };
    expect(answer.results).toEqual([]);
  });

  // A title or file name must not retitle the window, clear the screen or forge lines.
  test("text output holds no control characters from note text", () => {
    const outputs = [cli(hostileVault, "coverage").stdout, cli(hostileVault, "coverage").stderr];
    expect(outputs.join("\n")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  test("the text report lists each gap on one line: a newline in a title cannot forge a line", () => {
    expect(cli(hostileVault, "coverage").stdout).not.toMatch(/^warning: Use Cases\/forged\.md/m);
  });

  // blocks --json is a public array shape that scripts read; its warnings go to stderr.
  test("blocks --json stays an array, with the warnings on stderr", () => {
    const result = cli(hostileVault, "blocks", "--json");
    expect([Array.isArray(JSON.parse(result.stdout)), result.stderr.includes("warning: ")]).toEqual([true, true]);
  });
});

/** `blocks` and `query` run in the process: their text, their JSON, their exit codes and usage errors. */
import { parseArgs, UsageError } from "../../src/cli/args";
import { COMMANDS, EXIT_OK, EXIT_QUERY_ERROR } from "../../src/cli/commands";
import { outputText } from "../../src/cli/output";
import { vaultOf } from "../support/scratch-vault";

const VAULT = vaultOf({
  "Use Cases/T1059.md": "---\ntags: [T1059, techniques]\n---\n\n```query\ntag: detection_rule\ntag: T1059\n```\n\n```query\ntag: atomic_test\ntag: T1059\n```\n\n```query\n(tag:x\n```\n",
  "Detection Rules/a.md": "---\ntags: [t1059, detection_rule]\n---\n",
  "Detection Rules/b.md": "---\ntags: [t1059, detection_rule]\n---\n",
});

/** A command's output with its report as one string. */
function run(argv: string[]): { stdout: string; stderr: string[]; exitCode: number } {
  const name = argv[0] ?? "";
  const command = COMMANDS[name];
  if (!command) throw new Error(`no command ${name}`);
  const output = command.run(parseArgs(argv, command.flags), { progress: null });
  return { stdout: outputText(output.stdout), stderr: output.stderr, exitCode: output.exitCode };
}

describe("blocks", () => {
  test("each block's place, query on one line and the notes it lists, a blank line between", () => {
    expect(run(["blocks", VAULT])).toEqual({
      stdout: [
        "Use Cases/T1059.md:5: tag: detection_rule tag: T1059 — 2 notes",
        "  Detection Rules/a.md",
        "  Detection Rules/b.md",
        "",
        "Use Cases/T1059.md:10: tag: atomic_test tag: T1059 — no notes",
        "",
        'Use Cases/T1059.md:15: (tag:x — error: This "(" is never closed; add a ")" (at line 1, column 1)',
        "",
      ].join("\n"),
      stderr: [],
      exitCode: EXIT_OK,
    });
  });

  test("--json lists the same blocks with results or an error", () => {
    const blocks = JSON.parse(run(["blocks", VAULT, "--json"]).stdout) as Array<{ line: number; results?: string[]; error?: string }>;
    expect(blocks.map(({ line, results, error }) => ({ line, results, error }))).toEqual([
      { line: 5, results: ["Detection Rules/a.md", "Detection Rules/b.md"], error: undefined },
      { line: 10, results: [], error: undefined },
      { line: 15, results: undefined, error: 'This "(" is never closed; add a ")" (at line 1, column 1)' },
    ]);
  });
});

describe("query", () => {
  test("the paths it lists, one a line; technique: in any spelling", () => {
    expect(run(["query", VAULT, "technique:t1059 tag:detection_rule"])).toEqual({ stdout: "Detection Rules/a.md\nDetection Rules/b.md\n", stderr: [], exitCode: EXIT_OK });
  });

  test("--json: the query, its results and the warnings", () => {
    expect(JSON.parse(run(["query", VAULT, "tag:atomic_test", "--json"]).stdout)).toEqual({ query: "tag:atomic_test", results: [], warnings: [] });
  });

  test("a query with an error exits 1, saying why on stderr", () => {
    const result = run(["query", VAULT, "(tag:x"]);
    expect({ stdout: result.stdout, exitCode: result.exitCode, last: result.stderr.at(-1) }).toEqual({ stdout: "", exitCode: EXIT_QUERY_ERROR, last: expect.stringMatching(/^error: This "\(" is never closed/) });
  });

  test("no query text is a usage error with an example", () => {
    expect(() => run(["query", VAULT])).toThrow(new UsageError('`query` needs the query text: attack-vault query <vault> "tag:detection_rule tag:T1059_001"'));
  });
});

describe("every command", () => {
  test.each(Object.entries(COMMANDS))("%s names its positionals in its usage", (name, command) => {
    const start = `attack-vault ${name} ${command.positionals.join(" ")}`;
    expect(command.usage.slice(0, start.length)).toBe(start);
  });
});

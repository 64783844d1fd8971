/** What every CLI command shares: exit codes, flags and the warning lines on stderr. */
import { parseArgs } from "../../src/cli/args";
import { CONVENTION_FLAGS, EXIT_BELOW_BAR, EXIT_INTERNAL, EXIT_NO_TECHNIQUES, EXIT_OK, EXIT_QUERY_ERROR, EXIT_USAGE, EXIT_WRITE_FAILED, OUTPUT_FLAGS, queryWarnings, warningLine, warningLines, WARNINGS_SHOWN } from "../../src/cli/command";
import { openVault } from "../../src/cli/load-vault";
import { PROPERTIES_TOO_LARGE } from "../../src/core/query/evaluate";
import { vaultOf } from "../support/scratch-vault";

const FLAGS = { ...CONVENTION_FLAGS, ...OUTPUT_FLAGS };

/** A vault with `broken` rule notes whose YAML does not parse, each one warning. */
function brokenVault(broken: number): string {
  return vaultOf(Object.fromEntries([["T1059.md", "---\ntags: [T1059, techniques]\n---\n"], ...Array.from({ length: broken }, (_, n) => [`broken ${n}.md`, "---\ntags: [, detection_rule\n---\n"])]));
}

describe("exit codes", () => {
  test("are the documented numbers, each once", () => {
    expect([EXIT_OK, EXIT_QUERY_ERROR, EXIT_USAGE, EXIT_BELOW_BAR, EXIT_NO_TECHNIQUES, EXIT_INTERNAL, EXIT_WRITE_FAILED]).toEqual([0, 1, 2, 3, 4, 70, 74]);
  });
});

describe("flags every command takes", () => {
  test("the conventions take values, the output switches do not", () => {
    expect(Object.entries(FLAGS).map(([name, spec]) => [name, spec.takesValue])).toEqual([
      ["technique-tag", true],
      ["rule-tag", true],
      ["test-tag", true],
      ["profile-tag", true],
      ["config-dir", true],
      ["json", false],
      ["verbose", false],
    ]);
  });
});

describe("warning lines", () => {
  test("name the note and the problem, control characters made visible", () => {
    expect(warningLine({ path: "a\u001b[31m.md", message: "bad\nYAML" })).toBe("warning: a\\x1b[31m.md: bad\\x0aYAML");
  });

  test("a query's notes whose properties were too large become warnings", () => {
    expect(queryWarnings({ propertiesTooLarge: ["a.md"] })).toEqual([{ path: "a.md", message: PROPERTIES_TOO_LARGE }]);
  });

  const FIRST_WARNING = expect.stringMatching(/^warning: broken 0\.md: /);
  const SUMMARY = `attack-vault: 7 problems in 7 notes (the first ${WARNINGS_SHOWN} below; --verbose lists all`;
  test.each<[string, number, string[], { lines: number; first: unknown }]>([
    ["a few are all listed", WARNINGS_SHOWN, [], { lines: WARNINGS_SHOWN, first: FIRST_WARNING }],
    ["past the few, a count, the first few and how to see the rest", WARNINGS_SHOWN + 2, [], { lines: WARNINGS_SHOWN + 1, first: `${SUMMARY}):` }],
    ["with --json, the count says the JSON holds all", WARNINGS_SHOWN + 2, ["--json"], { lines: WARNINGS_SHOWN + 1, first: `${SUMMARY}; the JSON's warnings hold all):` }],
    ["--verbose lists all", WARNINGS_SHOWN + 2, ["--verbose"], { lines: WARNINGS_SHOWN + 2, first: FIRST_WARNING }],
  ])("%s", (_name, broken, flags, expected) => {
    const args = parseArgs(["blocks", brokenVault(broken), ...flags], FLAGS);
    const lines = warningLines(openVault(args), args);
    expect({ lines: lines.length, first: lines[0] }).toEqual(expected);
  });
});

/** The CLI as a process: exit codes, one-line errors, and the JSON shapes scripts rely on. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cliBundle } from "../support/build-cli";
import { EXAMPLE_VAULT, REPO_ROOT } from "../support/paths";

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cliBundle(), ...args], { encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("exit codes and messages", () => {
  test.each([
    ["no command", 2, [], /attack-vault coverage <vault>/],
    ["an unknown command", 2, ["frobnicate", EXAMPLE_VAULT], /unknown command `frobnicate`/],
    ["an unknown flag", 2, ["coverage", EXAMPLE_VAULT, "--colour"], /unknown option --colour/],
    ["a flag without its value", 2, ["coverage", EXAMPLE_VAULT, "--platform"], /--platform needs a value/],
    ["a missing vault", 2, ["coverage", "/no/such/vault"], /no vault folder at \/no\/such\/vault/],
    ["no vault at all", 2, ["coverage"], /needs a vault folder/],
    ["a query with an error", 1, ["query", EXAMPLE_VAULT, "tag:(a"], /error: /],
  ])("%s exits %i with a one-line message and no stack", (_name, code, args, message) => {
    const result = run(...args);
    expect(result.code).toBe(code);
    expect(result.stdout + result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test("--help exits 0 and lists every command", () => {
    const result = run("--help");
    expect(result.code).toBe(0);
    for (const command of ["coverage", "blocks", "query"]) expect(result.stdout).toContain(`attack-vault ${command} <vault>`);
  });

  test("--version prints package.json's version, so `npm version` moves it", () => {
    const { version } = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, "utf8")) as { version: string };
    expect(run("--version").stdout).toBe(`${version}\n`);
  });

  test.each([
    ["0", "done"],
    ["1", "the query has an error"],
    ["2", "bad usage or no such vault"],
    ["3", "coverage below --fail-under"],
  ])("--help names exit code %s: %s", (code, meaning) => {
    expect(run("--help").stdout).toContain(`${code} ${meaning}`);
  });

  test.each(["--attack", "--navigator FILE", "--score count|level", "--force", "--baseline FILE", "--fail-under PERCENT", "--format text|json|markdown"])(
    "--help shows the coverage option %s",
    (option) => {
      expect(run("--help").stdout).toContain(option);
    },
  );
});

describe("coverage --json", () => {
  const result = run("coverage", EXAMPLE_VAULT, "--json");
  const json = JSON.parse(result.stdout) as {
    techniques: Array<Record<string, unknown>>;
    tactics: Array<Record<string, unknown>>;
    warnings: Array<Record<string, unknown>>;
  };

  test("exits 0", () => {
    expect(result.code).toBe(0);
  });

  test("every technique has the documented fields and types", () => {
    expect(json.techniques.length).toBeGreaterThan(0);
    for (const technique of json.techniques) {
      expect(technique).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^T\d{4}(\.\d{3})?$/),
          name: expect.any(String),
          note: expect.stringMatching(/\.md$/),
          tactics: expect.any(Array),
          platforms: expect.any(Array),
          rules: expect.any(Array),
          tests: expect.any(Array),
          status: expect.stringMatching(/^(no-rule|tests-no-rule|rules-no-test|rules-and-tests)$/),
        }),
      );
      const rules = technique.rules as string[];
      expect([...rules].sort()).toEqual(rules);
    }
  });

  test("tactics and warnings are arrays of objects", () => {
    expect(json.tactics.map((tactic) => tactic.name)).toContain("Execution");
    expect(json.warnings.length).toBeGreaterThan(0);
    for (const warning of json.warnings) expect(warning).toEqual({ path: expect.any(String), message: expect.any(String) });
  });

  test("warnings also go to stderr, one line each, naming the file", () => {
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(json.warnings.length);
    for (const warning of json.warnings) expect(result.stderr).toContain(`warning: ${String(warning.path)}: `);
  });

  test("a platform filter narrows the list", () => {
    const filtered = JSON.parse(run("coverage", EXAMPLE_VAULT, "--json", "--platform", "macOS").stdout) as { techniques: Array<{ platforms: string[] }> };
    expect(filtered.techniques.length).toBeLessThan(json.techniques.length);
    for (const technique of filtered.techniques) expect(technique.platforms.map((p) => p.toLowerCase())).toContain("macos");
  });
});

describe("blocks --json and query --json", () => {
  test("every block names its note and line, with results or an error", () => {
    const result = run("blocks", EXAMPLE_VAULT, "--json");
    expect(result.code).toBe(0);
    const blocks = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(blocks.length).toBeGreaterThan(50);
    for (const block of blocks) {
      expect(block).toEqual(expect.objectContaining({ note: expect.any(String), line: expect.any(Number), query: expect.any(String) }));
      expect(["results", "error"].filter((key) => key in block)).toHaveLength(1);
    }
  });

  test("query prints the matching paths", () => {
    const result = run("query", EXAMPLE_VAULT, "tag:detection_rule tag:T1059_001", "--json");
    const answer = JSON.parse(result.stdout) as { query: string; results: string[] };
    expect(answer.query).toBe("tag:detection_rule tag:T1059_001");
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.filter((path) => !path.startsWith("Detection Rules/"))).toEqual([]);
  });

  test("the tag options override the conventions", () => {
    const result = run("coverage", EXAMPLE_VAULT, "--json", "--rule-tag", "no_such_tag");
    const json = JSON.parse(result.stdout) as { techniques: Array<{ rules: string[] }> };
    expect(json.techniques.flatMap((technique) => technique.rules)).toEqual([]);
  });
});

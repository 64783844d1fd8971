/**
 * The CLI never gives a false all-clear and never ignores what it was given: no technique notes
 * is an error that names the tag and the tags close to it; a platform or tactic that is none
 * lists the real ones; extra arguments, repeated options and options that would do nothing are
 * refused; the gate's numbers never contradict its verdict; every command answers --help.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { currentPlatforms, RENAMED_PLATFORMS } from "../../src/core/attack-platforms";
import { cliBundle, runCliProcess as run } from "../support/build-cli";
import { EXAMPLE_VAULT, REPO_ROOT, testWhen } from "../support/paths";
import { scratch, vaultOf } from "../support/scratch-vault";


const ALL_CLEAR = "Every technique has a detection rule.";

describe("no technique notes is an error, not a pass", () => {
  const cases: Array<[string, string[], RegExp[]]> = [
    ["an empty folder", [scratch()], [/holds no Markdown notes/]],
    ["a folder of rules only", [join(EXAMPLE_VAULT, "Detection Rules")], [/no note is tagged #techniques, the tag that marks technique notes/, /its most used are #detection_rule \(35 notes\)/]],
    [
      "a folder of unrelated notes",
      [vaultOf({ "Diary/monday.md": "---\ntags: [diary]\n---\nhi\n", "Recipes/bread.md": "#baking\n" })],
      [/no note is tagged #techniques/, /no tag the vault uses is close to it; its most used are #baking \(1 note\), #diary \(1 note\)/],
    ],
    ["a typo in --technique-tag", [EXAMPLE_VAULT, "--technique-tag", "technique"], [/no note is tagged #technique,/, /tags close to it that the vault uses: #techniques \(53 notes\)/]],
    ["technique notes without an ID", [vaultOf({ "Use Cases/Notes on phishing.md": "---\ntags: [techniques]\n---\n" })], [/1 note is tagged #techniques, but none has a technique ID/]],
  ];

  test.each(cases)("%s: exit 4, the tag looked for and the closest that exist", (_name, args, messages) => {
    const result = run(["coverage", ...args]);
    expect(result.code).toBe(4);
    for (const message of messages) expect(result.stderr).toMatch(message);
    expect(result.stdout).not.toContain(ALL_CLEAR);
  });

  test.each([
    ["--json", ["--json"]],
    ["--fail-under 0", ["--fail-under", "0"]],
    ["--format markdown", ["--format", "markdown"]],
  ])("with %s too: exit 4 and no report", (_name, flags) => {
    const result = run(["coverage", scratch(), ...flags]);
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 4, stdout: "" });
  });
});

describe("a platform or tactic that is none lists the real ones", () => {
  test.each([
    ["--platform", "Bogus", ["Windows", "Identity Provider", "Azure AD (now Identity Provider)", "Network (now Network Devices)"]],
    ["--tactic", "Bogus", ["Execution", "Command and Control", "Impact"]],
  ])("%s %s: exit 2, naming the valid names", (flag, value, names) => {
    const result = run(["coverage", EXAMPLE_VAULT, flag, value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${flag} ${value} is not a`);
    for (const name of names) expect(result.stderr).toContain(name);
  });

  test("a real platform no note has is an honest empty report, not an all-clear", () => {
    const result = run(["coverage", EXAMPLE_VAULT, "--platform", "ESXi"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("No technique note matches --platform ESXi.");
    expect(result.stdout).not.toContain(ALL_CLEAR);
  });

  test.each([
    ["--platform ESXi", ["--platform", "ESXi"], /no technique note matches --platform ESXi, so there is no coverage to measure: below --fail-under 0%/],
    ["--tactic Reconnaissance --platform Windows", ["--tactic", "Reconnaissance", "--platform", "Windows"], /no technique note matches --platform Windows --tactic Reconnaissance, so/],
  ])("--fail-under with %s, leaving no technique, fails and names only the filters given", (_name, filter, message) => {
    const result = run(["coverage", EXAMPLE_VAULT, ...filter, "--fail-under", "0"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(message);
  });
});

describe("input the CLI would ignore is refused", () => {
  const baseline = (): string => {
    const file = join(scratch(), "layer.json");
    run(["coverage", EXAMPLE_VAULT, "--navigator", file]);
    return file;
  };
  test.each([
    ["a second query", ["query", EXAMPLE_VAULT, "tag:detection_rule", "tag:T1059_001"], /`query` takes <vault> and "<query text>", but was given 3 arguments; `tag:T1059_001` is more than it takes/],
    ["a second vault", ["coverage", EXAMPLE_VAULT, EXAMPLE_VAULT], /`coverage` takes <vault>, but was given 2 arguments/],
    ["a repeated --platform", ["coverage", EXAMPLE_VAULT, "--platform", "Windows", "--platform", "Linux"], /--platform was given twice \(Windows, Linux\); give it once/],
    ["a repeated --tactic", ["coverage", EXAMPLE_VAULT, "--tactic", "Execution", "--tactic=Impact"], /--tactic was given twice \(Execution, Impact\); give it once/],
    ["--score without --navigator", ["coverage", EXAMPLE_VAULT, "--score", "level"], /--score only applies to the layer --navigator FILE writes/],
    ["--score with only a --baseline", ["coverage", EXAMPLE_VAULT, "--score", "level", "--baseline", baseline()], /--score only applies to the layer --navigator FILE writes/],
    ["--force without --navigator", ["coverage", EXAMPLE_VAULT, "--force"], /--force only applies to the layer --navigator FILE writes/],
    ["an empty tag", ["coverage", EXAMPLE_VAULT, "--rule-tag", "#"], /--rule-tag needs a tag/],
  ])("%s: exit 2 with one line", (_name, args, message) => {
    const result = run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  test.each(["--rule-tag", "--technique-tag", "--test-tag"])("%s #tag means tag, as in queries", (flag) => {
    const tag = { "--rule-tag": "detection_rule", "--technique-tag": "techniques", "--test-tag": "atomic_test" }[flag] ?? "";
    const withHash = run(["coverage", EXAMPLE_VAULT, "--json", flag, `#${tag}`]);
    expect(withHash.code).toBe(0);
    expect(withHash.stdout).toBe(run(["coverage", EXAMPLE_VAULT, "--json", flag, tag]).stdout);
  });

  test("a rule tag no note carries is named, with the tags close to it", () => {
    const result = run(["coverage", EXAMPLE_VAULT, "--rule-tag", "detection_rules"]);
    expect(result.stderr).toMatch(/no note is tagged #detection_rules, the tag that marks detection rules .*\n {2}tags close to it that the vault uses: #detection_rule \(35 notes\)/);
  });
});

describe("platform names across ATT&CK releases", () => {
  const json = (...flags: string[]) =>
    JSON.parse(run(["coverage", EXAMPLE_VAULT, "--json", ...flags]).stdout) as { techniques: Array<{ id: string; platforms: string[] }>; missingTechniques: Array<{ id: string }> };

  test("--platform 'Azure AD' and --platform 'Identity Provider' select the same techniques, notes and ATT&CK's", () => {
    const old = json("--platform", "Azure AD");
    expect(old.techniques.length).toBeGreaterThan(0);
    expect(old.missingTechniques.length).toBeGreaterThan(0);
    expect(json("--platform", "Identity Provider")).toEqual(old);
  });

  test("with --attack, 'Azure AD' lists the ATT&CK techniques on Identity Provider that have no note", () => {
    const text = run(["coverage", EXAMPLE_VAULT, "--attack", "--platform", "Azure AD"]).stdout;
    expect(text).not.toContain("Every ATT&CK v18.1 technique has a note.");
    expect(text).toMatch(/ATT&CK v18\.1 techniques with no note in the vault \(\d+\):/);
  });

  test("a layer made with an older name is filtered by the layer's ATT&CK name", () => {
    const file = join(scratch(), "layer.json");
    run(["coverage", EXAMPLE_VAULT, "--platform", "Office 365", "--navigator", file]);
    expect((JSON.parse(readFileSync(file, "utf8")) as { filters: unknown }).filters).toEqual({ platforms: ["Office Suite"] });
  });

  test.each([
    ["coverage --help", run(["coverage", "--help"]).stdout],
    ["the README", readFileSync(join(REPO_ROOT, "README.md"), "utf8")],
  ])("%s lists every platform name, today's and the older ones", (_name, text) => {
    for (const platform of currentPlatforms()) expect(text).toContain(platform);
    for (const { old, current } of RENAMED_PLATFORMS) expect(text).toContain(`${old} (${current})`);
  });
});

describe("the CI gate", () => {
  // Two of three techniques have a rule: 66.666…%, which one decimal shows as 66.7%.
  const twoOfThree = vaultOf({
    "Use Cases/T1001 - Data Obfuscation.md": "---\ntags: [T1001, techniques]\n---\n",
    "Use Cases/T1003 - OS Credential Dumping.md": "---\ntags: [T1003, techniques]\n---\n",
    "Use Cases/T1005 - Data from Local System.md": "---\ntags: [T1005, techniques]\n---\n",
    "Detection Rules/a.md": "---\ntags: [t1001, detection_rule]\n---\n",
    "Detection Rules/b.md": "---\ntags: [t1003, detection_rule]\n---\n",
  });
  const verdict = (bar: string) => {
    const result = run(["coverage", twoOfThree, "--fail-under", bar]);
    const json = JSON.parse(run(["coverage", twoOfThree, "--json", "--fail-under", bar]).stdout) as { gate: { percent: number; passed: boolean } };
    return { code: result.code, line: result.stderr.trim().split("\n").at(-1), json: { percent: json.gate.percent, passed: json.gate.passed } };
  };

  test.each([
    ["66.7 fails, and the share shows below it", "66.7", 3, "attack-vault: coverage 66.67% (2 of 3 techniques with a detection rule) is below --fail-under 66.7%; the 1 technique with no detection rule is in the report", { percent: 66.67, passed: false }],
    ["66.67 fails, and the share shows below it", "66.67", 3, "attack-vault: coverage 66.667% (2 of 3 techniques with a detection rule) is below --fail-under 66.67%; the 1 technique with no detection rule is in the report", { percent: 66.667, passed: false }],
    ["66.66 passes, and the share shows above it", "66.66", 0, "attack-vault: coverage 66.7% (2 of 3 techniques with a detection rule) meets --fail-under 66.66%", { percent: 66.7, passed: true }],
  ])("a bar of %s", (_name, bar, code, line, json) => {
    expect(verdict(bar)).toEqual({ code, line, json });
  });
});

describe("help and usage", () => {
  test.each(["coverage", "blocks", "query"])("`%s --help` prints its usage and options and exits 0", (command) => {
    for (const args of [[command, "--help"], [command, EXAMPLE_VAULT, "-h"], ["help", command]]) {
      const result = run(args);
      expect({ code: result.code, usage: result.stdout.startsWith(`attack-vault ${command} <vault>`), options: result.stdout.includes("Options:") }).toEqual({ code: 0, usage: true, options: true });
    }
  });

  test("no arguments prints the usage on stderr, nothing on stdout, and exits 2", () => {
    const result = run([]);
    expect({ code: result.code, stdout: result.stdout, usage: result.stderr.includes("attack-vault coverage <vault>") }).toEqual({ code: 2, stdout: "", usage: true });
  });

  test("--help names exit code 4", () => {
    expect(run(["--help"]).stdout).toContain("4 no technique notes found");
  });
});

describe("warnings come after the report, summarised", () => {
  const noisy = vaultOf({
    "Use Cases/T1059 - Command and Scripting Interpreter.md": "---\ntags: [T1059, techniques]\n---\n",
    ...Object.fromEntries(Array.from({ length: 8 }, (_, n) => [`Detection Rules/broken_${n}.md`, "---\ntags: [, detection_rule]\n---\n"])),
  });

  test("past five problems, stderr says how many, shows five, and points to --verbose", () => {
    const lines = run(["coverage", noisy]).stderr.trim().split("\n");
    expect(lines[0]).toBe("attack-vault: 8 problems in 8 notes (the first 5 below; --verbose lists all):");
    expect(lines.filter((line) => line.startsWith("warning: "))).toHaveLength(5);
  });

  test("--verbose lists all of them", () => {
    expect(run(["coverage", noisy, "--verbose"]).stderr.trim().split("\n").filter((line) => line.startsWith("warning: "))).toHaveLength(8);
  });

  test("the process writes the report before the warnings", () => {
    // One stream for both, as a terminal shows them.
    const both = spawnSync("sh", ["-c", `"${process.execPath}" "${cliBundle()}" coverage "${noisy}" 2>&1`], { encoding: "utf8" }).stdout;
    expect(both.indexOf("ATT&CK coverage of")).toBeLessThan(both.indexOf("problems in 8 notes"));
  });
});

describe("progress while reading", () => {
  test("off a terminal, stderr has no progress line", () => {
    expect(run(["coverage", EXAMPLE_VAULT]).stderr).not.toContain("reading notes");
  });

  // util-linux's `script` gives the CLI a terminal of its own.
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  testWhen(hasScript, "on a terminal, stderr shows notes read of notes found, and clears it", "util-linux's script(1)", () => {
    const command = `"${process.execPath}" "${cliBundle()}" coverage "${EXAMPLE_VAULT}" > /dev/null`;
    const terminal = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8" }).stdout;
    expect(terminal).toMatch(/\rattack-vault: reading notes: \d+ of \d+\x1b\[K/);
    expect(terminal).toContain("\r\x1b[K");
  });
});

describe("blocks text: each block's query and the notes it lists", () => {
  const answers = JSON.parse(run(["blocks", EXAMPLE_VAULT, "--json"]).stdout) as Array<{ note: string; line: number; query: string; results?: string[]; error?: string }>;
  const text = run(["blocks", EXAMPLE_VAULT]).stdout;
  const oneLine = (query: string): string => query.split("\n").map((line) => line.trim()).filter(Boolean).join(" ");
  const counted = (n: number): string => (n === 0 ? "no notes" : n === 1 ? "1 note" : `${n} notes`);

  test("is the JSON's blocks, in order, each with its query, its count in words, and its notes", () => {
    const expected = answers
      .map((answer) => {
        const head = `${answer.note}:${answer.line}: ${oneLine(answer.query)} — `;
        if (answer.error !== undefined) return `${head}error: ${answer.error}\n`;
        return `${head}${counted(answer.results!.length)}\n${answer.results!.map((path) => `  ${path}\n`).join("")}`;
      })
      .join("\n");
    expect(text).toBe(expected);
  });

  test("says '1 note', never '1 notes', and lists notes of blocks with one, two and none", () => {
    const sizes = new Set(answers.map((answer) => Math.min(answer.results?.length ?? -1, 2)));
    expect([...sizes].sort()).toEqual([0, 1, 2]);
    expect(text).not.toMatch(/\b1 notes\b/);
  });
});

describe("technique IDs in queries", () => {
  test("query takes technique: in any spelling", () => {
    const results = (text: string): string[] => (JSON.parse(run(["query", EXAMPLE_VAULT, text, "--json"]).stdout) as { results: string[] }).results;
    const byTechnique = results("tag:detection_rule technique:attack.t1059.001");
    expect(byTechnique.length).toBeGreaterThan(0);
    expect(byTechnique).toEqual(results("tag:detection_rule technique:T1059.001"));
  });

  test("tag:T1059.001 gives its hint on stderr, after the (empty) answer, and in the JSON", () => {
    const text = run(["query", EXAMPLE_VAULT, "tag:T1059.001"]);
    const json = JSON.parse(run(["query", EXAMPLE_VAULT, "tag:T1059.001", "--json"]).stdout) as { results: string[]; hints: string[] };
    expect({ stdout: text.stdout, code: text.code }).toEqual({ stdout: "", code: 0 });
    expect(text.stderr).toMatch(/^hint: tag:t1059\.001 matches no note: .*Write tag:T1059_001, .*or technique:T1059\.001/m);
    expect(json).toEqual(expect.objectContaining({ results: [], hints: [expect.stringContaining("technique:T1059.001")] }));
  });

  test("blocks reads ```query blocks as Obsidian does: technique: is refused, tag:T1059.001 hinted", () => {
    const vault = vaultOf({
      "Use Cases/T1059 - Command and Scripting Interpreter.md": `---\ntags: [T1059, techniques]\n---\n${fence("tag:detection_rule technique:T1059.001")}${fence("tag:detection_rule tag:T1059.001")}`,
    });
    const blocks = JSON.parse(run(["blocks", vault, "--json"]).stdout) as Array<{ error?: string; results?: string[]; hints?: string[] }>;
    expect(blocks).toEqual([
      expect.objectContaining({ error: expect.stringContaining('"technique:" is ATT&CK Vault\'s own operator') }),
      expect.objectContaining({ results: [], hints: [expect.stringContaining("in an attack-query block, technique:T1059.001")] }),
    ]);
    expect(run(["blocks", vault]).stdout).toMatch(/— no notes\n {2}hint: tag:t1059\.001 matches no note/);
  });
});

function fence(query: string): string {
  return "\n```query\n" + query + "\n```\n";
}

/** `coverage` as a process: Navigator layers, baselines, the CI gate, Markdown and the ATT&CK comparison. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { layerProblems } from "../schemas/navigator-layer";
import { cliBundle } from "../support/build-cli";
import { EXAMPLE_VAULT } from "../support/paths";

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cliBundle(), ...args], { encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = (): string => mkdtempSync(join(tmpdir(), "attack-vault-interop-"));

interface LayerFile {
  techniques: Array<{ techniqueID: string; tactic?: string; score: number; metadata: Array<{ name: string; value: string }> }>;
}

interface CoverageJson {
  techniques: Array<{ id: string; status: string }>;
  totals: { techniques: number; withRule: number };
  attack: { version: string; domain: string };
  missingTechniques: Array<{ id: string; name: string; tactics: string[] }>;
  revokedOrDeprecated: Array<{ id: string; note: string; kind: string; status: string; replacedBy: string[] | null }>;
  referencedWithoutNote: Array<{ id: string; name: string | null; rules: string[]; tests: string[] }>;
  gate?: { failUnder: number; passed: boolean };
  changes?: { baseline: string; gained: Array<{ id: string; rulesBefore: number; rulesAfter: number }>; lost: Array<{ id: string; rulesBefore: number; rulesAfter: number }> };
}

const plain = JSON.parse(run("coverage", EXAMPLE_VAULT, "--json").stdout) as CoverageJson;

describe("--navigator", () => {
  const dir = scratch();
  const file = join(dir, "layer.json");
  const first = run("coverage", EXAMPLE_VAULT, "--navigator", file);
  const written = existsSync(file) ? readFileSync(file, "utf8") : "";

  test("writes a layer valid against the 4.5 schema, exits 0 and still prints the report", () => {
    expect(first.code).toBe(0);
    expect(layerProblems(JSON.parse(written))).toEqual([]);
    expect(first.stdout).toMatch(/^ATT&CK coverage of /);
    expect(first.stderr).toContain(`wrote the Navigator layer ${file}`);
  });

  test("has an entry for every technique note", () => {
    const ids = new Set((JSON.parse(written) as LayerFile).techniques.map((entry) => entry.techniqueID));
    for (const technique of plain.techniques) expect(ids).toContain(technique.id);
  });

  test("refuses to overwrite it: exit 2, one line naming the file, the file unchanged", () => {
    const again = run("coverage", EXAMPLE_VAULT, "--navigator", file, "--score", "level");
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split("\n")).toEqual([`attack-vault: ${file} already exists; pass --force to overwrite it`]);
    expect(readFileSync(file, "utf8")).toBe(written);
  });

  test("overwrites it with --force", () => {
    const forced = run("coverage", EXAMPLE_VAULT, "--navigator", file, "--score", "level", "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(file, "utf8")).not.toBe(written);
  });

  test.each([
    ["a folder that does not exist", ["--navigator", join(dir, "no/such/folder/layer.json")], /folder does not exist/],
    ["an unknown score", ["--navigator", join(dir, "other.json"), "--score", "loudness"], /--score is count or level, not loudness/],
  ])("%s exits 2 with one line", (_name, flags, message) => {
    const result = run("coverage", EXAMPLE_VAULT, ...flags);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("--baseline", () => {
  const dir = scratch();
  const baseline = join(dir, "before.json");
  run("coverage", EXAMPLE_VAULT, "--navigator", baseline);
  // The vault as it was: T1059.001 had one rule fewer, T1018 had two rules it has since lost.
  const layer = JSON.parse(readFileSync(baseline, "utf8")) as LayerFile;
  const rulesOf = (id: string): number => Number(layer.techniques.find((entry) => entry.techniqueID === id)?.metadata.find((item) => item.name === "rules")?.value);
  const powershellRules = rulesOf("T1059.001");
  for (const entry of layer.techniques) {
    const rules = entry.metadata.find((item) => item.name === "rules");
    if (rules && entry.techniqueID === "T1059.001") rules.value = String(powershellRules - 1);
    if (rules && entry.techniqueID === "T1018") rules.value = "2";
  }
  writeFileSync(baseline, JSON.stringify(layer));

  test("--json reports the techniques that gained and lost rules", () => {
    const result = run("coverage", EXAMPLE_VAULT, "--json", "--baseline", baseline);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as CoverageJson;
    expect(json.changes).toEqual({
      baseline,
      gained: [expect.objectContaining({ id: "T1059.001", rulesBefore: powershellRules - 1, rulesAfter: powershellRules })],
      lost: [expect.objectContaining({ id: "T1018", rulesBefore: 2, rulesAfter: 0 })],
    });
  });

  test("the text report lists them", () => {
    const result = run("coverage", EXAMPLE_VAULT, "--baseline", baseline);
    expect(result.stdout).toContain(`Changes since ${baseline}:`);
    expect(result.stdout).toMatch(/T1018 +Remote System Discovery — 2 → 0 rules/);
  });

  test("an unchanged vault reports no change", () => {
    const fresh = join(dir, "now.json");
    run("coverage", EXAMPLE_VAULT, "--navigator", fresh);
    expect(run("coverage", EXAMPLE_VAULT, "--baseline", fresh).stdout).toContain(`No technique gained or lost detection rules since ${fresh}.`);
  });

  test.each([
    ["a missing file", join(dir, "absent.json"), /no baseline layer at /],
    ["a file that is not JSON", (() => (writeFileSync(join(dir, "bad.json"), "{ nope"), join(dir, "bad.json")))(), /is not valid JSON/],
    ["JSON that is not a layer", (() => (writeFileSync(join(dir, "list.json"), "[1, 2]"), join(dir, "list.json")))(), /is not an ATT&CK Navigator layer/],
  ])("%s exits 2 with one line", (_name, path, message) => {
    const result = run("coverage", EXAMPLE_VAULT, "--baseline", path);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("--fail-under", () => {
  // The share the report itself gives: techniques with a rule by the status it counts, over technique notes.
  const share = (plain.totals.withRule / plain.totals.techniques) * 100;

  test.each([
    ["a bar just below the share passes", () => (share - 0.01).toFixed(3), 0],
    ["a bar just above the share fails", () => (share + 0.01).toFixed(3), 3],
    ["0 always passes", () => "0", 0],
    ["100 fails while any technique has no rule", () => "100", 3],
  ])("%s", (_name, bar, code) => {
    expect(run("coverage", EXAMPLE_VAULT, "--fail-under", bar()).code).toBe(code);
  });

  test("below the bar, the gaps are listed once, in the report, and stderr gives the verdict", () => {
    const result = run("coverage", EXAMPLE_VAULT, "--fail-under", "100");
    const gaps = plain.techniques.filter((t) => t.status === "no-rule" || t.status === "tests-no-rule").map((t) => t.id);
    const listed = (text: string): string[] => gaps.filter((id) => new RegExp(`^  ${id.replace(".", "\\.")} `, "m").test(text));
    expect({ stdout: listed(result.stdout), stderr: listed(result.stderr) }).toEqual({ stdout: gaps, stderr: [] });
    expect(result.stderr).toMatch(new RegExp(`is below --fail-under 100%; the ${gaps.length} techniques with no detection rule are in the report\n$`));
  });

  test("with --json, stdout stays JSON and carries the verdict", () => {
    const result = run("coverage", EXAMPLE_VAULT, "--json", "--fail-under", "100");
    expect(result.code).toBe(3);
    expect((JSON.parse(result.stdout) as CoverageJson).gate).toEqual(expect.objectContaining({ failUnder: 100, passed: false }));
  });

  // Both filters leave some techniques with a rule and some without.
  test.each([
    ["a tactic filter", ["--tactic", "Defense Evasion"]],
    ["a platform filter", ["--platform", "Linux"]],
  ])("%s narrows what the gate measures", (_name, filter) => {
    const json = JSON.parse(run("coverage", EXAMPLE_VAULT, "--json", ...filter).stdout) as CoverageJson;
    const filteredShare = (json.totals.withRule / json.totals.techniques) * 100;
    const codes = [filteredShare - 0.01, filteredShare + 0.01].map((bar) => run("coverage", EXAMPLE_VAULT, ...filter, "--fail-under", bar.toFixed(3)).code);
    expect(codes).toEqual([0, 3]);
  });

  test.each(["eighty", "120", "-1"])("%s is bad usage", (bar) => {
    const result = run("coverage", EXAMPLE_VAULT, "--fail-under", bar);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--fail-under takes a percentage from 0 to 100/);
  });
});

describe("--format markdown", () => {
  const result = run("coverage", EXAMPLE_VAULT, "--format", "markdown", "--fail-under", "100");

  test.each([
    ["a heading", /^## ATT&CK coverage of example-vault$/m],
    ["the gate's verdict", /^❌ .* below the bar of 100%\.$/m],
    ["the per-tactic table", /^\| Tactic \| Techniques \| With rule \| With test \| No rule \|$/m],
    ["a table row", /^\| Execution \| \d+ \| /m],
    ["the gaps", /^### Techniques with no detection rule \(\d+\)$/m],
  ])("has %s", (_name, pattern) => {
    expect(result.stdout).toMatch(pattern);
  });

  test("exits 3 below the bar, as the other formats do", () => {
    expect(result.code).toBe(3);
  });

  test.each([
    ["--json with another --format", ["--json", "--format", "markdown"], /disagree/],
    ["an unknown --format", ["--format", "html"], /--format is text, json or markdown/],
  ])("%s is bad usage", (_name, flags, message) => {
    const bad = run("coverage", EXAMPLE_VAULT, ...flags);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(message);
  });
});

describe("the ATT&CK comparison", () => {
  test("--json always carries it, beside the original fields", () => {
    expect(Object.keys(plain)).toEqual(
      expect.arrayContaining(["techniques", "tactics", "totals", "warnings", "attack", "missingTechniques", "revokedOrDeprecated", "referencedWithoutNote"]),
    );
    expect(plain.attack).toEqual({ version: "18.1", domain: "enterprise-attack" });
    expect(plain.missingTechniques.find((technique) => technique.id === "T1059.002")).toEqual({
      id: "T1059.002",
      name: "Command and Scripting Interpreter: AppleScript",
      tactics: ["Execution"],
    });
  });

  test("no technique note is also listed as missing", () => {
    const noted = new Set(plain.techniques.map((technique) => technique.id));
    expect(plain.missingTechniques.filter((technique) => noted.has(technique.id))).toEqual([]);
  });

  test("the text report shows it only with --attack", () => {
    const heading = `ATT&CK v18.1 techniques with no note in the vault (${plain.missingTechniques.length}):`;
    expect(run("coverage", EXAMPLE_VAULT).stdout).not.toContain(heading);
    expect(run("coverage", EXAMPLE_VAULT, "--attack").stdout).toContain(heading);
  });

  describe("on a vault with retired and unknown techniques", () => {
    const vault = scratch();
    const note = (path: string, frontmatter: string) => {
      mkdirSync(join(vault, path, ".."), { recursive: true });
      writeFileSync(join(vault, path), `---\n${frontmatter}\n---\n\nbody\n`);
    };
    note("Use Cases/T1064 - Scripting.md", "tactics: Execution\nplatforms: Windows\ntags: [T1064, techniques]");
    note("Detection Rules/old_powershell.md", "title: Old PowerShell\nlevel: high\ntags: [t1086, detection_rule]");
    note("Detection Rules/future.md", "title: Future\nlevel: low\ntags: [t1999, detection_rule]");
    const json = JSON.parse(run("coverage", vault, "--json").stdout) as CoverageJson;

    test("lists the deprecated note with its replacement and the rule on a revoked technique", () => {
      expect(json.revokedOrDeprecated).toEqual([
        { id: "T1064", note: "Use Cases/T1064 - Scripting.md", kind: "technique", status: "deprecated", replacedBy: ["T1059"] },
        { id: "T1086", note: "Detection Rules/old_powershell.md", kind: "rule", status: "revoked", replacedBy: ["T1059.001"] },
      ]);
    });

    test("names referenced IDs ATT&CK knows, and null for one it does not", () => {
      expect(json.referencedWithoutNote).toEqual([
        { id: "T1086", name: "PowerShell", rules: ["Detection Rules/old_powershell.md"], tests: [] },
        { id: "T1999", name: null, rules: ["Detection Rules/future.md"], tests: [] },
      ]);
    });

    test("the --attack text says so", () => {
      const text = run("coverage", vault, "--attack").stdout;
      expect(text).toMatch(/T1064 +deprecated; ATT&CK says to use T1059 instead/);
      expect(text).toMatch(/T1999 +\(not in ATT&CK v18\.1\) — 1 rule · 0 tests/);
    });
  });
});

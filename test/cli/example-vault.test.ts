/** The project's own example vault against the ground truth written with it. */
import { readFileSync } from "node:fs";
import { openVault } from "../../src/cli/load-vault";
import { computeCoverage } from "../../src/core/coverage";
import { EXAMPLE_VAULT, REPO_ROOT } from "../support/paths";

interface GroundTruth {
  techniqueNotes: number;
  ruleNotes: number;
  testNotes: number;
  techniquesWithNoRule: string[];
  techniquesWithRulesNoTest: string[];
  techniquesWithTestNoRule: string[];
  brokenYaml: string[];
  notUtf8: string[];
  tactics: string[];
}

const truth = JSON.parse(readFileSync(`${REPO_ROOT}/test/fixtures/example-vault.expected.json`, "utf8")) as GroundTruth;
const vault = openVault({ command: "coverage", positionals: [EXAMPLE_VAULT], flags: new Map() });
const notes = [...vault.index.notes()];
const rows = computeCoverage(vault.index, { rollup: false }).rows;
const idsWith = (...statuses: string[]): string[] => rows.filter((row) => statuses.includes(row.status)).map((row) => row.id);

describe("the example vault", () => {
  test.each([
    ["technique", truth.techniqueNotes],
    ["rule", truth.ruleNotes],
    ["test", truth.testNotes],
  ])("has %s notes: %i", (kind, expected) => {
    expect(notes.filter((note) => note.kind === kind)).toHaveLength(expected);
  });

  test.each([
    ["no direct rule", ["no-rule", "tests-no-rule"], truth.techniquesWithNoRule],
    ["rules but no test", ["rules-no-test"], truth.techniquesWithRulesNoTest],
    ["tests but no rule", ["tests-no-rule"], truth.techniquesWithTestNoRule],
  ])("techniques with %s", (_name, statuses, expected) => {
    expect(idsWith(...statuses)).toEqual(expected);
  });

  test("its tactics, in matrix order", () => {
    expect(computeCoverage(vault.index, { rollup: true }).tactics.map((group) => group.tactic.name)).toEqual(truth.tactics);
  });

  test("the broken-YAML and non-UTF-8 notes are reported by name", () => {
    const reported = vault.read.warnings.map((warning) => warning.path);
    for (const path of [...truth.brokenYaml, ...truth.notUtf8]) expect(reported).toContain(path);
  });

  test("the plugin's saved settings leave the Templates folder out", () => {
    expect(vault.settings.excludedFolders).toEqual(["Templates"]);
    expect(notes.map((note) => note.path).filter((path) => path.startsWith("Templates/"))).toEqual([]);
  });
});

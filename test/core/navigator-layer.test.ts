/** Navigator layers built from a small vault: valid format 4.5, one entry per technique and tactic, scores, colours. */
import { decodeAttackTable } from "../../src/core/attack-catalogue";
import { compareWithAttack } from "../../src/core/attack-coverage";
import { computeCoverage, type CoverageFilter } from "../../src/core/coverage";
import { COMMENT_LIMIT, gradientTop, LAYER_COLORS, navigatorLayer, rulesComment, type LayerOptions, type LayerTechnique } from "../../src/core/navigator-layer";
import { VaultIndex } from "../../src/core/vault-index";
import { layerProblems } from "../schemas/navigator-layer";
import { record, rule, technique, test as atomicTest } from "./note-records";

const release = decodeAttackTable({
  version: "9.2",
  versionSource: "test",
  domain: "enterprise-attack",
  tactics: [
    ["TA0002", "execution", "Execution"],
    ["TA0003", "persistence", "Persistence"],
    ["TA0004", "privilege-escalation", "Privilege Escalation"],
    ["TA0007", "discovery", "Discovery"],
  ],
  platforms: ["Linux", "Windows", "macOS"],
  techniques: [
    "T1059|Command and Scripting Interpreter|1|7",
    ".001|PowerShell|1|2",
    ".004|Unix Shell|1|5",
    "T1082|System Information Discovery|8|7",
    "T1083|File and Directory Discovery|8|7",
    "T1087|Account Discovery|8|7",
    "T1547|Boot or Logon Autostart Execution|6|2",
    ".001|Registry Run Keys|6|2",
  ],
});

function vault(): VaultIndex {
  const index = new VaultIndex();
  [
    technique("T1059", "Command and Scripting Interpreter", { platforms: "Windows, Linux, macOS" }),
    technique("T1059.001", "PowerShell"),
    technique("T1547", "Boot or Logon Autostart Execution", { tactics: "Persistence, Privilege Escalation" }),
    technique("T1547.001", "Registry Run Keys", { tactics: "Persistence, Privilege Escalation" }),
    technique("T1082", "System Information Discovery", { tactics: "Discovery" }),
    technique("T1087", "Account Discovery", { tactics: "Made-up Tactic" }),
    rule("ps_encoded", ["t1059_001"], { title: "PowerShell Encoded Command", level: "high" }),
    rule("ps_download", ["t1059_001"], { title: "PowerShell Download", level: "low" }),
    rule("ps_odd", ["t1059_001"], { title: "Odd PowerShell", level: "whatever" }),
    rule("run_key", ["t1547_001"], { title: "Run Key Set", level: "critical" }),
    rule("dir_listing", ["t1083"], { title: "Directory Listing", level: "medium" }),
    atomicTest("T1082 - System Information Discovery", ["T1082"]),
    record("Detection Rules/untitled.md", { tags: ["t1547_001", "detection_rule"], level: "informational" }),
  ].forEach((note) => index.upsert(note));
  return index;
}

type LayerCase = Partial<LayerOptions> & { filter?: CoverageFilter; rollup?: boolean };

function layerFor({ rollup = true, filter = {}, ...options }: LayerCase = {}) {
  const index = vault();
  const report = computeCoverage(index, { rollup, filter });
  const missing = compareWithAttack(index, report, release, filter).missingTechniques;
  return navigatorLayer(report, index, { name: "test layer", description: "a test", scoring: "count", release, missing, ...options });
}

function entries(layer: ReturnType<typeof layerFor>, id: string): LayerTechnique[] {
  return layer.techniques.filter((entry) => entry.techniqueID === id);
}

describe("format 4.5", () => {
  test.each<[string, LayerCase]>([
    ["scored by count", {}],
    ["scored by level", { scoring: "level" }],
    ["filtered by platform", { filter: { platform: "macos" }, platform: "macos" }],
    ["without rollup", { rollup: false }],
    ["without missing techniques", { missing: undefined }],
  ])("a layer %s is valid against the schema", (_name, options) => {
    expect(layerProblems(layerFor(options))).toEqual([]);
  });

  test("names the layer format, the ATT&CK major version and the domain", () => {
    const layer = layerFor();
    expect(layer.versions).toEqual(expect.objectContaining({ layer: "4.5", attack: "9" }));
    expect(layer.domain).toBe("enterprise-attack");
  });
});

describe("entries", () => {
  const layer = layerFor();

  test.each([
    ["T1547", ["persistence", "privilege-escalation"]],
    ["T1082", ["discovery"]],
    // The vault's tactic is not ATT&CK's: ATT&CK's own tactics are used.
    ["T1087", ["discovery"]],
  ])("%s has one entry per tactic: %j", (id, tactics) => {
    expect(entries(layer, id).map((entry) => entry.tactic)).toEqual(tactics);
  });

  test.each([
    ["T1059.001", "count", 3],
    ["T1059.001", "level", 8 + 2 + 1],
    ["T1547.001", "level", 12 + 1],
    // Rolled up: the parent counts its sub-techniques' rules.
    ["T1059", "count", 3],
    ["T1082", "count", 0],
  ] as const)("%s scored by %s is %i", (id, scoring, score) => {
    expect(entries(layerFor({ scoring }), id)[0]?.score).toBe(score);
  });

  test("without rollup a parent scores only its own rules", () => {
    expect(entries(layerFor({ rollup: false }), "T1059")[0]?.score).toBe(0);
  });

  test.each([
    ["T1059.001", undefined],
    ["T1082", LAYER_COLORS.testsNoRule],
    ["T1087", LAYER_COLORS.noRule],
    ["T1059.004", LAYER_COLORS.noNote],
    // No note, but a rule names it: scored like any covered technique.
    ["T1083", undefined],
  ])("%s is coloured %s", (id, color) => {
    expect(entries(layer, id)[0]?.color).toBe(color);
  });

  test("the comment lists rule titles, and the file name for a rule without one", () => {
    expect(entries(layer, "T1547.001")[0]?.comment).toBe("Run Key Set; untitled");
  });

  test("metadata carries rule and test counts, status and note", () => {
    expect(entries(layer, "T1082")[0]?.metadata).toEqual([
      { name: "rules", value: "0" },
      { name: "tests", value: "1" },
      { name: "status", value: "tests-no-rule" },
      { name: "note", value: "Use Cases/T1082 - System Information Discovery.md" },
    ]);
  });

  test.each([
    ["T1059", true],
    ["T1547", true],
    ["T1059.001", undefined],
    ["T1082", undefined],
  ])("%s showSubtechniques: %s", (id, shown) => {
    expect(entries(layer, id)[0]?.showSubtechniques).toBe(shown);
  });
});

describe("the layer around the entries", () => {
  test.each([
    ["macos", ["macOS"]],
    ["Windows", ["Windows"]],
  ])("a platform filter %s is written as ATT&CK spells it", (platform, platforms) => {
    expect(layerFor({ platform, filter: { platform } }).filters).toEqual({ platforms });
  });

  test("no platform filter, no filters", () => {
    expect(layerFor().filters).toBeUndefined();
  });

  test.each([
    ["count", 3],
    ["level", 13],
  ] as const)("scored by %s, the gradient runs from 1 to %i", (scoring, maxValue) => {
    expect(layerFor({ scoring }).gradient).toEqual(expect.objectContaining({ minValue: 1, maxValue }));
  });

  test.each<[string, number[], number]>([
    ["the 90th percentile of covered scores", [1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9],
    ["not an outlier's score", [...Array.from({ length: 10 }, () => 3), 300], 3],
    ["uncovered entries left out", [0, 0, 0, 0, 0, 0, 0, 0, 0, 5], 5],
    ["at least 2, above minValue", [1, 1], 2],
    ["at least 2 with nothing covered", [0, 0], 2],
  ])("the gradient's top is %s", (_name, scores, top) => {
    expect(gradientTop(scores)).toBe(top);
  });

  test("the legend names every gap colour", () => {
    const colors = layerFor().legendItems.map((item) => item.color);
    expect(colors).toEqual(expect.arrayContaining([LAYER_COLORS.noRule, LAYER_COLORS.testsNoRule, LAYER_COLORS.noNote]));
  });
});

describe("a comment that would run long", () => {
  const titles = (count: number, length = 30): string[] => Array.from({ length: count }, (_, n) => `Rule ${String(n).padStart(4, "0")} `.padEnd(length, "x"));
  const listedIn = (comment: string, all: readonly string[]): number => all.filter((title) => comment.includes(title)).length;

  test.each([
    ["a few rules: all of them", titles(3), 3, ""],
    ["exactly at the cap: all of them", titles(1, COMMENT_LIMIT), 1, ""],
    ["300 rules: as many as fit, then how many more", titles(300), 30, "; and 270 more rules"],
    ["one more than fits: counted, not cut", titles(33), 30, "; and 3 more rules"],
  ])("%s", (_name, all, listed, ending) => {
    const comment = rulesComment(all);
    expect({ withinCap: comment.length <= COMMENT_LIMIT, listed: listedIn(comment, all), ending: ending ? comment.endsWith(ending) : comment === all.join("; ") }).toEqual({ withinCap: true, listed, ending: true });
  });

  test("a first title longer than the cap is cut, and the rest counted", () => {
    const comment = rulesComment([`${"y".repeat(2000)}`, "Short"]);
    expect({ length: comment.length <= COMMENT_LIMIT, ending: comment.endsWith("…; and 1 more rule") }).toEqual({ length: true, ending: true });
  });

  test("a layer's entry for a technique with hundreds of rules stays within the cap", () => {
    const index = new VaultIndex();
    index.upsert(technique("T1082", "System Information Discovery", { tactics: "Discovery" }));
    for (let n = 0; n < 400; n++) index.upsert(rule(`discovery_rule_${n}`, ["t1082"], { title: `System information discovery with tool number ${n}` }));
    const report = computeCoverage(index, { rollup: true });
    const layer = navigatorLayer(report, index, { name: "n", description: "d", scoring: "count", release });
    const comment = layer.techniques.find((entry) => entry.techniqueID === "T1082")?.comment ?? "";
    expect({ withinCap: comment.length <= COMMENT_LIMIT, ending: /; and \d+ more rules$/.test(comment), valid: layerProblems(layer) }).toEqual({ withinCap: true, ending: true, valid: [] });
  });
});

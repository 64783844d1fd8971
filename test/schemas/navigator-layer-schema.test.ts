/** The project's layer 4.5 schema accepts what the specification allows and refuses what it does not. */
import { layerProblems } from "./navigator-layer";

const minimal = { name: "minimal", domain: "enterprise-attack", versions: { navigator: "5.2.0", layer: "4.5" } };

const full = {
  name: "every field",
  versions: { attack: "18", navigator: "4.9.1", layer: "4.5" },
  domain: "ics-attack",
  description: "all of them",
  customDataURL: "https://example.org/bundle.json",
  filters: { platforms: ["Windows", "Field Controller/RTU/PLC/IED"] },
  sorting: 3,
  layout: { layout: "mini", showID: true, showName: false, showAggregateScores: true, countUnscored: true, aggregateFunction: "sum", expandedSubtechniques: "all" },
  hideDisabled: true,
  techniques: [
    { techniqueID: "T0800", tactic: "inhibit-response-function", score: 2.5, color: "#abc", comment: "c", enabled: false, showSubtechniques: false },
    { techniqueID: "T1110.003", color: "", metadata: [{ name: "a", value: "b" }, { divider: true }], links: [{ label: "l", url: "https://example.org" }, { divider: true }] },
  ],
  gradient: { colors: ["#ffffff", "#00FF00", "#000"], minValue: -1, maxValue: 0 },
  legendItems: [{ label: "gap", color: "#ff0000" }],
  showTacticRowBackground: true,
  tacticRowBackground: "#dddddd",
  selectTechniquesAcrossTactics: false,
  selectSubtechniquesWithParent: false,
  selectVisibleTechniques: true,
  metadata: [{ name: "owner", value: "blue team" }, { divider: true }],
  links: [{ label: "home", url: "http://example.org" }],
};

describe("accepted", () => {
  test.each([
    ["the minimal layer", minimal],
    ["a layer with every field", full],
    ["a list of layers", [minimal, full]],
    ["a layer without versions", { name: "old", domain: "mobile-attack" }],
  ])("%s", (_name, file) => {
    expect(layerProblems(file)).toEqual([]);
  });
});

describe("refused", () => {
  test.each<[string, unknown]>([
    ["no name", { domain: "enterprise-attack" }],
    ["no domain", { name: "x" }],
    ["an unknown domain", { ...minimal, domain: "pre-attack" }],
    ["layer format 4.4", { ...minimal, versions: { navigator: "5.2.0", layer: "4.4" } }],
    ["a Navigator older than 4.9.0", { ...minimal, versions: { navigator: "4.8.2", layer: "4.5" } }],
    ["versions without navigator", { ...minimal, versions: { layer: "4.5" } }],
    ["a misspelt top-level field", { ...minimal, legenditems: [] }],
    ["a technique without techniqueID", { ...minimal, techniques: [{ score: 1 }] }],
    ["a malformed technique ID", { ...minimal, techniques: [{ techniqueID: "T59.1" }] }],
    ["a tactic that is a name, not a shortname", { ...minimal, techniques: [{ techniqueID: "T1059", tactic: "Defense Evasion" }] }],
    ["a score that is text", { ...minimal, techniques: [{ techniqueID: "T1059", score: "3" }] }],
    ["a colour that is a word", { ...minimal, techniques: [{ techniqueID: "T1059", color: "red" }] }],
    ["metadata with a number value", { ...minimal, techniques: [{ techniqueID: "T1059", metadata: [{ name: "rules", value: 3 }] }] }],
    ["a link without a protocol", { ...minimal, links: [{ label: "x", url: "example.org" }] }],
    ["a gradient of one colour", { ...minimal, gradient: { colors: ["#ffffff"], minValue: 0, maxValue: 1 } }],
    ["a gradient whose maxValue is not above minValue", { ...minimal, gradient: { colors: ["#ffffff", "#000000"], minValue: 5, maxValue: 5 } }],
    ["an unknown sorting", { ...minimal, sorting: 4 }],
    ["an unknown aggregate function", { ...minimal, layout: { aggregateFunction: "median" } }],
    ["a legend item without a colour", { ...minimal, legendItems: [{ label: "x" }] }],
    ["an empty list of layers", []],
  ])("%s", (_name, file) => {
    expect(layerProblems(file)).not.toEqual([]);
  });
});

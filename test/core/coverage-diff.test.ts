/** Rule counts read back from Navigator layers, and the techniques that gained or lost rules. */
import { coverageChanges, LayerFormatError, ruleCountsFromLayer } from "../../src/core/coverage-diff";

const entry = (techniqueID: string, fields: Record<string, unknown> = {}) => ({ techniqueID, ...fields });
const rules = (count: string) => ({ metadata: [{ name: "tests", value: "9" }, { divider: true }, { name: "rules", value: count }] });
const layer = (...techniques: unknown[]) => ({ name: "l", domain: "enterprise-attack", versions: { layer: "4.5", navigator: "5.2.0" }, techniques });

describe("ruleCountsFromLayer", () => {
  test.each<[string, unknown, Array<[string, number]>]>([
    ["the rules metadata, over the score", layer(entry("T1059", { score: 40, ...rules("3") })), [["T1059", 3]]],
    ["the score of another tool's layer", layer(entry("T1059", { score: 2 })), [["T1059", 2]]],
    ["0 for an unscored entry", layer(entry("T1059")), [["T1059", 0]]],
    ["the highest count of a technique listed under several tactics", layer(entry("T1547", { tactic: "persistence", ...rules("1") }), entry("T1547", { tactic: "privilege-escalation", ...rules("4") })), [["T1547", 4]]],
    ["IDs in upper case", layer(entry("t1059.001", rules("2"))), [["T1059.001", 2]]],
    ["the first layer of a list", [layer(entry("T1001", rules("1"))), layer(entry("T1002", rules("1")))], [["T1001", 1]]],
    ["nothing from entries without an ID", layer({ score: 3 }, "T1059"), []],
  ])("takes %s", (_name, file, expected) => {
    expect([...ruleCountsFromLayer(file)]).toEqual(expected);
  });

  test.each<[string, unknown]>([
    ["a list of numbers", [1, 2]],
    ["an object without techniques", { name: "x" }],
    ["null", null],
  ])("refuses %s", (_name, file) => {
    expect(() => ruleCountsFromLayer(file)).toThrow(LayerFormatError);
  });
});

describe("coverageChanges", () => {
  const before = new Map([
    ["T1001", 2],
    ["T1002", 0],
    ["T1003", 5],
    ["T1004", 1],
  ]);
  const after = new Map([
    ["T1001", 2],
    ["T1002", 3],
    ["T1003", 1],
    ["T1005", 1],
  ]);
  const changes = coverageChanges(before, after, (id) => (id === "T1002" ? "Two" : null));

  test("gained: more rules, or a technique new to the layer, in ID order", () => {
    expect(changes.gained).toEqual([
      { id: "T1002", name: "Two", rulesBefore: 0, rulesAfter: 3 },
      { id: "T1005", name: null, rulesBefore: 0, rulesAfter: 1 },
    ]);
  });

  test("lost: fewer rules, or a technique gone from the layer", () => {
    expect(changes.lost).toEqual([
      { id: "T1003", name: null, rulesBefore: 5, rulesAfter: 1 },
      { id: "T1004", name: null, rulesBefore: 1, rulesAfter: 0 },
    ]);
  });

  test("the same layer twice changes nothing", () => {
    expect(coverageChanges(before, before, () => null)).toEqual({ gained: [], lost: [] });
  });
});

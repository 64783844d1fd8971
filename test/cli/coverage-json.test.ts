/** The JSON of `attack-vault coverage --json`: the original fields, and the gate's and the extras' alongside. */
import { coverageJson, gateJson } from "../../src/cli/coverage-json";
import { computeCoverage } from "../../src/core/coverage";
import { coverageData } from "../../src/core/coverage-export";
import { coverageGate } from "../../src/core/coverage-gate";
import { smallVault } from "../core/small-attack";

const report = computeCoverage(smallVault(), { rollup: true });
const warnings = [{ path: "a.md", message: "invalid YAML" }];

describe("coverageJson", () => {
  test("the coverage data and the warnings, nothing more without extras", () => {
    expect(coverageJson(report, warnings)).toEqual({ ...coverageData(report), warnings });
  });

  test("extras sit beside the original fields, which keep their values", () => {
    const json = coverageJson(report, warnings, { gate: gateJson(coverageGate(report, 50)) });
    expect(Object.keys(json)).toEqual(["rollup", "techniques", "tactics", "totals", "warnings", "gate"]);
    expect(json.totals).toEqual(report.filtered);
  });
});

describe("gateJson", () => {
  test.each([
    ["met", 50, { failUnder: 50, percent: 66.7, passed: true, techniques: 3, withRule: 2 }],
    ["missed by a hair: the share shows below the bar", 66.67, { failUnder: 66.67, percent: 66.667, passed: false, techniques: 3, withRule: 2 }],
  ])("%s", (_name, bar, json) => {
    expect(gateJson(coverageGate(report, bar))).toEqual(json);
  });
});

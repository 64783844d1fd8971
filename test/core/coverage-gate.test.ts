/** The CI gate's bar and verdict. */
import { computeCoverage, type CoverageFilter } from "../../src/core/coverage";
import { coverageGate, parsePercent, shownPercent, type CoverageGate } from "../../src/core/coverage-gate";
import { VaultIndex } from "../../src/core/vault-index";
import { rule, technique } from "./note-records";

describe("parsePercent", () => {
  test.each<[string, number | null]>([
    ["80", 80],
    ["80%", 80],
    [" 72.5 ", 72.5],
    ["0", 0],
    ["100", 100],
    ["100.1", null],
    ["-5", null],
    ["eighty", null],
    ["", null],
    ["0.5.1", null],
    ["12.123456", 12.123456],
    ["12.1234567", null],
  ])("%j is %j", (text, value) => {
    expect(parsePercent(text)).toBe(value);
  });
});

/** Three Windows techniques, two with a rule; one Linux technique without. */
function report(filter: CoverageFilter = {}) {
  const index = new VaultIndex();
  [
    technique("T1001", "One"),
    technique("T1002", "Two"),
    technique("T1003", "Three"),
    technique("T1004", "Four", { platforms: "Linux" }),
    rule("a", ["t1001"]),
    rule("b", ["t1002"]),
  ].forEach((note) => index.upsert(note));
  return computeCoverage(index, { rollup: true, filter });
}

describe("coverageGate", () => {
  test.each<[string, CoverageFilter, number, boolean]>([
    ["2 of 4 meets 50", {}, 50, true],
    ["2 of 4 fails 50.1", {}, 50.1, false],
    ["2 of 3 Windows techniques meets 66.66", { platform: "Windows" }, 66.66, true],
    ["2 of 3 Windows techniques fails 66.67", { platform: "Windows" }, 66.67, false],
    ["0 of 1 Linux technique fails 1", { platform: "Linux" }, 1, false],
    ["no technique at all fails a bar above 0", { platform: "Amiga" }, 10, false],
    // Nothing measured is never a pass, whatever the bar.
    ["no technique at all fails a bar of 0", { platform: "Amiga" }, 0, false],
  ])("%s", (_name, filter, bar, passed) => {
    expect(coverageGate(report(filter), bar).passed).toBe(passed);
  });

  test("lists the techniques with no rule and the share", () => {
    const gate = coverageGate(report(), 80);
    expect(gate.missing.map((row) => row.id)).toEqual(["T1003", "T1004"]);
    expect(gate).toEqual(expect.objectContaining({ percent: 50, techniques: 4, withRule: 2, failUnder: 80 }));
  });
});

describe("shownPercent: the share beside the verdict never contradicts it", () => {
  const gate = (percent: number, failUnder: number, passed: boolean): CoverageGate => ({ percent, failUnder, passed, techniques: 1, withRule: 1, missing: [] });
  test.each<[string, number, number, boolean, number]>([
    ["one decimal when it is enough", 50, 80, false, 50],
    ["rounded up to the bar, so one more decimal", (2 / 3) * 100, 66.7, false, 66.67],
    ["as many as it takes", (2 / 3) * 100, 66.667, false, 66.6667],
    ["a pass may round to the bar", (301 / 500) * 100, 60.2, true, 60.2],
    ["a pass rounded down below the bar takes another decimal", 60.249, 60.245, true, 60.25],
  ])("%s", (_name, percent, bar, passed, shown) => {
    expect(shownPercent(gate(percent, bar, passed))).toBe(shown);
  });

  test("301 of 500 meets 60.2 exactly", () => {
    const index = new VaultIndex();
    for (let n = 0; n < 500; n++) index.upsert(technique(`T${1000 + n}`, `Technique ${n}`));
    for (let n = 0; n < 301; n++) index.upsert(rule(`r${n}`, [`t${1000 + n}`]));
    expect(coverageGate(computeCoverage(index, { rollup: true }), 60.2).passed).toBe(true);
  });
});

/** The bench's verdicts: a figure is the median of per-round values, with their spread, and "noisy" when they disagree. */
import { figureOf, inTurn, pairFigure, type Pair } from "../../bench/measure";
import { isNoisy, jsonOf, judged, notMeasured, tableOf } from "../../bench/report";

const pairOf = (baselineSamples: number[], subjectSamples: number[]): Pair => ({ baselineMs: Number.NaN, subjectMs: Number.NaN, baselineSamples, subjectSamples });

describe("pairFigure", () => {
  test.each([
    ["steady rounds", [10, 10, 10], [20, 20, 20], { value: 2, spread: { min: 2, max: 2 } }],
    // One round where the subject was preempted moves the spread, not the median.
    ["one slow subject round", [10, 10, 10, 10, 10, 10, 10], [20, 20, 20, 20, 20, 20, 90], { value: 2, spread: { min: 2, max: 9 } }],
    // A machine that slows down halfway bills both sides of each round alike: the ratio holds.
    ["a machine that slows down", [10, 10, 30, 30, 30, 10, 10], [20, 20, 60, 60, 60, 20, 20], { value: 2, spread: { min: 2, max: 2 } }],
  ])("%s", (_, baseline, subject, expected) => {
    expect(pairFigure(pairOf(baseline, subject), (baselineMs, subjectMs) => subjectMs / baselineMs)).toEqual(expected);
  });
});

describe("inTurn: which side goes first alternates by round", () => {
  test.each([
    [0, ["baseline", "subject"]],
    [1, ["subject", "baseline"]],
    [6, ["baseline", "subject"]],
  ])("round %i", (round, order) => {
    const ran: string[] = [];
    inTurn(round, () => ran.push("baseline"), () => ran.push("subject"));
    expect(ran).toEqual(order);
  });
});

describe("isNoisy: a spread beyond ±25% of the median", () => {
  test.each([
    [2, 1.5, 2.5, false],
    [2, 1.49, 2, true],
    [2, 2, 2.51, true],
    [100, 99, 101, false],
  ])("median %d, spread %d–%d: %s", (value, min, max, noisy) => {
    expect(isNoisy(value, { min, max })).toBe(noisy);
  });
});

describe("judged", () => {
  const base = { target: 3, name: "read", limit: 2.5, unit: "×", bound: "at most" as const };

  test.each([
    ["passes on its median though one round was over", { value: 2, spread: { min: 1.9, max: 3.1 } }, true, true],
    ["fails on its median, marked noisy", { value: 2.6, spread: { min: 1.2, max: 2.7 } }, false, true],
    ["a quiet pass", { value: 2, spread: { min: 1.9, max: 2.1 } }, true, false],
  ])("%s", (_, figure, pass, noisy) => {
    expect(judged({ ...base, ...figure })).toMatchObject({ pass, noisy, spread: figure.spread });
  });

  test("a figure measured once has its value as its spread", () => {
    expect(judged({ ...base, value: 2 }).spread).toEqual({ min: 2, max: 2 });
  });
});

describe("jsonOf", () => {
  test("the public keys in order, spread and noisy added last; not measured reads -1, never pass", () => {
    const results = [judged({ ...figureOf([1, 2, 3]), target: 1, name: "a", limit: 5, unit: "×", bound: "at most" }), notMeasured({ target: 8, name: "b", unit: "ms", limit: 1 }, "no browser")];
    expect(JSON.parse(jsonOf(results))).toEqual([
      { target: 1, name: "a", value: 2, limit: 5, unit: "×", pass: true, spread: { min: 1, max: 3 }, noisy: true },
      { target: 8, name: "b (not measured yet)", value: -1, limit: 1, unit: "ms", pass: false, spread: { min: -1, max: -1 }, noisy: false },
    ]);
    expect(Object.keys(JSON.parse(jsonOf(results))[0] as object)).toEqual(["target", "name", "value", "limit", "unit", "pass", "spread", "noisy"]);
  });
});

describe("tableOf", () => {
  test("a noisy verdict and a figure not measured say so beside the verdict", () => {
    const table = tableOf(
      [judged({ target: 2, name: "update", value: 1.2, spread: { min: 0.5, max: 1.9 }, limit: 2, unit: "×", bound: "at most" }), notMeasured({ target: 9, name: "typing", unit: "×", limit: 1.5 }, "no browser could start")],
      [],
    );
    expect(table).toMatch(/update\s+1\.2 ×\s+0\.5–1\.9\s+≤ 2 ×\s+PASS noisy/);
    expect(table).toMatch(/typing \(not measured yet\)\s+—\s+≤ 1\.5 ×\s+not measured\s+no browser could start/);
  });
});

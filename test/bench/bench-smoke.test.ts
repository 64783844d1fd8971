/**
 * The bench's smoke mode as a process: `--json` prints only the JSON array, in the public shape.
 * Speed is never asserted here; only that every target runs and reports.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../support/paths";

let run: SpawnSyncReturns<string>;
let parsed: unknown;
let results: Array<Record<string, unknown>> = [];

// The run happens as the suite starts, not as the file is loaded: a crash is a failed test, not a crashed suite.
beforeAll(() => {
  run = spawnSync(process.execPath, [join(REPO_ROOT, "bench/run.mjs"), "--smoke", "--json"], { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 });
  try {
    parsed = JSON.parse(run.stdout);
  } catch {
    parsed = undefined;
  }
  results = Array.isArray(parsed) ? (parsed as Array<Record<string, unknown>>) : [];
}, 150_000);

const FIELD_TYPES: Array<[string, string]> = [
  ["target", "number"],
  ["name", "string"],
  ["value", "number"],
  ["limit", "number"],
  ["unit", "string"],
  ["pass", "boolean"],
  ["spread", "object"],
  ["noisy", "boolean"],
];

describe("npm run bench -- --smoke --json", () => {
  test("exits 0", () => {
    expect({ status: run.status, stderr: run.status === 0 ? "" : run.stderr }).toEqual({ status: 0, stderr: "" });
  });

  test("stdout is one JSON array and nothing else", () => {
    expect(parsed).toEqual(expect.any(Array));
  });

  test("the array is not empty", () => {
    expect(results.length).toBeGreaterThan(0);
  });

  test("every result has exactly the public keys", () => {
    for (const result of results) expect(Object.keys(result).sort()).toEqual(FIELD_TYPES.map(([key]) => key).sort());
  });

  test.each(FIELD_TYPES)("every result's %s is a %s", (key, type) => {
    for (const result of results) expect(typeof result[key]).toBe(type);
  });

  test("every spread is a min and a max around the value, or -1 for a figure not measured", () => {
    for (const result of results) {
      const { min, max } = result.spread as { min: number; max: number };
      const value = result.value as number;
      expect(Object.keys(result.spread as object).sort()).toEqual(["max", "min"]);
      if (value === -1) expect([min, max]).toEqual([-1, -1]);
      else expect([min <= value, value <= max]).toEqual([true, true]);
    }
  });

  test("every target is a whole number, not a label such as 1a", () => {
    expect(results.filter((result) => !Number.isInteger(result.target))).toEqual([]);
  });

  test("no two results share a name", () => {
    expect(new Set(results.map((result) => result.name)).size).toBe(results.length);
  });

  // A figure "not measured" (no browser here, say) still counts as reported.
  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])("target %i is reported", (target) => {
    expect(results.map((result) => result.target)).toContain(target);
  });
});

describe("the browser targets where no browser can start", () => {
  const env = { ...process.env, ATTACK_VAULT_CHROMIUM: join(REPO_ROOT, "no-such-chromium") };
  const noBrowser = spawnSync(process.execPath, [join(REPO_ROOT, "bench/run.mjs"), "--smoke", "--json", "--only", "8,9"], { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000, env });
  const reported = (JSON.parse(noBrowser.stdout || "[]") as Array<{ target: number; value: number; pass: boolean }>).map(({ target, value, pass }) => ({ target, value, pass }));

  test("say 'not measured' (value -1) and fail, each of targets 8 and 9", () => {
    expect(reported).toEqual([
      { target: 8, value: -1, pass: false },
      { target: 8, value: -1, pass: false },
      { target: 9, value: -1, pass: false },
    ]);
  });
});

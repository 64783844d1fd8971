/**
 * What a fresh clone needs to run honestly: no path of one machine in any tracked file, CI that
 * runs only the README's two commands, and suites that say, one line each, what they skipped.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../support/paths";
// A plain CommonJS module: jest loads reporters without transforming them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { skippedLines } = require("../support/skip-reporter.js") as { skippedLines: (results: unknown) => string[] };

const trackedFiles = execFileSync("git", ["ls-files", "-z"], { cwd: REPO_ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
const textOf = (path: string): string | null => {
  const bytes = readFileSync(join(REPO_ROOT, path));
  return bytes.includes(0) ? null : bytes.toString("utf8");
};

// An absolute path into a home or work folder; written so that this file does not match itself.
const MACHINE_PATH = new RegExp(String.raw`(^|[^\w.~-])/(?:work|home|Users|root|mnt)/\w`, "m");

describe("a fresh clone", () => {
  test("no tracked file names a path of one machine", () => {
    const withPaths = trackedFiles.filter((path) => MACHINE_PATH.test(textOf(path) ?? ""));
    expect(withPaths).toEqual([]);
  });

  test("CI runs exactly npm ci and npm test", () => {
    const commands = readFileSync(join(REPO_ROOT, ".ci/run"), "utf8")
      .split("\n")
      .filter((line) => /^\s*[a-z]/.test(line) && !/^\s*(set|cd) /.test(line));
    expect(commands).toEqual(["npm ci --no-audit --no-fund", "npm test"]);
  });

  test("tests skip only through test/support/paths.ts, which names what they need", () => {
    const skipping = trackedFiles.filter((path) => /^test\/.*\.ts$/.test(path) && path !== "test/support/paths.ts" && /\b(describe|test|it)\.skip\b/.test(textOf(path) ?? ""));
    expect(skipping).toEqual([]);
  });
});

describe("the skip reporter", () => {
  const results = {
    testResults: [
      {
        testFilePath: join(process.cwd(), "test/real-vault/real-vault.test.ts"),
        testResults: [
          { status: "pending", title: "skipped: the real vault: needs ../shared, absent on this machine" },
          { status: "passed", title: "skipped: a passing test is not listed" },
        ],
      },
      { testFilePath: join(process.cwd(), "test/core/tags.test.ts"), testResults: [{ status: "pending", title: "a skip without a reason is not ours to explain" }] },
    ],
  };

  test("prints one line per skipped suite, with its reason and file", () => {
    expect(skippedLines(results)).toEqual(["skipped: the real vault: needs ../shared, absent on this machine (test/real-vault/real-vault.test.ts)"]);
  });
});

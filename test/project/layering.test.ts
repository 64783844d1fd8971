/** The lint config keeps src/core pure: importing `obsidian` or a Node built-in there is an error. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../support/paths";

const ESLINT = join(REPO_ROOT, "node_modules/eslint/bin/eslint.js");
const PROBE = 'import { readFileSync } from "node:fs";\nimport { join } from "path";\nimport { Notice } from "obsidian";\nexport const used = [readFileSync, join, Notice];\n';

/** ESLint as the project runs it (its flat config loads through dynamic import, which jest's VM lacks). */
function restrictedImports(asFile: string): string[] {
  const run = spawnSync(process.execPath, [ESLINT, "--stdin", "--stdin-filename", asFile, "--format", "json"], { cwd: REPO_ROOT, input: PROBE, encoding: "utf8" });
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

describe("layering", () => {
  test("src/core may import neither obsidian nor Node built-ins", () => {
    expect(restrictedImports("src/core/technique-id.ts")).toEqual([
      expect.stringMatching(/'node:fs'.*no Node built-ins/),
      expect.stringMatching(/'path'.*no Node built-ins/),
      expect.stringMatching(/'obsidian'.*src\/core is pure logic/),
    ]);
  });

  test("src/obsidian may import obsidian", () => {
    expect(restrictedImports("src/obsidian/note-record.ts")).toEqual([]);
  });
});

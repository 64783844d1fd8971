/**
 * The lint config keeps the layers STYLE.md draws: core ← obsidian, cli ← ui (and the settings tab)
 * ← main. src/core is pure (no `obsidian`, no Node built-ins); no layer imports one above it or
 * beside it. Each import below is linted as if it stood in a real file of that layer.
 */
import { spawnSync } from "node:child_process";
import { REPO_ROOT } from "../support/paths";

type Probe = [file: string, importFrom: string, expected: RegExp | null];

const PROBES: Probe[] = [
  ["src/core/technique-id.ts", "obsidian", /src\/core is pure logic: adapt the app in src\/obsidian/],
  ["src/core/technique-id.ts", "node:fs", /no Node built-ins/],
  ["src/core/technique-id.ts", "path", /no Node built-ins/],
  ["src/core/technique-id.ts", "../obsidian/index-service", /src\/core is pure logic: it may not import/],
  ["src/core/query/parse.ts", "../../ui/note-list", /src\/core is pure logic: it may not import/],
  ["src/core/technique-id.ts", "../cli/printable", /src\/core is pure logic: it may not import/],
  ["src/obsidian/layer-export.ts", "../ui/overwrite-modal", /src\/obsidian adapts the app to the core: it may not import/],
  ["src/obsidian/note-record.ts", "../cli/printable", /src\/obsidian adapts the app/],
  ["src/obsidian/note-record.ts", "../settings", /src\/obsidian adapts the app/],
  ["src/obsidian/note-record.ts", "../main", /src\/obsidian adapts the app/],
  ["src/cli/printable.ts", "obsidian", /src\/cli runs without Obsidian/],
  ["src/cli/printable.ts", "../obsidian/note-record", /src\/cli is the headless front over the core: it may not import/],
  ["src/ui/note-list.ts", "../cli/printable", /src\/ui draws from the core and the app's side: it may not import/],
  ["src/ui/note-list.ts", "../main", /src\/ui draws from the core/],
  ["src/settings.ts", "./cli/printable", /src\/ui draws from the core/],
  ["src/main.ts", "./cli/main", /src\/main.ts wires the plugin: it may not import/],
  // Downward imports are what the layers are for.
  ["src/obsidian/note-record.ts", "obsidian", null],
  ["src/obsidian/note-record.ts", "../core/settings-data", null],
  ["src/ui/note-list.ts", "../obsidian/internal-links", null],
  ["src/ui/note-list.ts", "../core/order", null],
  ["src/main.ts", "./ui/coverage-view", null],
  ["src/cli/printable.ts", "node:fs", null],
];

/** ESLint as the project runs it, in one child process (its flat config loads through dynamic import, which jest's VM lacks). */
function restrictedImports(probes: readonly Probe[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const probes = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const found = [];
      for (const [file, from] of probes) {
        const [result] = await eslint.lintText("import * as probe from " + JSON.stringify(from) + ";\\nexport const used = [probe];\\n", { filePath: file });
        found.push(result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(found));
    })().catch((error) => { process.stderr.write(String(error && error.stack)); process.exit(1); });`;
  const run = spawnSync(process.execPath, ["-e", script, JSON.stringify(probes)], { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

describe("layering", () => {
  let found: string[][] = [];
  beforeAll(() => {
    found = restrictedImports(PROBES);
  }, 180_000);

  test.each(PROBES.map((probe, i) => [probe[0], probe[1], probe[2] ? "fails" : "passes", i] as const))("in %s, an import from %s %s lint", (_file, _from, _verdict, i) => {
    const expected = PROBES[i]?.[2];
    expect(found[i]).toEqual(expected ? [expect.stringMatching(expected)] : []);
  });
});

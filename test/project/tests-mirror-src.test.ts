/**
 * Tests mirror src: the test of `src/x/y.ts` is `test/x/y.test.ts`, so a reader finds it without
 * searching and a file without one stands out. Checked for the layers whose files are units
 * (src/obsidian, src/ui, src/cli); cross-cutting suites keep folders of their own (hostile, e2e,
 * real-vault, plugin).
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../support/paths";

const MIRRORED_LAYERS = ["obsidian", "ui", "cli"];

/** `src/x/y.ts` → `test/x/y.test.ts`. */
function mirroredTestPath(sourcePath: string): string {
  return sourcePath.replace(/^src\//, "test/").replace(/\.ts$/, ".test.ts");
}

const sourceFiles = MIRRORED_LAYERS.flatMap((layer) =>
  readdirSync(join(REPO_ROOT, "src", layer))
    .filter((name) => name.endsWith(".ts"))
    .map((name) => `src/${layer}/${name}`),
);

describe("tests mirror src", () => {
  test.each([
    ["src/ui/note-list.ts", "test/ui/note-list.test.ts"],
    ["src/cli/main.ts", "test/cli/main.test.ts"],
  ])("the test of %s is %s", (source, test) => {
    expect(mirroredTestPath(source)).toBe(test);
  });

  test("every layer is there to check", () => {
    expect([...new Set(sourceFiles.map((path) => path.split("/")[1]))]).toEqual(MIRRORED_LAYERS);
  });

  test("every file of src/obsidian, src/ui and src/cli has a test named for it", () => {
    const withoutTest = sourceFiles.filter((path) => !existsSync(join(REPO_ROOT, mirroredTestPath(path))));
    expect(withoutTest).toEqual([]);
  });
});

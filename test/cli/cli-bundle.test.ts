/**
 * What dist/cli.js is made of, built with `npm run build`'s options: Node parses the whole bundle
 * at every run, so it stays minified and holds one YAML parser (issue 16, target 11).
 */
import { readFileSync } from "node:fs";
import { cliBundle, cliBundleMetafile } from "../support/build-cli";

/** The folder of the package each bundled file comes from, nested copies included (`a/node_modules/b`). */
function packageOf(input: string): string | null {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+(?:\/node_modules\/(?:@[^/]+\/)?[^/]+)*)\//.exec(input);
  return match ? (match[1] ?? null) : null;
}

const metafile = cliBundleMetafile();
const bundled = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs).filter((input) => (output.inputs[input]?.bytesInOutput ?? 0) > 0));
const packages = new Set(bundled.map(packageOf).filter((name): name is string => name !== null));
const yamlParsers = [...packages].filter((name) => /(^|\/)(js-yaml|yaml)$/.test(name));
const text = readFileSync(cliBundle(), "utf8");

describe("the CLI bundle", () => {
  test("bundles exactly one YAML parser, the project's js-yaml", () => {
    expect(yamlParsers).toEqual(["js-yaml"]);
  });

  test("bundles no package's private copy of another package", () => {
    expect([...packages].filter((name) => name.includes("/node_modules/"))).toEqual([]);
  });

  test("is minified: long lines, not one statement per line", () => {
    const lines = text.split("\n").length;
    // Unminified it is about 40 bytes a line; minified, a few hundred lines hold it all.
    expect(text.length / lines).toBeGreaterThan(500);
  });

  test("still starts with its shebang, so it runs as `attack-vault`", () => {
    expect(text.startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});

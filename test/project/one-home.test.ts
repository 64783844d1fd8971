/**
 * One meaning, one home: each wording, number format and order that several surfaces show is
 * written in one file of src, which the CLI, the panel, the blocks and the API all read.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO_ROOT } from "../support/paths";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

// Comments say what a thing means in words; only code counts.
const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
const sources = sourceFiles(join(REPO_ROOT, "src")).map((path) => ({ file: relative(REPO_ROOT, path).split("\\").join("/"), text: withoutComments(readFileSync(path, "utf8")) }));

test.each<[string, string, RegExp]>([
  ["a share in percent, and its rounding", "src/core/wording.ts", /\(\w+ \/ \w+\) \* 100|Math\.round\([^)]*\* 10 \*\*/],
  ["what the counted techniques have", "src/core/coverage-words.ts", /with a detection rule|with a test"|with no detection rule/],
  ["the tactics, or none", "src/core/coverage-words.ts", /no tactic/],
  ["a technique's rule and test counts", "src/core/coverage-words.ts", /plural\([^)]*"test"\)/],
  ["the release a technique is not in", "src/core/coverage-words.ts", /\(not in /],
  ["what replaced a retired technique", "src/core/coverage-words.ts", /says to use/],
  ["the per-tactic table's columns", "src/core/coverage-words.ts", /"With rule"/],
  ["Sigma's levels, their order and weights", "src/core/sigma-level.ts", /"informational"|informational 1/],
  ["titles as a person reads them", "src/core/order.ts", /localeCompare|Intl\.Collator/],
  ["paths and IDs by code unit", "src/core/order.ts", /< b \? -1/],
  ["a parsed value that is a mapping", "src/core/plain-object.ts", /=== "object" && [^;]*!Array\.isArray/],
  ["the pending state", "src/core/wording.ts", /Indexing the vault/],
])("%s is written only in %s", (_meaning, home, pattern) => {
  expect(sources.filter(({ text }) => pattern.test(text)).map(({ file }) => file)).toEqual([home]);
});

/**
 * The reader reads each file into one reused buffer and gives larger files their own: every
 * size around that buffer's must come through whole, and no note may see another's bytes.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readVault } from "../../src/cli/read-vault";

const MIB = 1024 * 1024;
const HEAD = "---\ntags: [t1490, detection_rule]\n---\n";

/** A note of exactly `size` bytes whose only inline tag is its last word. */
function noteOfSize(size: number, lastTag: string): string {
  const tail = ` #${lastTag}\n`;
  return HEAD + "x".repeat(size - HEAD.length - tail.length) + tail;
}

let vault = "";
beforeAll(() => {
  vault = mkdtempSync(join(tmpdir(), "attack-read-"));
  writeFileSync(join(vault, "a-long.md"), noteOfSize(3 * MIB + 17, "end_of_long"));
  writeFileSync(join(vault, "b-exact.md"), noteOfSize(MIB, "end_of_exact"));
  writeFileSync(join(vault, "c-one-more.md"), noteOfSize(MIB + 1, "end_of_one_more"));
  writeFileSync(join(vault, "d-empty.md"), "");
  writeFileSync(join(vault, "e-short.md"), "---\ntitle: short\n---\n");
});
afterAll(() => rmSync(vault, { recursive: true, force: true }));

test("notes below, at and above the reader's buffer size are read whole, and a short note after them sees only itself", () => {
  const { records, warnings } = readVault(vault);
  expect(records.map((record) => [record.path, record.inlineTags, record.frontmatter])).toEqual([
    ["a-long.md", ["end_of_long"], { tags: ["t1490", "detection_rule"] }],
    ["b-exact.md", ["end_of_exact"], { tags: ["t1490", "detection_rule"] }],
    ["c-one-more.md", ["end_of_one_more"], { tags: ["t1490", "detection_rule"] }],
    ["d-empty.md", [], null],
    ["e-short.md", [], { title: "short" }],
  ]);
  expect(warnings).toEqual([]);
});

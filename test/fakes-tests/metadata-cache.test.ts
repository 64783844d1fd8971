/** @jest-environment jsdom */
import { createFakeApp, getAllTags, parseFrontMatterAliases, parseFrontMatterTags } from "../fakes/obsidian";
import type { CachedMetadata } from "obsidian";

async function cacheOf(content: string): Promise<CachedMetadata | null> {
  const app = createFakeApp({ files: { "note.md": content } });
  await app.start();
  return app.metadataCache.getFileCache(app.vault.getFileByPath("note.md")!);
}

describe("getFileCache frontmatter", () => {
  test.each([
    ["a valid YAML mapping is parsed", "---\ntitle: Data Obfuscation\ntags: [T1001, techniques]\n---\nbody", { title: "Data Obfuscation", tags: ["T1001", "techniques"] }],
    ["invalid YAML leaves no frontmatter", "---\ntags: [, detection_rule]\n---\nbody", undefined],
    ["a YAML list is not a mapping", "---\n- a\n- b\n---\n", undefined],
    ["a YAML scalar is not a mapping", "---\njust text\n---\n", undefined],
    ["an empty block has no frontmatter", "---\n---\nbody", undefined],
    ["an unclosed block is no frontmatter", "---\ntitle: A\n", undefined],
    ["dates stay strings and numbers stay numbers", "---\ncreated: 2017-05-31\nversion: 1.1\n---\n", { created: "2017-05-31", version: 1.1 }],
  ])("%s", async (_name, content, expected) => {
    expect((await cacheOf(content))?.frontmatter).toEqual(expected);
  });

  // worker.js (public copy id 56547900761): the block is a `yaml` section either way; frontmatterPosition only with a mapping.
  test.each([
    ["a mapping", "---\na: 1\n---\nbody", [true, true, "yaml"]],
    ["invalid YAML", "---\ntags: [, x]\n---\nbody", [false, false, "yaml"]],
    ["a list", "---\n- a\n---\nbody", [false, false, "yaml"]],
  ])("%s: frontmatter, frontmatterPosition, first section", async (_name, content, expected) => {
    const cache = await cacheOf(content);
    expect([cache?.frontmatter !== undefined, cache?.frontmatterPosition !== undefined, cache?.sections?.[0]?.type]).toEqual(expected);
  });

  test("frontmatterPosition spans the opening to the closing ---", async () => {
    expect((await cacheOf("---\na: 1\n---\nbody"))?.frontmatterPosition).toEqual({
      start: { line: 0, col: 0, offset: 0 },
      end: { line: 2, col: 3, offset: 12 },
    });
  });
});

describe("getFileCache inline tags", () => {
  test.each([
    ["body tags keep their # and nesting", "see #alpha and #beta/child", ["#alpha", "#beta/child"]],
    ["frontmatter tags are not inline tags", "---\ntags: [x]\n---\nplain text", undefined],
    ["tags in a ``` fence are skipped", "```\n#nope\n```\n#yes", ["#yes"]],
    ["tags in a ~~~ fence are skipped", "~~~sh\n#nope\n~~~\n#yes", ["#yes"]],
    ["tags in inline code are skipped", "`#nope` and #yes", ["#yes"]],
    ["tags in a fence inside a callout are skipped", "> [!info]\n> ```\n> #nope\n> ```\n> #yes", ["#yes"]],
    ["all-digit tags are not tags", "#123 #a1", ["#a1"]],
    ["heading markers are not tags", "# Title\n## Sub", undefined],
    ["a # inside a word or URL is not a tag", "x#y http://example.com/#frag", undefined],
    ["tags stop at punctuation", "#tag, #other.", ["#tag", "#other"]],
  ])("%s", async (_name, content, expected) => {
    expect((await cacheOf(content))?.tags?.map((t) => t.tag)).toEqual(expected);
  });

  test("a tag's position covers the # and the name on its line", async () => {
    const cache = await cacheOf("first\nab #tag");
    expect(cache?.tags?.[0]?.position).toEqual({ start: { line: 1, col: 3, offset: 9 }, end: { line: 1, col: 7, offset: 13 } });
  });
});

// Obsidian's readers (app.js, public copy id 56654808040), which the fake follows line for line.
describe("getAllTags", () => {
  test.each([
    ["frontmatter list, then inline tags", "---\ntags: [T1001, techniques]\n---\nbody #inline", ["#T1001", "#techniques", "#inline"]],
    ["a tags string is one tag", "---\ntags: solo\n---\n", ["#solo"]],
    ["a tags string holding a space is none", "---\ntags: a, b c\n---\n", []],
    ["the singular `tag` key does not count", "---\ntag: solo\n---\n", []],
    ["numbers in the list are no tags", "---\ntags: [2024, a]\n---\n", ["#a"]],
    ["a leading # is not doubled", "---\ntags: ['#a']\n---\n", ["#a"]],
    ["duplicates are kept", "---\ntags: [a]\n---\n#a", ["#a", "#a"]],
    ["invalid YAML leaves only inline tags", "---\ntags: [, detection_rule]\n---\n#x", ["#x"]],
    ["a note without tags gives an empty list", "text", []],
  ])("%s", async (_name, content, expected) => {
    expect(getAllTags((await cacheOf(content))!)).toEqual(expected);
  });
});

describe("frontmatter helpers", () => {
  test.each([
    ["tags list", { tags: ["a", "#b"] }, ["#a", "#b"]],
    ["Tags key in any case", { Tags: "x" }, ["#x"]],
    ["the first key in any case, even when empty", { TAGS: null, tags: ["x"] }, null],
    ["no tags key", { title: "t" }, null],
    ["null frontmatter", null, null],
  ])("parseFrontMatterTags: %s", (_name, frontmatter, expected) => {
    expect(parseFrontMatterTags(frontmatter)).toEqual(expected);
  });

  test.each([
    ["aliases list", { aliases: ["One", "Two words"] }, ["One", "Two words"]],
    ["an aliases string is one alias", { Aliases: "One, Two words" }, ["One, Two words"]],
    ["the singular `alias` key does not count", { alias: "One" }, null],
  ])("parseFrontMatterAliases: %s", (_name, frontmatter, expected) => {
    expect(parseFrontMatterAliases(frontmatter)).toEqual(expected);
  });
});

describe("getFirstLinkpathDest", () => {
  const files = { "Use Cases/T1001 - Data Obfuscation.md": "", "Detection Rules/Rule A.md": "", "Other/Rule A.md": "", "root.md": "" };

  test.each([
    ["by basename from anywhere", "T1001 - Data Obfuscation", "root.md", "Use Cases/T1001 - Data Obfuscation.md"],
    ["by full path without .md", "Use Cases/T1001 - Data Obfuscation", "root.md", "Use Cases/T1001 - Data Obfuscation.md"],
    ["a shared name prefers the source's folder", "Rule A", "Other/x.md", "Other/Rule A.md"],
    ["case-insensitively", "root", "Other/x.md", "root.md"],
    ["nothing for an unknown name", "Missing", "root.md", undefined],
  ])("resolves %s", async (_name, linkpath, sourcePath, expected) => {
    const app = createFakeApp({ files });
    await app.start();
    expect(app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath)?.path).toEqual(expected);
  });
});

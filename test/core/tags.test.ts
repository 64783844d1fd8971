import fc from "fast-check";
import { frontmatterTags, tagsFromFrontmatterValue } from "../../src/core/tag-facts";
import { parseFrontMatterTags } from "../fakes/frontmatter";
import { cleanTag, inlineTags, parentTagKeys, tagMatches } from "../../src/core/tags";

// Obsidian's parseFrontMatterTags (app.js, public copy id 56654808040): the first key named `tags` in
// any case; a string is one tag and a list gives its strings; numbers, maps and text holding a space are no tags.
describe("frontmatter tags, as Obsidian reads them", () => {
  test.each<[string, unknown, string[]]>([
    ["a list", ["T1059_001", "techniques", "Execution"], ["T1059_001", "techniques", "Execution"]],
    ["a string is one tag", "T1059_001", ["T1059_001"]],
    ["a string with commas but no space is one tag", "a,b", ["a,b"]],
    ["a string with a space is no tag", "a, b", []],
    ["a list item with a space is no tag", ["a b", "c"], ["c"]],
    ["leading # dropped", ["#a", "##b"], ["a", "b"]],
    ["numbers and true or false are no tags", [1234, true, "x"], ["x"]],
    ["null and maps ignored", [null, { a: 1 }, "x"], ["x"]],
    ["nested lists ignored", [["x"], "y"], ["y"]],
    ["a flow list YAML already split", ["techniques", "Persistence", "_Privilege_Escalation"], ["techniques", "Persistence", "_Privilege_Escalation"]],
    ["nothing", undefined, []],
    ["empty strings", ["", "  "], []],
  ])("%s", (_name, value, expected) => {
    expect(tagsFromFrontmatterValue(value)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ["`tag` is not a tags key", { tag: "b" }, []],
    ["`Tags` in another case is", { Tags: ["a"] }, ["a"]],
    ["the first key named tags wins", { TAGS: ["first"], tags: ["second"] }, ["first"]],
  ])("keys: %s", (_name, frontmatter, expected) => {
    expect(frontmatterTags(frontmatter)).toEqual(expected);
  });

  test("no frontmatter gives no tags", () => {
    expect(frontmatterTags(null)).toEqual([]);
  });

  test.each([["#x", "x"], ["x y", null], [42, "42"], [{}, null]])("cleanTag(%p) is %p", (raw, expected) => {
    expect(cleanTag(raw)).toBe(expected);
  });
});

describe("inline tags", () => {
  test.each([
    ["in a sentence", "This is a #detection_rule note.", ["detection_rule"]],
    ["at line start", "#todo and #T1059_001", ["todo", "T1059_001"]],
    ["nested", "see #attack/t1059/001", ["attack/t1059/001"]],
    ["a heading is not a tag", "# Heading\n## Sub", []],
    ["digits only are not a tag", "issue #123", []],
    ["not inside a word or URL", "a#b http://x.org/#anchor", []],
    ["not in inline code", "use `#notatag` here #yes", ["yes"]],
    ["not in fenced code", "```yml\n# comment #no\ntags: #no\n```\n#after", ["after"]],
    ["not in tilde fences", "~~~\n#no\n~~~", []],
    ["not in fences inside callouts", "> ```\n> #no\n> ```\n> #yes", ["yes"]],
    ["an unclosed fence hides the rest", "```\n#no", []],
    ["unicode letters", "#überwachung", ["überwachung"]],
    ["letters beyond the BMP", "#𑯀x", ["𑯀x"]],
    ["only digits, then a letter beyond the BMP", "#12 #𝒜", ["𝒜"]],
  ])("%s", (_name, body, expected) => {
    expect(inlineTags(body)).toEqual(expected);
  });
});

describe("nested tag matching", () => {
  test.each([
    ["a", "a", true],
    ["a/b", "a", true],
    ["ab", "a", false],
    ["a", "a/b", false],
    ["attack/t1059/001", "attack/t1059", true],
  ])("note tag %s matches query %s: %s", (noteTag, queryTag, expected) => {
    expect(tagMatches(noteTag, queryTag)).toBe(expected);
  });

  test("parent keys of a nested tag", () => {
    expect(parentTagKeys("a/b/c")).toEqual(["a", "a/b"]);
    expect(parentTagKeys("a")).toEqual([]);
  });
});

describe("the core reads frontmatter tags as Obsidian does", () => {
  // The fake's parseFrontMatterTags is Obsidian's code (app.js, public copy id 56654808040), restated.
  const text = fc.array(fc.constantFrom("a", "B", "1", "_", "-", "/", "#", ",", " "), { maxLength: 8 }).map((parts) => parts.join(""));
  const value = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.oneof(text, fc.integer(), fc.constant(null), fc.array(text)), { maxLength: 5 }), fc.dictionary(text, text));
  const frontmatter = fc.dictionary(fc.constantFrom("tags", "Tags", "TAGS", "tag", "title"), value);

  test("on random frontmatter, the same tags, leading # aside", () => {
    fc.assert(
      fc.property(frontmatter, (fm) => {
        const obsidian = (parseFrontMatterTags(fm) ?? []).map((tag) => tag.replace(/^#+/, "")).filter((tag) => tag !== "");
        expect(frontmatterTags(fm)).toEqual(obsidian);
      }),
      { numRuns: 2000 },
    );
  });
});

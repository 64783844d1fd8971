import { frontmatterTags, tagsFromFrontmatterValue } from "../../src/core/tag-facts";
import { cleanTag, inlineTags, parentTagKeys, tagMatches } from "../../src/core/tags";

describe("frontmatter tags", () => {
  test.each<[string, unknown, string[]]>([
    ["a list", ["T1059_001", "techniques", "Execution"], ["T1059_001", "techniques", "Execution"]],
    ["a comma-separated string", "a, b,c", ["a", "b", "c"]],
    ["a space-separated string", "a b  c", ["a", "b", "c"]],
    ["leading # dropped", ["#a", "##b"], ["a", "b"]],
    ["numbers kept as text", [1234, "x"], ["1234", "x"]],
    ["null and maps ignored", [null, { a: 1 }, "x"], ["x"]],
    ["nested lists ignored", [["x"], "y"], ["y"]],
    ["a mangled tactic list", ["techniques", "Persistence,_Privilege_Escalation"], ["techniques", "Persistence", "_Privilege_Escalation"]],
    ["nothing", undefined, []],
    ["empty strings", ["", "  "], []],
  ])("%s", (_name, value, expected) => {
    expect(tagsFromFrontmatterValue(value)).toEqual(expected);
  });

  test("both tags and tag count", () => {
    expect(frontmatterTags({ tags: ["a"], tag: "b" })).toEqual(["a", "b"]);
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

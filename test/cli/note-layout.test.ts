import fc from "fast-check";
import { mayHoldInlineTag, noteLayout } from "../../src/cli/note-layout";
import { parseNote } from "../../src/cli/read-vault";
import { inlineTags } from "../../src/core/tags";

/** The layout as text: the YAML and the body, decoded. */
function parts(text: string): { yaml: string | "unclosed" | null; body: string } {
  const bytes = Buffer.from(text, "utf8");
  const layout = noteLayout(bytes);
  const yaml = layout.frontmatter === null || layout.frontmatter === "unclosed" ? layout.frontmatter : bytes.toString("utf8", layout.frontmatter.start, layout.frontmatter.end);
  return { yaml, body: bytes.toString("utf8", layout.bodyStart) };
}

describe("where the frontmatter and the body lie", () => {
  test.each([
    ["frontmatter and body", "---\na: 1\n---\nbody", "a: 1", "body"],
    ["CRLF line ends", "---\r\na: 1\r\nb: 2\r\n---\r\nbody", "a: 1\r\nb: 2", "body"],
    ["a byte order mark", "\uFEFF---\na: 1\n---\nbody", "a: 1", "body"],
    ["spaces after the delimiters", "---  \na: 1\n--- \t\nbody", "a: 1", "body"],
    ["closed at the end of the file", "---\na: 1\n---", "a: 1", ""],
    ["empty frontmatter, then a rule in the body", "---\n---\ntext\n---\nmore", "", "text\n---\nmore"],
    ["a blank line as the frontmatter", "---\n\n---\nbody", "", "body"],
    ["a longer dash line does not close it", "---\na: 1\n----\nb: 2\n---\nbody", "a: 1\n----\nb: 2", "body"],
    ["text after the dashes does not close it", "---\na: 1\n--- x\n---\nbody", "a: 1\n--- x", "body"],
    ["no frontmatter", "# Title\n---\n", null, "# Title\n---\n"],
    ["only an opening line", "---", null, "---"],
    ["a frontmatter that is never closed", "---\na: 1\nbody", "unclosed", "---\na: 1\nbody"],
    ["an opening line that is not alone", "--- a\nb: 1\n---\n", null, "--- a\nb: 1\n---\n"],
  ])("%s", (_name, text, yaml, body) => {
    expect(parts(text)).toEqual({ yaml, body });
  });

  test("a note with an empty frontmatter keeps the body's later rule as body (Obsidian closes at the first --- line)", () => {
    const { record } = parseNote("n.md", "---\n---\n#inline\n\n---\ntags: [x]\n");
    expect([record.frontmatter, record.inlineTags]).toEqual([{}, ["inline"]]);
  });
});

describe("whether a body may hold an inline tag", () => {
  test.each([
    ["a tag", "text #tag", true],
    ["a tag at the start", "#tag", true],
    ["a tag after a no-break space", "a\u00a0#tag", true],
    ["headings only", "# Title\n## Section\n", false],
    ["an HTML entity", "a&#92;b", false],
    ["a hash inside a word", "C#", false],
    ["a hash at the end", "text #", false],
    ["a number", "Atomic Test #1 - x", false],
    ["a template variable", "run #{command}", false],
    ["a number with a letter after it", "#1a", true],
    ["a nested tag", "#a/b", true],
    ["a letter beyond ASCII", "#é", true],
    ["no hash", "text", false],
  ])("%s", (_name, text, expected) => {
    expect(mayHoldInlineTag(Buffer.from(text, "utf8"), 0)).toBe(expected);
  });

  test("never says no where the core's scan finds a tag", () => {
    const pieces = ["#", "##", "#1", "#{", "{", "2", "/1", " ", "\n", "\t", "\u00a0", "a", "1", "_", "/", "-", "é", "&", "`", "```\n", "😀", "\r\n"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (chosen) => {
        const text = chosen.join("");
        if (!mayHoldInlineTag(Buffer.from(text, "utf8"), 0)) expect(inlineTags(text)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});

/**
 * Issue #15, class 10: small inputs that were read wrongly or dropped without a word. Each now
 * gets a warning, or is read as Obsidian reads it. (A file name that is not UTF-8 is in
 * file-system.test.ts, with the reader's other file-system cases.)
 */
import fc from "fast-check";
import { runCli } from "../../src/cli/main";
import { parseNote } from "../../src/cli/read-vault";
import { VaultIndex } from "../../src/core/vault-index";
import { indexProblems } from "../../src/core/vault-problems";
import { techniqueIdAtStartOf } from "../../src/core/technique-id";
import { record } from "../core/note-records";
import { EXAMPLE_VAULT } from "../support/paths";

const BOM = "\uFEFF";
const readNote = (text: string) => {
  const { record: note, warnings } = parseNote("n.md", text);
  return { frontmatter: note.frontmatter, warnings: warnings.map((warning) => warning.message) };
};

describe("notes whose frontmatter would be lost in silence", () => {
  test.each([
    ["lone carriage returns", "---\rtags: [t1490]\r---\rbody\r", /^has line breaks that are lone carriage returns \(CR\), so its --- line opens no frontmatter/],
    ["lone carriage returns after spaces", "---  \rtags: [t1490]\r---\r", /lone carriage returns/],
    ["two byte order marks", `${BOM}${BOM}---\ntags: [t1490]\n---\n`, /^starts with 2 byte order marks \(U\+FEFF\), so its --- line opens no frontmatter/],
    ["five byte order marks", `${BOM.repeat(5)}---\r\ntags: [t1490]\r\n---\r\n`, /^starts with 5 byte order marks/],
  ])("%s: a warning says why it has no properties", (_name, text, warning) => {
    const read = readNote(text);
    expect(read.frontmatter).toBeNull();
    expect(read.warnings).toEqual([expect.stringMatching(warning)]);
  });

  test.each([
    ["one byte order mark", `${BOM}---\ntags: [t1490]\n---\n`, { tags: ["t1490"] }],
    ["CRLF", "---\r\ntags: [t1490]\r\n---\r\n", { tags: ["t1490"] }],
    ["a rule, not frontmatter", "text\n---\r\n", null],
    ["two marks before ordinary text", `${BOM}${BOM}# Title\n`, null],
  ])("%s: read with no warning", (_name, text, frontmatter) => {
    expect(readNote(text)).toEqual({ frontmatter, warnings: [] });
  });

  // Pieces a note may start with; whatever their mix, a note that opens with a `---` line and has
  // something after it has properties or a warning.
  const opening = fc.array(fc.constantFrom(BOM, "---", " ", "\t", "\r", "\n", "\r\n", "tags: [t1490]", "x"), { maxLength: 12 }).map((pieces) => pieces.join(""));
  test("no note that opens with a --- line loses its properties without a warning", () => {
    fc.assert(
      fc.property(opening, (text) => {
        const opensWithDelimiter = /^(?:\uFEFF)*---[ \t]*[\r\n][^]*\S/.test(text);
        const read = readNote(text);
        return !opensWithDelimiter || read.frontmatter !== null || read.warnings.length > 0;
      }),
      { numRuns: 3000, seed: 15 },
    );
  });
});

describe("technique IDs at the start of a file name", () => {
  test.each([
    ["T1059.001 - PowerShell.md", "T1059.001"],
    ["T1059 - Command and Scripting Interpreter.md", "T1059"],
    ["t1059_001 x.md", "T1059.001"],
    ["T1059.9999 - x.md", null],
    ["T1059.01 - x.md", null],
    ["T10599 - x.md", null],
    ["T1059-0011.md", null],
    ["T1059.001a.md", "T1059.001"],
  ])("%s → %s", (name, id) => {
    expect(techniqueIdAtStartOf(name)).toBe(id);
  });

  test("a technique note named T1059.9999 is reported as having no ID, not read as T1059", () => {
    const index = new VaultIndex();
    index.load([record("Use Cases/T1059.9999 - x.md", { tags: ["techniques"] })]);
    expect([[...index.techniqueIdsWithNotes()], indexProblems(index).map((problem) => problem.message)]).toEqual([[], [expect.stringMatching(/has no technique ID/)]]);
  });
});

describe("an option given an empty value", () => {
  test.each([
    ["--navigator", ["--navigator", ""]],
    ["--baseline=", ["--baseline="]],
    ["--platform", ["--platform", "  "]],
  ])("%s is bad usage, not no option", (name, flags) => {
    const output = runCli(["coverage", EXAMPLE_VAULT, ...flags]);
    expect({ code: output.exitCode, stderr: output.stderr }).toEqual({ code: 2, stderr: [`attack-vault: ${name.replace("=", "")} needs a value, not an empty one`] });
  });
});

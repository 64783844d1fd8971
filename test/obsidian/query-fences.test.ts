/** The ```query fences Live Preview draws blocks over, found in full and kept through edits. */
import { EditorState, Text } from "@codemirror/state";
import fc from "fast-check";
import { scanQueryFences, updateQueryFences } from "../../src/obsidian/query-fences";

const sources = (markdown: string): string[] => scanQueryFences(Text.of(markdown.split("\n"))).map((fence) => fence.source);

describe("scanning a note", () => {
  test.each<[string, string, string[]]>([
    ["a plain fence", "x\n```query\ntag: a\n```\ny", ["tag: a"]],
    ["tildes, and a longer closing fence", "~~~query\ntag: a\n~~~~", ["tag: a"]],
    ["an info string after the language", "```query extra\ntag: a\n```", ["tag: a"]],
    ["two lines of query", "```query\ntag: a\ntag: b\n```", ["tag: a\ntag: b"]],
    ["an empty block", "```query\n```", [""]],
    ["another language", "```queryx\ntag: a\n```\n```js\nx\n```", []],
    ["an unclosed fence", "```query\ntag: a", []],
    ["a backtick fence is not closed by tildes", "```query\n~~~\n```", ["~~~"]],
    ["inside a callout: Obsidian's callout widget draws it", ">[!info]\n>```query\n>tag: a\n>```", []],
    ["inside the frontmatter", "---\nx: |\n  ```query\n  tag: a\n  ```\n---\nbody", []],
    ["a fence inside another fence", "````md\n```query\ntag: a\n```\n````", []],
  ])("%s", (_name, markdown, expected) => {
    expect(sources(markdown)).toEqual(expected);
  });

  test("the range runs from the opening line's start to the closing marker's end", () => {
    const doc = Text.of(["before", "```query", "tag: a", "```  ", "after"]);
    const [fence] = scanQueryFences(doc);
    expect([fence?.from, fence?.to]).toEqual([doc.line(2).from, doc.line(4).from + 3]);
  });
});

describe("through edits", () => {
  const NOTE = ["# T1059", "", "```query", "tag: detection_rule", "tag: T1059", "```", "", "Text between.", "", "```query", "tag: atomic_test", "```", "end"].join("\n");
  const pieces = ["x", "\n", "```", "```query\n", "~~~", ">", "---\n", "tag: y", " "];

  test("the fences kept through any edit are those a full scan finds", () => {
    const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 12 }), insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }).map((parts) => parts.join("")) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let state = EditorState.create({ doc: NOTE });
        let fences = scanQueryFences(state.doc);
        for (const { at, length, insert } of edits) {
          const from = at % (state.doc.length + 1);
          const to = Math.min(state.doc.length, from + length);
          const transaction = state.update({ changes: { from, to, insert } });
          fences = updateQueryFences(fences, transaction.changes, state.doc, transaction.state.doc).fences;
          state = transaction.state;
          expect(fences).toEqual(scanQueryFences(state.doc));
        }
      }),
      { numRuns: 1500 },
    );
  });

  test("an edit between fences moves the later ones and asks for no redraw", () => {
    const state = EditorState.create({ doc: NOTE });
    const fences = scanQueryFences(state.doc);
    const transaction = state.update({ changes: { from: state.doc.line(8).from, insert: "More " } });
    const { fences: next, redraw } = updateQueryFences(fences, transaction.changes, state.doc, transaction.state.doc);
    expect([next[0] === fences[0], next[1]!.from - fences[1]!.from, redraw]).toEqual([true, 5, false]);
  });

  test.each([
    ["inside a block's content", (doc: Text) => doc.line(4).to, "x", true],
    ["on a fence line", (doc: Text) => doc.line(3).to, " ", true],
    ["after every fence", (doc: Text) => doc.length, "!", false],
  ])("an edit %s: redraw is %p", (_name, at, insert, redraw) => {
    const state = EditorState.create({ doc: NOTE });
    const transaction = state.update({ changes: { from: at(state.doc), insert } });
    expect(updateQueryFences(scanQueryFences(state.doc), transaction.changes, state.doc, transaction.state.doc).redraw).toBe(redraw);
  });
});

/** @jest-environment jsdom */
/** Live Preview: the plugin's block in place of each ```query fence, drawn again only when its own source changes. */
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { editorInfoField, editorLivePreviewField } from "obsidian";
import { liveQueryBlocks } from "../../src/obsidian/live-preview-blocks";
import { widgetsOf } from "../support/editor-widgets";

const NOTE = "# T1059\n\n```query\ntag: detection_rule\ntag: T1059\n```\n\nText.\n\n```query\ntag: atomic_test\n```\n";

/** What the renderer was asked to draw and release, in order. */
function recorder() {
  const events: string[] = [];
  const render = (source: string, el: HTMLElement, sourcePath: string): (() => void) => {
    events.push(`draw ${sourcePath}: ${source}`);
    el.createSpan({ cls: "drawn", text: source });
    return () => events.push(`release: ${source}`);
  };
  return { events, render };
}

function editor(doc: string, livePreview: boolean, render: ReturnType<typeof recorder>["render"]): EditorView {
  const state = EditorState.create({
    doc,
    extensions: [liveQueryBlocks(render), editorLivePreviewField.init(() => livePreview), editorInfoField.init(() => ({ file: { path: "Use Cases/T1059.md" } }) as never)],
  });
  return new EditorView({ state, parent: document.body.createDiv() });
}

/** The replaced ranges and the text each block shows. */
function blocks(view: EditorView): Array<{ from: number; to: number; text: string }> {
  const ranges: Array<{ from: number; to: number; text: string }> = [];
  for (const source of view.state.facet(EditorView.decorations)) {
    const set = typeof source === "function" ? source(view) : source;
    set.between(0, view.state.doc.length, (from, to) => void ranges.push({ from, to, text: view.state.sliceDoc(from, to) }));
  }
  return ranges;
}

afterEach(() => document.body.empty());

describe("liveQueryBlocks", () => {
  test("in Live Preview, each fence from its opening line to its closing marker is replaced by a block", () => {
    const { render } = recorder();
    const view = editor(NOTE, true, render);
    expect(blocks(view).map((block) => block.text)).toEqual(["```query\ntag: detection_rule\ntag: T1059\n```", "```query\ntag: atomic_test\n```"]);
  });

  test("each block is drawn with its source and the note's path, inside the editor", () => {
    const { events, render } = recorder();
    const view = editor(NOTE, true, render);
    expect(events).toEqual(["draw Use Cases/T1059.md: tag: detection_rule\ntag: T1059", "draw Use Cases/T1059.md: tag: atomic_test"]);
    expect(Array.from(view.dom.querySelectorAll(".attack-vault-live-block .drawn"), (el) => el.textContent)).toEqual(["tag: detection_rule\ntag: T1059", "tag: atomic_test"]);
  });

  test("in Source mode, nothing is replaced or drawn", () => {
    const { events, render } = recorder();
    expect({ blocks: blocks(editor(NOTE, false, render)), events }).toEqual({ blocks: [], events: [] });
  });

  test("typing outside the blocks moves them without drawing them again", () => {
    const { events, render } = recorder();
    const view = editor(NOTE, true, render);
    events.length = 0;
    view.dispatch({ changes: { from: NOTE.indexOf("Text."), insert: "More " } });
    expect({ events, texts: blocks(view).map((block) => block.text.split("\n")[1]) }).toEqual({ events: [], texts: ["tag: detection_rule", "tag: atomic_test"] });
  });

  test("editing a block's source draws that block again and releases the old one", () => {
    const { events, render } = recorder();
    const view = editor(NOTE, true, render);
    events.length = 0;
    view.dispatch({ changes: { from: NOTE.indexOf("atomic_test"), to: NOTE.indexOf("atomic_test") + "atomic_test".length, insert: "detection_rule" } });
    expect(events).toEqual(["release: tag: atomic_test", "draw Use Cases/T1059.md: tag: detection_rule"]);
  });

  test("closing the editor releases every block", () => {
    const { events, render } = recorder();
    const view = editor(NOTE, true, render);
    events.length = 0;
    view.destroy();
    expect(events.sort()).toEqual(["release: tag: atomic_test", "release: tag: detection_rule\ntag: T1059"]);
  });
});

/*
 * Keystrokes on the editor state alone: typing outside the blocks maps the widgets it has (the
 * same objects, so nothing is drawn again and nothing rebuilt); typing inside a block's query
 * replaces that block's widget alone.
 */
const BLOCK = ["```query", "tag: detection_rule", "```"];
const TYPED_NOTE = ["# T1059", "Prose before.", ...BLOCK, "Prose between.", ...BLOCK, "Prose between again.", ...BLOCK, "Prose after."].join("\n");

function editorState(): EditorState {
  const extensions: Extension[] = [editorLivePreviewField.init(() => true), editorInfoField.init(() => null as never), liveQueryBlocks(() => () => undefined)];
  return EditorState.create({ doc: TYPED_NOTE, extensions });
}

/** Types `text` one character a transaction at the end of the line that starts with `line`. */
function typeAfter(state: EditorState, line: string, text: string): EditorState {
  let at = state.doc.toString().indexOf(line) + line.length;
  for (const key of text) {
    state = state.update({ changes: { from: at, insert: key }, selection: { anchor: at + 1 }, userEvent: "input.type" }).state;
    at++;
  }
  return state;
}

describe("typing in Live Preview", () => {
  test.each([
    ["before every block", "Prose before."],
    ["between two blocks", "Prose between."],
    ["after every block", "Prose after."],
    ["on the heading", "# T1059"],
  ])("%s keeps every block's widget, mapped rather than rebuilt", (_name, line) => {
    const before = editorState();
    const after = typeAfter(before, line, " and more");
    const kept = widgetsOf(after).map((widget, index) => widget === widgetsOf(before)[index]);
    expect(kept).toEqual([true, true, true]);
  });

  test("typing inside the second block's query replaces that block's widget alone", () => {
    const before = editorState();
    const after = typeAfter(before, "Prose between.\n```query\ntag: detection_rule", "_x");
    const kept = widgetsOf(after).map((widget, index) => widget === widgetsOf(before)[index]);
    expect(kept).toEqual([true, false, true]);
  });

  test("the mapped widgets still cover their fences after typing", () => {
    const after = typeAfter(editorState(), "Prose before.", " and more");
    const covered: string[] = [];
    for (const source of after.facet(EditorView.decorations)) {
      if (typeof source !== "function") source.between(0, after.doc.length, (from, to) => void covered.push(after.doc.sliceString(from, to)));
    }
    expect(covered).toEqual([BLOCK.join("\n"), BLOCK.join("\n"), BLOCK.join("\n")]);
  });
});

/** @jest-environment jsdom */
/** Live Preview: the plugin's block in place of each ```query fence, drawn again only when its own source changes. */
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { editorInfoField, editorLivePreviewField } from "obsidian";
import { liveQueryBlocks } from "../../src/obsidian/live-preview-blocks";

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

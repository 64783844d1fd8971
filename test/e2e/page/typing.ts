/**
 * Typing in Live Preview, timed in the page (the bench's target 9): keystroke transactions in a long
 * note full of ```query blocks, in two editors side by side that differ only in the plugin's
 * extension. Each keystroke is timed with the update CodeMirror makes for it: the dispatch (state,
 * decorations, DOM) and the layout read that follows (`coordsAtPos` runs the pending measure).
 */
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import type { App } from "../../fakes/obsidian";
import { widgetsOf } from "../../support/editor-widgets";
import { openLivePreview, type LivePreviewEditor } from "./live-preview";

export interface TypingOptions {
  rounds: number;
  /** Places in the note, spread through it, each typed at in every round. */
  places: number;
  keystrokes: number;
  lines: number;
  blocks: number;
}

export interface TypingFigures {
  lines: number;
  blocks: number;
  /** Keystrokes per side in a round. */
  keystrokes: number;
  /** Each round's milliseconds for all its keystrokes, with the plugin's extension and without it. */
  withPluginMs: number[];
  withoutPluginMs: number[];
  /** The same keystrokes applied to each editor's state alone (no view, no DOM): the extension's own work, milliseconds per round. */
  stateWithPluginMs: number[];
  stateWithoutPluginMs: number[];
  /** The fewest of the plugin's blocks drawn at a place: none means typing there timed nothing of them. */
  blocksOnScreen: number;
  /** Blocks drawn (added to the DOM) while typing outside them: each one is a redraw a keystroke caused. */
  blocksDrawnWhileTyping: number;
  /** Widgets in the editor's decorations that a keystroke replaced rather than mapped. */
  widgetsReplacedWhileTyping: number;
}

export const TYPING_NOTE = "Bench/Typing in a long note.md";

const QUERY_BLOCK = ["```query", "tag: detection_rule", "tag: T1059_001", "```"];

/** `lines` lines with `blocks` query blocks spread evenly, prose between them. */
export function longNote(lines: number, blocks: number): string {
  const out = ["# Notes on PowerShell", ""];
  const prosePerSection = Math.max(1, Math.floor((lines - out.length) / blocks) - QUERY_BLOCK.length);
  for (let block = 0; block < blocks; block++) {
    for (let line = 0; line < prosePerSection; line++) out.push(`Section ${block + 1}, line ${line + 1}: what the analyst saw, and what the rule should catch next time.`);
    out.push(...QUERY_BLOCK);
  }
  while (out.length < lines) out.push("Closing remarks.");
  return out.join("\n");
}

const STATE_REPEATS = 20;

const frame = (): Promise<void> => new Promise((resolve) => window.requestAnimationFrame(() => window.setTimeout(resolve, 30)));

/**
 * Places spread through the note, each in the prose line two lines above a block, so that block is
 * on screen while the keys go in: typing beside a block, outside it.
 */
function placesToType(view: EditorView, count: number): number[] {
  const doc = view.state.doc;
  const places: number[] = [];
  for (let place = 0; place < count; place++) {
    let number = Math.max(1, Math.floor(((place + 0.5) / count) * doc.lines));
    while (number < doc.lines && doc.line(number).text !== QUERY_BLOCK[0]) number++;
    places.push(doc.line(Math.max(1, number - 2)).from + "Section".length);
  }
  return places;
}

/** The same keystrokes on the editor's state only: what the fields compute, without the view. */
function stateOnlyMs(editor: LivePreviewEditor, at: number, keystrokes: number): number {
  let state = editor.view.state;
  const start = performance.now();
  for (let key = 0; key < keystrokes; key++) state = state.update({ changes: { from: at + key, insert: "x" }, selection: { anchor: at + key + 1 }, userEvent: "input.type" }).state;
  return performance.now() - start;
}

/** Types `keystrokes` characters at `at`, timing each transaction with the layout read after it, then takes them out again untimed. */
async function typeAt(editor: LivePreviewEditor, at: number, keystrokes: number): Promise<number> {
  const view = editor.view;
  view.focus();
  view.dispatch({ selection: { anchor: at } });
  await frame();
  const start = performance.now();
  for (let key = 0; key < keystrokes; key++) {
    view.dispatch({ changes: { from: at + key, insert: "x" }, selection: { anchor: at + key + 1 }, userEvent: "input.type" });
    view.coordsAtPos(at + key + 1);
  }
  const elapsed = performance.now() - start;
  view.dispatch({ changes: { from: at, to: at + keystrokes }, userEvent: "delete" });
  return elapsed;
}

export async function measureTyping(app: App, host: HTMLElement, options: TypingOptions): Promise<TypingFigures> {
  if (!app.vault.getFileByPath(TYPING_NOTE)) await app.vault.create(TYPING_NOTE, longNote(options.lines, options.blocks));
  const file = app.vault.getFileByPath(TYPING_NOTE);
  if (!file) throw new Error(`the note ${TYPING_NOTE} was not created`);
  // The same fixed height for both, so each draws the same lines around the cursor.
  const fixedHeight: Extension = EditorView.theme({ "&": { height: "700px" }, ".cm-scroller": { overflow: "auto" } });
  const row = host.createDiv("e2e-typing-bench");
  const open = (pluginExtensions: boolean): LivePreviewEditor =>
    openLivePreview(app, file, row.createDiv("markdown-source-view mod-cm6 is-live-preview"), { coreCodeBlocks: false, pluginExtensions, extensions: [fixedHeight] });
  const withPlugin = open(true);
  const withoutPlugin = open(false);
  const drawn = new MutationObserver(() => undefined);
  drawn.observe(withPlugin.view.contentDOM, { childList: true, subtree: true });
  const blocksAdded = (): number =>
    drawn.takeRecords().reduce((count, record) => count + Array.from(record.addedNodes).filter((node) => node instanceof HTMLElement && node.matches(".attack-vault-live-block, :has(.attack-vault-live-block)")).length, 0);
  const figures: TypingFigures = { lines: 0, blocks: options.blocks, keystrokes: options.places * options.keystrokes, withPluginMs: [], withoutPluginMs: [], stateWithPluginMs: [], stateWithoutPluginMs: [], blocksOnScreen: -1, blocksDrawnWhileTyping: 0, widgetsReplacedWhileTyping: 0 };
  try {
    figures.lines = withPlugin.view.state.doc.lines;
    const places = placesToType(withPlugin.view, options.places);
    for (let round = 0; round < options.rounds; round++) {
      let withMs = 0;
      let withoutMs = 0;
      let stateWithMs = 0;
      let stateWithoutMs = 0;
      for (const [index, at] of places.entries()) {
        for (const editor of [withPlugin, withoutPlugin]) editor.view.dispatch({ effects: EditorView.scrollIntoView(at, { y: "center" }) });
        await frame();
        await frame();
        const onScreen = withPlugin.view.contentDOM.querySelectorAll(".attack-vault-live-block").length;
        figures.blocksOnScreen = figures.blocksOnScreen < 0 ? onScreen : Math.min(figures.blocksOnScreen, onScreen);
        const timeWith = async (): Promise<void> => {
          const before = new Set(widgetsOf(withPlugin.view.state));
          blocksAdded();
          withMs += await typeAt(withPlugin, at, options.keystrokes);
          figures.blocksDrawnWhileTyping += blocksAdded();
          for (const widget of widgetsOf(withPlugin.view.state)) if (!before.has(widget)) figures.widgetsReplacedWhileTyping++;
        };
        const timeWithout = async (): Promise<void> => {
          withoutMs += await typeAt(withoutPlugin, at, options.keystrokes);
        };
        // The state alone, repeated so the sample is long enough for the page's coarse clock.
        for (let repeat = 0; repeat < STATE_REPEATS; repeat++) {
          stateWithMs += stateOnlyMs(withPlugin, at, options.keystrokes);
          stateWithoutMs += stateOnlyMs(withoutPlugin, at, options.keystrokes);
        }
        // Swap which side goes first at every place and round, so drift bills both alike.
        if ((round + index) % 2 === 0) {
          await timeWith();
          await timeWithout();
        } else {
          await timeWithout();
          await timeWith();
        }
      }
      figures.withPluginMs.push(withMs);
      figures.withoutPluginMs.push(withoutMs);
      figures.stateWithPluginMs.push(stateWithMs / STATE_REPEATS);
      figures.stateWithoutPluginMs.push(stateWithoutMs / STATE_REPEATS);
    }
  } finally {
    drawn.disconnect();
    withPlugin.destroy();
    withoutPlugin.destroy();
    row.remove();
  }
  return figures;
}

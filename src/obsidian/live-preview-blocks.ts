/**
 * Live Preview: the plugin's block in place of each ```query fence. Obsidian's own code block
 * widget draws core Search for `query` before it looks at plugin processors, so this is a
 * CodeMirror extension instead: a block replace decoration over the same range as Obsidian's
 * (opening fence line start to closing fence marker end), at `Prec.highest`, so it is the one
 * drawn. As in Obsidian, a fence the selection touches shows its source while the editor has
 * focus. Edits map the decorations; a block is drawn again only when its own source changes, and
 * its widget replaced only then: every other block keeps its widget through any edit.
 */
import { Prec, StateEffect, StateField, type EditorSelection, type EditorState, type Extension, type Transaction } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet } from "@codemirror/view";
import { editorInfoField, editorLivePreviewField, setIcon } from "obsidian";
import { scanQueryFences, updateQueryFences, type QueryFence } from "./query-fences";

/** What draws a block: render into `el`, and return what releases it when the widget goes. */
export type LiveBlockRenderer = (source: string, el: HTMLElement, sourcePath: string) => () => void;

const releases = new WeakMap<HTMLElement, () => void>();

class QueryBlockWidget extends WidgetType {
  constructor(
    readonly source: string,
    readonly sourcePath: string,
    private readonly renderBlock: LiveBlockRenderer,
  ) {
    super();
  }

  override eq(other: WidgetType): boolean {
    return other instanceof QueryBlockWidget && other.source === this.source && other.sourcePath === this.sourcePath;
  }

  override toDOM(view: EditorView): HTMLElement {
    const el = createDiv({ cls: "cm-embed-block cm-preview-code-block attack-vault-live-block markdown-rendered" });
    const body = el.createDiv();
    releases.set(el, this.renderBlock(this.source, body, this.sourcePath));
    // As on Obsidian's own embeds: a button that puts the cursor in the block, showing its source.
    const edit = el.createDiv({ cls: "edit-block-button", attr: { "aria-label": "Edit this block" } });
    setIcon(edit, "code-2");
    edit.addEventListener("click", (event) => {
      event.preventDefault();
      view.dispatch({ selection: { anchor: view.posAtDOM(el) } });
      view.focus();
    });
    return el;
  }

  override destroy(dom: HTMLElement): void {
    releases.get(dom)?.();
    releases.delete(dom);
  }

  /** The block handles its own clicks and hovers; the editor must not move the cursor for them. */
  override ignoreEvent(): boolean {
    return true;
  }

  override get estimatedHeight(): number {
    return 120;
  }
}

interface LiveQueryState {
  active: boolean;
  sourcePath: string;
  focused: boolean;
  fences: QueryFence[];
  /** Which fences show their source, as a string of 0/1 per fence: cheap to compare. */
  shown: string;
  decorations: DecorationSet;
}

const setFocus = StateEffect.define<boolean>();

function isLivePreview(state: EditorState): boolean {
  return state.field(editorLivePreviewField, false) === true;
}

function sourcePathOf(state: EditorState): string {
  return state.field(editorInfoField, false)?.file?.path ?? "";
}

/** Obsidian's rule: with focus, a fence the selection touches (ends included) shows its source. */
function sourceShown(fences: QueryFence[], selection: EditorSelection | null): string {
  let shown = "";
  for (const fence of fences) {
    const touched = selection !== null && selection.ranges.some((range) => range.from <= fence.to && range.to >= fence.from);
    shown += touched ? "1" : "0";
  }
  return shown;
}

/** The widget decorations of `drawn` by where they start, to hand on to fences that did not change. */
function widgetsByStart(drawn: DecorationSet): Map<number, { to: number; decoration: Decoration }> {
  const byStart = new Map<number, { to: number; decoration: Decoration }>();
  for (let cursor = drawn.iter(); cursor.value; cursor.next()) byStart.set(cursor.from, { to: cursor.to, decoration: cursor.value });
  return byStart;
}

/**
 * The decorations for `fences`. A fence whose range, source and note are those of a decoration in
 * `drawn` (the previous ones, mapped through the edit) keeps it: the same widget, nothing rebuilt.
 */
function decorate(fences: QueryFence[], shown: string, sourcePath: string, docLength: number, renderBlock: LiveBlockRenderer, drawn: DecorationSet = Decoration.none): DecorationSet {
  const previous = widgetsByStart(drawn);
  const ranges = [];
  for (let index = 0; index < fences.length; index++) {
    const fence = fences[index];
    if (!fence || shown[index] === "1") continue;
    // As Obsidian does for a block that ends the document.
    const inclusiveEnd = fence.to !== docLength;
    const kept = previous.get(fence.from);
    const keptSpec = kept?.decoration.spec as { widget?: unknown; inclusiveEnd?: boolean } | undefined;
    const keptWidget = keptSpec?.widget;
    if (kept && kept.to === fence.to && keptSpec?.inclusiveEnd === inclusiveEnd && keptWidget instanceof QueryBlockWidget && keptWidget.source === fence.source && keptWidget.sourcePath === sourcePath) {
      ranges.push(kept.decoration.range(fence.from, fence.to));
      continue;
    }
    const widget = new QueryBlockWidget(fence.source, sourcePath, renderBlock);
    ranges.push(Decoration.replace({ widget, block: true, inclusiveEnd }).range(fence.from, fence.to));
  }
  return Decoration.set(ranges);
}

const INACTIVE: LiveQueryState = { active: false, sourcePath: "", focused: false, fences: [], shown: "", decorations: Decoration.none };

function nextState(previous: LiveQueryState, transaction: Transaction, renderBlock: LiveBlockRenderer): LiveQueryState {
  const state = transaction.state;
  let focused = previous.focused;
  for (const effect of transaction.effects) if (effect.is(setFocus)) focused = effect.value;
  if (!isLivePreview(state)) return previous.active ? INACTIVE : previous;
  const sourcePath = sourcePathOf(state);
  const fresh = !previous.active || sourcePath !== previous.sourcePath;
  const { fences, redraw } = fresh ? { fences: scanQueryFences(state.doc), redraw: true } : updateQueryFences(previous.fences, transaction.changes, transaction.startState.doc, state.doc);
  const shown = sourceShown(fences, focused ? state.selection : null);
  if (!redraw && shown === previous.shown) {
    if (focused === previous.focused && !transaction.docChanged) return previous;
    // Typing outside the blocks: the same widgets, moved with the text.
    return { ...previous, focused, fences, decorations: previous.decorations.map(transaction.changes) };
  }
  const drawn = fresh ? Decoration.none : previous.decorations.map(transaction.changes);
  return { active: true, sourcePath, focused, fences, shown, decorations: decorate(fences, shown, sourcePath, state.doc.length, renderBlock, drawn) };
}

function initialState(state: EditorState, renderBlock: LiveBlockRenderer): LiveQueryState {
  if (!isLivePreview(state)) return INACTIVE;
  const sourcePath = sourcePathOf(state);
  const fences = scanQueryFences(state.doc);
  const shown = sourceShown(fences, null);
  return { active: true, sourcePath, focused: false, fences, shown, decorations: decorate(fences, shown, sourcePath, state.doc.length, renderBlock) };
}

/** A field only learns of focus through transactions: tell it once if the editor starts focused. */
const reportInitialFocus = ViewPlugin.define((view) => {
  let destroyed = false;
  // Not during the view's own update: a dispatch must wait for it to finish.
  if (view.hasFocus) queueMicrotask(() => {
    if (!destroyed) view.dispatch({ effects: setFocus.of(view.hasFocus) });
  });
  return { destroy: () => { destroyed = true; } };
});

export function liveQueryBlocks(renderBlock: LiveBlockRenderer): Extension {
  const field = StateField.define<LiveQueryState>({
    create: (state) => initialState(state, renderBlock),
    update: (value, transaction) => nextState(value, transaction, renderBlock),
    provide: (self) => EditorView.decorations.from(self, (value) => value.decorations),
  });
  return [Prec.highest(field), EditorView.focusChangeEffect.of((_state, focusing) => setFocus.of(focusing)), reportInitialFocus];
}

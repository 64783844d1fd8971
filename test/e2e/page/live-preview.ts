/**
 * A Live Preview editor in the e2e page: real CodeMirror 6 with the fields Obsidian provides
 * (`editorInfoField`, `editorLivePreviewField`), the extensions plugins registered (reconfigured on
 * `workspace.updateOptions()`, as Obsidian does), and a stand-in for Obsidian's own Live Preview
 * code block decoration: a StateField at default precedence that puts a block replace widget,
 * drawing what core Search would, over each ```query fence, from the start of its opening line to
 * the end of its closing marker, unless the focused selection touches it (app.js id 56605790476).
 */
import { Compartment, EditorState, StateField, type Extension } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";
import { editorInfoField, editorLivePreviewField, type App, type TFile } from "../../fakes/obsidian";

class CoreSearchWidget extends WidgetType {
  constructor(readonly query: string) {
    super();
  }
  override eq(other: WidgetType): boolean {
    return other instanceof CoreSearchWidget && other.query === this.query;
  }
  override toDOM(): HTMLElement {
    const el = createDiv({ cls: "cm-embed-block cm-preview-code-block core-like-query" });
    el.createDiv({ cls: "internal-query-header-title", text: this.query });
    return el;
  }
}

/** The stand-in's own fence reading, written apart from the plugin's. */
function coreLikeDecorations(state: EditorState, focused: boolean): DecorationSet {
  const ranges = [];
  const lines = state.doc.toString().split("\n");
  let offset = 0;
  let open: { from: number; marker: string; query: boolean; content: string[] } | null = null;
  for (const line of lines) {
    if (open) {
      const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (closing && closing[1]![0] === open.marker[0] && closing[1]!.length >= open.marker.length) {
        const to = offset + line.indexOf(closing[1]!) + closing[1]!.length;
        const touched = focused && state.selection.ranges.some((range) => range.from <= to && range.to >= open!.from);
        if (open.query && !touched) ranges.push(Decoration.replace({ widget: new CoreSearchWidget(open.content.join("\n").trim()), block: true }).range(open.from, to));
        open = null;
      } else open.content.push(line);
    } else {
      const opening = /^ {0,3}(`{3,}|~{3,})\s*(\S*)/.exec(line);
      if (opening) open = { from: offset, marker: opening[1]!, query: opening[2] === "query", content: [] };
    }
    offset += line.length + 1;
  }
  return Decoration.set(ranges);
}

function coreLikeCodeBlocks(view: () => EditorView | null): Extension {
  const field = StateField.define<DecorationSet>({
    create: (state) => coreLikeDecorations(state, false),
    update: (_value, transaction) => coreLikeDecorations(transaction.state, view()?.hasFocus ?? false),
    provide: (self) => EditorView.decorations.from(self),
  });
  // As app.js does: on focus and blur, a transaction 10 ms later rebuilds with the new focus.
  const refresh = (_event: Event, target: EditorView): void => {
    target.dom.win.setTimeout(() => target.dispatch({}), 10);
  };
  return [field, EditorView.domEventHandlers({ focus: refresh, blur: refresh })];
}

export interface LivePreviewOptions {
  /** Register the core-like decoration before the plugins' extensions (default) or after. */
  coreFirst?: boolean;
  /** Leave out the core-like decoration (default: in), e.g. to time the plugin's extension alone. */
  coreCodeBlocks?: boolean;
  /** Leave out the plugins' extensions (default: in): the editor as it is without the plugin. */
  pluginExtensions?: boolean;
  /** More extensions, after all the others (a fixed height, say). */
  extensions?: Extension[];
}

export interface LivePreviewEditor {
  view: EditorView;
  destroy(): void;
}

/** Open `file` in a Live Preview editor placed in the main pane; plugin extensions follow `updateOptions()`. */
export function openLivePreview(app: App, file: TFile, host: HTMLElement, options: LivePreviewOptions = {}): LivePreviewEditor {
  const plugins = new Compartment();
  let editor: EditorView | null = null;
  const core = coreLikeCodeBlocks(() => editor);
  const pluginExtensions = (): Extension => app.workspace.editorExtensions.slice();
  const extensions: Extension[] = [
    editorInfoField.init(() => ({ app, file })),
    editorLivePreviewField.init(() => true),
    EditorView.lineWrapping,
  ];
  const withPlugins = options.pluginExtensions !== false;
  const ordered = [options.coreCodeBlocks === false ? [] : core, withPlugins ? plugins.of(pluginExtensions()) : []];
  extensions.push(...(options.coreFirst !== false ? ordered : ordered.reverse()), ...(options.extensions ?? []));
  editor = new EditorView({ parent: host, state: EditorState.create({ doc: app.vault.readNow(file), extensions }) });
  const view = editor;
  if (withPlugins) app.workspace.onEditorOptions = () => view.dispatch({ effects: plugins.reconfigure(pluginExtensions()) });
  return {
    view,
    destroy() {
      if (withPlugins) app.workspace.onEditorOptions = null;
      view.destroy();
    },
  };
}

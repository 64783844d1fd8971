/** The widgets an editor's decorations hold, in document order: to tell a widget kept through an edit from one built anew. */
import type { EditorState } from "@codemirror/state";
import { EditorView, type WidgetType } from "@codemirror/view";

export function widgetsOf(state: EditorState): WidgetType[] {
  const widgets: WidgetType[] = [];
  for (const source of state.facet(EditorView.decorations)) {
    if (typeof source === "function") continue;
    for (let cursor = source.iter(); cursor.value; cursor.next()) {
      const widget = (cursor.value.spec as { widget?: WidgetType }).widget;
      if (widget) widgets.push(widget);
    }
  }
  return widgets;
}

/**
 * The editor state fields Obsidian exports (obsidian.d.ts: `editorInfoField: StateField<MarkdownFileInfo>`,
 * `editorLivePreviewField: StateField<boolean>`), as real CodeMirror fields. Obsidian sets them per
 * editor; a page that builds an editor provides them with `.init(...)`.
 */
import { StateField } from "@codemirror/state";
import type { TFile } from "./vault";

export interface FakeMarkdownFileInfo {
  app: unknown;
  file: TFile | null;
}

export const editorInfoField = StateField.define<FakeMarkdownFileInfo | null>({ create: () => null, update: (value) => value });
export const editorLivePreviewField = StateField.define<boolean>({ create: () => false, update: (value) => value });

/**
 * ```query blocks rendered by the plugin instead of core Search, in both modes, switched on and
 * off without a reload: the reading view through a patch of the static `postProcess`, Live Preview
 * through an editor extension in an array the plugin registered once. Open notes re-render at
 * each switch so their blocks change over at once.
 */
import type { Extension } from "@codemirror/state";
import { MarkdownView, Notice, type App } from "obsidian";
import { ReadingViewTakeover } from "./reading-view-takeover";

export class QueryBlockTakeover {
  private readonly readingView = new ReadingViewTakeover();

  /**
   * @param editorExtensions the array given to `registerEditorExtension`: Obsidian reads it again on
   *   `workspace.updateOptions()` (obsidian.d.ts, `Plugin.registerEditorExtension`).
   */
  constructor(
    private readonly app: App,
    private readonly editorExtensions: Extension[],
    private readonly livePreviewExtension: Extension,
  ) {}

  get isHolding(): boolean {
    return this.readingView.isInstalled;
  }

  /** As the setting says; when this Obsidian offers nothing to patch, a notice says so. */
  switchTo(take: boolean): void {
    if (!take) this.release();
    else if (!this.take()) new Notice("ATT&CK Vault could not render query blocks in this version of Obsidian; attack-query blocks still work.");
  }

  /** False when this Obsidian offers nothing to patch; `attack-query` blocks work regardless. */
  take(): boolean {
    if (this.isHolding) return true;
    if (!this.readingView.install()) return false;
    this.editorExtensions.push(this.livePreviewExtension);
    this.refreshOpenNotes();
    return true;
  }

  release(): void {
    if (!this.isHolding) return;
    this.readingView.uninstallPatch();
    this.editorExtensions.length = 0;
    this.refreshOpenNotes();
  }

  private refreshOpenNotes(): void {
    const { workspace } = this.app;
    workspace.onLayoutReady(() => {
      for (const leaf of workspace.getLeavesOfType("markdown")) {
        if (leaf.view instanceof MarkdownView) leaf.view.previewMode.rerender(true);
      }
      workspace.updateOptions();
    });
  }
}

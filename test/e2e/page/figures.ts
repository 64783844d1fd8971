/**
 * Timings for the benchmark's target 8, taken in the page with performance.now(): the
 * panel's first render for the whole vault and the render of one note's query blocks, each
 * against the same rows drawn as plain <div>s, detached then attached, layout forced.
 */
import type AttackVaultPlugin from "../../../src/main";
import { coverageRows } from "../../../src/core/coverage";
import { findCodeBlocks } from "../../../src/core/query-blocks";
import { COVERAGE_VIEW_TYPE } from "../../../src/ui/coverage-view";
import { Component, MarkdownRenderer, type App, type MarkdownPostProcessorContext } from "../../fakes/obsidian";
import type { BrowserFigures } from "./e2e-api";

/** The baseline: one plain div per row with its text, built detached, attached, laid out. */
function plainRowsMs(rowTexts: readonly string[], stage: HTMLElement): number {
  const start = performance.now();
  const container = document.createElement("div");
  for (const text of rowTexts) {
    const row = document.createElement("div");
    row.textContent = text;
    container.appendChild(row);
  }
  stage.appendChild(container);
  void container.offsetHeight;
  const elapsed = performance.now() - start;
  container.remove();
  return elapsed;
}

/** The note's ```query blocks through the reading view's static pipeline, as a section holding them renders. */
function noteBlocksMs(app: App, notePath: string): { ms: number; rowTexts: string[]; stage: HTMLElement } {
  const file = app.vault.getFileByPath(notePath);
  if (!file) throw new Error(`no note at ${notePath}`);
  const blocks = findCodeBlocks(app.vault.readNow(file), ["query"]);
  // Measured where the note would show: the main pane, at the reading view's width.
  const stage = app.workspace.rootSplit.containerEl.createDiv("markdown-preview-view markdown-rendered");
  const owner = new Component();
  owner.load();
  const start = performance.now();
  const sizer = createDiv("markdown-preview-sizer markdown-preview-section");
  for (const block of blocks) sizer.createEl("pre").createEl("code", { cls: `language-${block.language}`, text: `${block.query}\n` });
  const ctx: MarkdownPostProcessorContext = {
    docId: "e2e-figures", sourcePath: notePath, frontmatter: undefined, promises: [], el: sizer, containerEl: stage,
    addChild: (child) => owner.addChild(child),
    getSectionInfo: () => null,
  };
  MarkdownRenderer.postProcess(app, ctx);
  stage.appendChild(sizer);
  void sizer.offsetHeight;
  const ms = performance.now() - start;
  if (sizer.querySelectorAll(".attack-vault-block").length !== blocks.length) throw new Error("the plugin did not render every block of the note");
  const rowTexts = Array.from(sizer.querySelectorAll(".attack-vault-block-header, .attack-vault-item"), (row) => row.textContent ?? "");
  owner.unload();
  sizer.remove();
  return { ms, rowTexts, stage };
}

export async function measureFirstRenders(app: App, plugin: AttackVaultPlugin, notePath: string, vault: string): Promise<BrowserFigures> {
  const note = noteBlocksMs(app, notePath);
  const noteBaselineMs = plainRowsMs(note.rowTexts, note.stage);
  note.stage.remove();

  const start = performance.now();
  await plugin.openCoverage();
  const view = app.workspace.getLeavesOfType(COVERAGE_VIEW_TYPE)[0]?.view as { contentEl: HTMLElement } | undefined;
  if (!view) throw new Error("the coverage panel did not open");
  void view.contentEl.offsetHeight;
  const panelFirstRenderMs = performance.now() - start;
  const panelRows = Array.from(view.contentEl.querySelectorAll(".attack-vault-tactic-header, .attack-vault-technique"), (row) => row.textContent ?? "");
  const panelBaselineMs = plainRowsMs(panelRows, view.contentEl.parentElement ?? view.contentEl);

  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return {
    panelFirstRenderMs: round(panelFirstRenderMs),
    panelBaselineMs: round(panelBaselineMs),
    noteBlocksRenderMs: round(note.ms),
    noteBaselineMs: round(noteBaselineMs),
    vault,
    techniques: coverageRows(plugin.service.index, { rollup: plugin.settings.rollUpSubTechniques }).length,
  };
}

/** ATT&CK Vault: wiring only. The logic lives in core/, the app's side in obsidian/, drawing in ui/. */
import type { Extension } from "@codemirror/state";
import { MarkdownPreviewRenderer, Notice, Plugin, type MarkdownPostProcessorContext } from "obsidian";
import { coverageRows, nextGap, type CoverageFilter } from "./core/coverage";
import { GAPS_SECTION } from "./core/coverage-words";
import { sameConventions, settingsFromData, type AttackVaultSettings } from "./core/settings-data";
import { IndexService } from "./obsidian/index-service";
import { exportLayer, localDate } from "./obsidian/layer-export";
import { createAttackVaultApi, type AttackVaultApi } from "./obsidian/public-api";
import { HOVER_SOURCE_ID } from "./obsidian/internal-links";
import { liveQueryBlocks } from "./obsidian/live-preview-blocks";
import { QueryBlockTakeover } from "./obsidian/query-takeover";
import { TAKEN_QUERY_LANGUAGE } from "./obsidian/reading-view-takeover";
import { AttackVaultSettingTab, type SettingsHost } from "./settings";
import { CoverageView, COVERAGE_VIEW_TYPE } from "./ui/coverage-view";
import { QueryBlockChild } from "./ui/query-block-child";

export default class AttackVaultPlugin extends Plugin implements SettingsHost {
  declare settings: AttackVaultSettings;
  service!: IndexService;
  /** For other plugins and dataviewjs: `app.plugins.plugins["attack-vault"].api`. */
  api!: AttackVaultApi;
  private takeover!: QueryBlockTakeover;

  override async onload(): Promise<void> {
    this.settings = settingsFromData(await this.loadData());
    this.service = this.addChild(new IndexService(this.app, this.settings));
    this.api = createAttackVaultApi(this.service, () => this.settings.rollUpSubTechniques);
    const rollUp = (): boolean => this.settings.rollUpSubTechniques;
    this.registerView(COVERAGE_VIEW_TYPE, (leaf) => new CoverageView(leaf, { service: this.service, rollUpSubTechniques: rollUp, exportLayer: (filter) => this.exportLayer(filter) }));
    this.registerHoverLinkSource(HOVER_SOURCE_ID, { display: "ATT&CK Vault", defaultMod: false });

    const renderBlock = (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext): void => {
      ctx.addChild(new QueryBlockChild(el, source, ctx.sourcePath, this.app, this.service));
    };
    // attack-query blocks are ours alone, so they may use technique: as well as Obsidian's search syntax.
    this.registerMarkdownCodeBlockProcessor("attack-query", (source, el, ctx) => {
      ctx.addChild(new QueryBlockChild(el, source, ctx.sourcePath, this.app, this.service, "attack"));
    });
    // ```query blocks the reading-view takeover renamed reach Obsidian's own code block closure for this language.
    this.registerMarkdownPostProcessor(MarkdownPreviewRenderer.createCodeBlockPostProcessor(TAKEN_QUERY_LANGUAGE, renderBlock));
    const editorExtensions: Extension[] = [];
    this.registerEditorExtension(editorExtensions);
    const renderLiveBlock = (source: string, el: HTMLElement, sourcePath: string): (() => void) => {
      const child = this.addChild(new QueryBlockChild(el, source, sourcePath, this.app, this.service));
      return () => this.removeChild(child);
    };
    this.takeover = new QueryBlockTakeover(this.app, editorExtensions, liveQueryBlocks(renderLiveBlock));
    this.register(() => this.switchTakeover(false));
    this.switchTakeover(this.settings.takeOverQueryBlocks);

    this.addRibbonIcon("shield-check", "Open ATT&CK coverage", () => void this.openCoverage());
    this.addCommand({ id: "open-coverage", name: "Open ATT&CK coverage", callback: () => void this.openCoverage() });
    this.addCommand({ id: "next-uncovered-technique", name: "Go to next uncovered technique", callback: () => this.openNextGap() });
    this.addCommand({ id: "export-navigator-layer", name: "Export ATT&CK Navigator layer", callback: () => void this.exportLayer({}) });
    this.addSettingTab(new AttackVaultSettingTab(this.app, this));
  }

  async updateSettings(update: Partial<AttackVaultSettings>): Promise<void> {
    const before = this.settings;
    this.settings = settingsFromData({ ...before, ...update });
    await this.saveData(this.settings);
    if (before.takeOverQueryBlocks !== this.settings.takeOverQueryBlocks) this.switchTakeover(this.settings.takeOverQueryBlocks);
    // New conventions mean a new index; a new rollup only a redraw of what is open.
    if (!sameConventions(before, this.settings)) this.service.rebuild(this.settings);
    else if (before.rollUpSubTechniques !== this.settings.rollUpSubTechniques) this.service.redrawAll();
  }

  /** Take ```query over from core Search or give it back; open notes switch over at once. */
  private switchTakeover(take: boolean): void {
    if (!take) this.takeover.release();
    else if (!this.takeover.take()) new Notice("ATT&CK Vault could not render query blocks in this version of Obsidian; attack-query blocks still work.");
  }

  async openCoverage(): Promise<void> {
    const { workspace } = this.app;
    const leaf = workspace.getLeavesOfType(COVERAGE_VIEW_TYPE)[0] ?? workspace.getRightLeaf(false);
    if (!leaf) return;
    if (leaf.view.getViewType() !== COVERAGE_VIEW_TYPE) await leaf.setViewState({ type: COVERAGE_VIEW_TYPE, active: true });
    await workspace.revealLeaf(leaf);
  }

  /** A new layer file in the vault, named with today's date. */
  async exportLayer(filter: CoverageFilter): Promise<string | null> {
    if (!this.service.ready) return null;
    return exportLayer(this.app, { index: this.service.index, rollup: this.settings.rollUpSubTechniques, scoring: "count", filter, date: localDate(new Date()) });
  }

  private openNextGap(): void {
    const active = this.app.workspace.getActiveFile();
    const current = active ? this.service.index.get(active.path) : undefined;
    const currentId = current?.kind === "technique" ? (current.techniqueIds[0] ?? null) : null;
    const next = nextGap(coverageRows(this.service.index, { rollup: this.settings.rollUpSubTechniques }), currentId);
    if (next) void this.app.workspace.openLinkText(next.note, active?.path ?? "", false);
    else new Notice(GAPS_SECTION.none);
  }
}

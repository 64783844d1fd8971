/** ATT&CK Vault: wiring only. The logic lives in core/, the app's side in obsidian/, drawing in ui/. */
import type { Extension } from "@codemirror/state";
import { MarkdownPreviewRenderer, Plugin, type MarkdownPostProcessorContext } from "obsidian";
import type { CoverageFilter } from "./core/coverage";
import { sameConventions, settingsFromData, type AttackVaultSettings } from "./core/settings-data";
import { IndexService } from "./obsidian/index-service";
import { exportTodaysLayer } from "./obsidian/layer-export";
import { openNextGap } from "./obsidian/next-gap";
import { createAttackVaultApi, type AttackVaultApi } from "./obsidian/public-api";
import { HOVER_SOURCE_ID } from "./obsidian/internal-links";
import { liveQueryBlocks } from "./obsidian/live-preview-blocks";
import { QueryBlockTakeover } from "./obsidian/query-takeover";
import { TAKEN_QUERY_LANGUAGE } from "./obsidian/reading-view-takeover";
import { AttackVaultSettingTab, type SettingsHost } from "./settings";
import { CoverageView, COVERAGE_VIEW_TYPE, revealCoverageView } from "./ui/coverage-view";
import { askToOverwrite } from "./ui/overwrite-modal";
import { QueryBlockChild } from "./ui/query-block-child";

export default class AttackVaultPlugin extends Plugin implements SettingsHost {
  declare settings: AttackVaultSettings;
  service!: IndexService;
  /** For other plugins and dataviewjs: `app.plugins.plugins["attack-vault"].api`. */
  api!: AttackVaultApi;
  private takeover!: QueryBlockTakeover;

  override async onload(): Promise<void> {
    this.settings = settingsFromData(await this.loadData());
    this.service = this.addChild(new IndexService(this.app, this.settings, () => this.settings.rollUpSubTechniques));
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
    this.register(() => this.takeover.switchTo(false));
    this.takeover.switchTo(this.settings.takeOverQueryBlocks);

    this.addRibbonIcon("shield-check", "Open ATT&CK coverage", () => void this.openCoverage());
    this.addCommand({ id: "open-coverage", name: "Open ATT&CK coverage", callback: () => void this.openCoverage() });
    this.addCommand({ id: "next-uncovered-technique", name: "Go to next uncovered technique", callback: () => openNextGap(this.app, this.service.index, this.settings.rollUpSubTechniques) });
    this.addCommand({ id: "export-navigator-layer", name: "Export ATT&CK Navigator layer", callback: () => void this.exportLayer({}) });
    this.addSettingTab(new AttackVaultSettingTab(this.app, this));
  }

  async updateSettings(update: Partial<AttackVaultSettings>): Promise<void> {
    const before = this.settings;
    this.settings = settingsFromData({ ...before, ...update });
    await this.saveData(this.settings);
    if (before.takeOverQueryBlocks !== this.settings.takeOverQueryBlocks) this.takeover.switchTo(this.settings.takeOverQueryBlocks);
    // New conventions mean a new index; a new rollup only a redraw of what is open.
    if (!sameConventions(before, this.settings)) this.service.rebuild(this.settings);
    else if (before.rollUpSubTechniques !== this.settings.rollUpSubTechniques) this.service.redrawAll();
  }

  openCoverage(): Promise<void> {
    return revealCoverageView(this.app.workspace);
  }

  /** A new layer file in the vault, named with today's date; an existing one is replaced only if the person says so. */
  exportLayer(filter: CoverageFilter): Promise<string | null> {
    return exportTodaysLayer(this.app, this.service, { rollup: this.settings.rollUpSubTechniques, filter }, (path) => askToOverwrite(this.app, path));
  }
}

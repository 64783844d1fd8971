/**
 * The coverage panel: a summary, filters, the matrix by tactic, and the vault's problems.
 * Its filters are view state, so Obsidian restores them with the workspace.
 */
import { ItemView, debounce, type Workspace, type WorkspaceLeaf } from "obsidian";
import { computeCoverage, platformChoices, tacticChoices, type CoverageCounts, type CoverageFilter, type CoverageReport } from "../core/coverage";
import { indexProblems } from "../core/vault-problems";
import type { IndexService } from "../obsidian/index-service";
import { createInternalLink, wireInternalLinks } from "../obsidian/internal-links";
import { attackRelease } from "../core/attack-catalogue";
import { compareWithAttack } from "../core/attack-coverage";
import { renderAttackSections } from "./coverage-attack-sections";
import { summaryParts } from "../core/coverage-words";
import { indexingText } from "../core/wording";
import { renderMatrix, type MatrixState } from "./coverage-matrix";
import { DrawnRevision, redrawWhenShown } from "./redraw-when-shown";
import { profileSummaryText } from "../core/coverage-words";
import { threatProfiles, type ThreatProfile } from "../core/threat-profiles";
import { topGaps } from "../core/top-gaps";
import type { IndexChange } from "../core/vault-index";
import { ProfilePicker } from "./profile-picker";
import { renderTopGaps, TOP_GAPS_SHOWN, type TopGapsState } from "./top-gaps-section";

export const COVERAGE_VIEW_TYPE = "attack-vault-coverage";

export interface CoverageViewState extends Record<string, unknown> {
  platform: string;
  tactic: string;
  onlyGaps: boolean;
  text: string;
  /** The chosen threat profile's note; empty for none. */
  profile: string;
}

const NO_FILTER: CoverageViewState = { platform: "", tactic: "", onlyGaps: false, text: "", profile: "" };

interface PanelParts {
  summary: HTMLElement;
  text: HTMLInputElement;
  platform: HTMLSelectElement;
  tactic: HTMLSelectElement;
  onlyGaps: HTMLInputElement;
  clear: HTMLButtonElement;
  profile: ProfilePicker;
  topGaps: HTMLElement;
  body: HTMLElement;
  problems: HTMLElement;
  attack: HTMLElement;
}

/** Refill a picker only when its choices changed, keeping the chosen value. */
function fillChoices(select: HTMLSelectElement, allLabel: string, choices: string[], value: string): void {
  const current = Array.from(select.options, (option) => option.value).slice(1);
  if (current.length !== choices.length || current.some((choice, i) => choice !== choices[i])) {
    select.empty();
    select.createEl("option", { text: allLabel, value: "" });
    for (const choice of choices) select.createEl("option", { text: choice, value: choice });
  }
  select.value = choices.includes(value) ? value : "";
}

/** Shows the panel, in the right sidebar unless it is open elsewhere already. */
export async function revealCoverageView(workspace: Workspace): Promise<void> {
  const leaf = workspace.getLeavesOfType(COVERAGE_VIEW_TYPE)[0] ?? workspace.getRightLeaf(false);
  if (!leaf) return;
  if (leaf.view.getViewType() !== COVERAGE_VIEW_TYPE) await leaf.setViewState({ type: COVERAGE_VIEW_TYPE, active: true });
  await workspace.revealLeaf(leaf);
}

export interface CoverageViewHost {
  service: IndexService;
  rollUpSubTechniques(): boolean;
  /** Write the coverage under this filter as a Navigator layer file. */
  exportLayer(filter: CoverageFilter): Promise<unknown>;
}

export class CoverageView extends ItemView {
  private filters: CoverageViewState = { ...NO_FILTER };
  private readonly matrixState: MatrixState = { collapsedTactics: new Set(), expandedParents: new Set() };
  private readonly topGapsState: TopGapsState = { open: true, shown: TOP_GAPS_SHOWN };
  private parts: PanelParts | null = null;
  /** The index's profile revision the picker was last filled at: a profile listing no technique still moves the picker. */
  private drawnProfiles = -1;
  /** The whole panel: coverage moves with technique, rule, test and profile notes only. */
  private readonly drawnCoverage: DrawnRevision;
  /** The vault's problems, which any note can gain or lose, and no filter changes. */
  private readonly drawnProblems: DrawnRevision;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: CoverageViewHost,
  ) {
    super(leaf);
    this.drawnCoverage = new DrawnRevision(host.service);
    this.drawnProblems = new DrawnRevision(host.service);
  }

  getViewType(): string {
    return COVERAGE_VIEW_TYPE;
  }

  getDisplayText(): string {
    return "ATT&CK coverage";
  }

  override getIcon(): string {
    return "shield-check";
  }

  override getState(): Record<string, unknown> {
    return { ...this.filters };
  }

  override async setState(state: unknown, result: Parameters<ItemView["setState"]>[1]): Promise<void> {
    const stored = (state ?? {}) as Partial<CoverageViewState>;
    this.filters = {
      platform: typeof stored.platform === "string" ? stored.platform : "",
      tactic: typeof stored.tactic === "string" ? stored.tactic : "",
      onlyGaps: stored.onlyGaps === true,
      text: typeof stored.text === "string" ? stored.text : "",
      profile: typeof stored.profile === "string" ? stored.profile : "",
    };
    await super.setState(state, result);
    this.render();
  }

  override async onOpen(): Promise<void> {
    this.contentEl.addClass("attack-vault-coverage");
    wireInternalLinks(this, this.app, this.contentEl, () => "", this);
    redrawWhenShown(this, this.app, this.host.service, this.contentEl, [
      { mark: this.drawnCoverage, affects: (change) => this.coverageMoved(change), draw: () => this.render() },
      { mark: this.drawnProblems, affects: () => true, draw: () => this.redrawProblems() },
    ]);
    this.render();
    return Promise.resolve();
  }

  get currentFilter(): CoverageFilter {
    return {
      platform: this.filters.platform || undefined,
      tactic: this.filters.tactic || undefined,
      status: this.filters.onlyGaps ? "gaps" : undefined,
      text: this.filters.text || undefined,
      profile: this.chosenProfile()?.path,
    };
  }

  /** Only technique, rule, test and profile notes move what the panel draws above its problems. */
  private coverageMoved(change: IndexChange): boolean {
    return change.everything || change.techniqueIds.size > 0 || this.host.service.index.profileRevision !== this.drawnProfiles;
  }

  /** The chosen profile, while the vault still has it. */
  private chosenProfile(): ThreatProfile | null {
    if (this.filters.profile === "" || !this.host.service.ready) return null;
    return threatProfiles(this.host.service.index).find((profile) => profile.path === this.filters.profile) ?? null;
  }

  private setFilter(update: Partial<CoverageViewState>): void {
    this.filters = { ...this.filters, ...update };
    this.app.workspace.requestSaveLayout();
    this.render();
  }

  render(): void {
    const { service } = this.host;
    this.drawnCoverage.markDrawn();
    if (!service.ready) {
      this.contentEl.empty();
      this.parts = null;
      this.drawnProblems.forget();
      this.contentEl.createDiv({ cls: "attack-vault-pending", text: indexingText(service.progress) });
      return;
    }
    const parts = this.parts ?? this.buildParts();
    const rollup = this.host.rollUpSubTechniques();
    const filter = this.currentFilter;
    const report = computeCoverage(service.index, { rollup, filter });
    this.drawnProfiles = service.index.profileRevision;
    parts.profile.update(threatProfiles(service.index), this.chosenProfile());
    this.renderSummary(parts.summary, report);
    fillChoices(parts.platform, "All platforms", platformChoices(report.allRows), this.filters.platform);
    fillChoices(parts.tactic, "All tactics", tacticChoices(report.allRows).map((tactic) => tactic.name), this.filters.tactic);
    if (parts.text.ownerDocument.activeElement !== parts.text) parts.text.value = this.filters.text;
    parts.onlyGaps.checked = this.filters.onlyGaps;
    parts.clear.toggleClass("is-hidden", !this.hasFilter());
    renderTopGaps(parts.topGaps, (limit) => topGaps(service.index, report, filter, limit), service.index, this.topGapsState);
    parts.body.empty();
    renderMatrix(parts.body, report, this.matrixState);
    if (this.drawnProblems.isBehind) this.renderProblems(parts.problems);
    renderAttackSections(parts.attack, compareWithAttack(service.index, report, attackRelease(), filter));
  }

  /** The panel's fixed parts, built once so typing in the filter never loses focus. */
  private buildParts(): PanelParts {
    this.contentEl.empty();
    const summary = this.contentEl.createDiv({ cls: "attack-vault-summary" });
    const bar = this.contentEl.createDiv({ cls: "attack-vault-filters" });
    const text = bar.createEl("input", { cls: "attack-vault-filter-text", type: "search", placeholder: "Filter by ID or name" });
    const applyText = debounce((value: string) => this.setFilter({ text: value }), 200, true);
    this.registerDomEvent(text, "input", () => applyText(text.value));
    // Three lines at any width: the search box, the two pickers side by side, the switches and the export button.
    const pickers = bar.createDiv({ cls: "attack-vault-filter-pickers" });
    const platform = pickers.createEl("select", { cls: "attack-vault-filter-platform", attr: { "aria-label": "Platform" } });
    this.registerDomEvent(platform, "change", () => this.setFilter({ platform: platform.value }));
    const tactic = pickers.createEl("select", { cls: "attack-vault-filter-tactic", attr: { "aria-label": "Tactic" } });
    this.registerDomEvent(tactic, "change", () => this.setFilter({ tactic: tactic.value }));
    const profile = new ProfilePicker(pickers, this, (chosen) => this.setFilter({ profile: chosen?.path ?? "" }));
    const actions = bar.createDiv({ cls: "attack-vault-filter-actions" });
    const gapsLabel = actions.createEl("label", { cls: "attack-vault-filter-gaps" });
    const onlyGaps = gapsLabel.createEl("input", { type: "checkbox" });
    gapsLabel.appendText("Only gaps");
    this.registerDomEvent(onlyGaps, "change", () => this.setFilter({ onlyGaps: onlyGaps.checked }));
    const clear = actions.createEl("button", { cls: "attack-vault-filter-clear", text: "Clear filters" });
    this.registerDomEvent(clear, "click", () => this.setFilter({ ...NO_FILTER }));
    const exportButton = actions.createEl("button", { cls: "attack-vault-export", text: "Export layer", attr: { "aria-label": "Export this view as an ATT&CK Navigator layer" } });
    this.registerDomEvent(exportButton, "click", () => void this.host.exportLayer(this.currentFilter));
    const topGapsSection = this.contentEl.createDiv({ cls: "attack-vault-top-gaps-section" });
    const body = this.contentEl.createDiv({ cls: "attack-vault-coverage-body" });
    const problems = this.contentEl.createDiv({ cls: "attack-vault-problems" });
    const attack = this.contentEl.createDiv({ cls: "attack-vault-attack" });
    this.parts = { summary, text, platform, tactic, onlyGaps, clear, profile, topGaps: topGapsSection, body, problems, attack };
    return this.parts;
  }

  private renderSummary(summary: HTMLElement, report: CoverageReport): void {
    summary.empty();
    const line = (label: string, counts: CoverageCounts, cls: string): void => {
      const row = summary.createDiv({ cls: `attack-vault-summary-row ${cls}` });
      row.createSpan({ cls: "attack-vault-summary-label", text: label });
      const parts = summaryParts(counts);
      row.createSpan({ cls: "attack-vault-summary-techniques", text: parts.techniques });
      row.createSpan({ cls: "attack-vault-summary-rules", text: parts.withRule });
      row.createSpan({ cls: "attack-vault-summary-tests", text: parts.withTest });
      row.createSpan({ cls: "attack-vault-summary-gaps", text: parts.gaps });
    };
    line("All", report.overall, "is-overall");
    if (report.profiles) summary.createDiv({ cls: "attack-vault-summary-row attack-vault-summary-profile", text: profileSummaryText(report.profiles) });
    // A profile alone has its own line; the other filters, with or without it, the filtered counts.
    if (this.hasFilter(false)) line("Filtered", report.filtered, "is-filtered");
  }

  /** Whether a filter narrows the panel: the platform, tactic, gaps or text filter, and with `profile` the picked profile too. */
  private hasFilter(profile = true): boolean {
    const { platform, tactic, onlyGaps, text } = this.filters;
    return platform !== "" || tactic !== "" || onlyGaps || text.trim() !== "" || (profile && this.chosenProfile() !== null);
  }

  private redrawProblems(): void {
    if (this.parts) this.renderProblems(this.parts.problems);
  }

  /** Problems do not depend on the filters: drawn again only when the index changed. */
  private renderProblems(section: HTMLElement): void {
    const { index } = this.host.service;
    this.drawnProblems.markDrawn();
    section.empty();
    const problems = indexProblems(index);
    if (problems.length === 0) return;
    section.createDiv({ cls: "attack-vault-problems-title", text: `Vault problems (${problems.length})` });
    const list = section.createEl("ul");
    for (const problem of problems) {
      const item = list.createEl("li");
      createInternalLink(item, problem.path, problem.path);
      item.appendText(` ${problem.message}`);
    }
  }
}

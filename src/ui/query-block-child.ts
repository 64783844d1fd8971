/**
 * One rendered ```query block. It keeps no state of its own: what it shows is derived
 * from its source and the index each time, because Obsidian destroys and recreates
 * blocks freely. It redraws only when a change touches it, and only while it is shown.
 */
import { MarkdownRenderChild, type App } from "obsidian";
import { blockHeading, blockItems, blockSubject, emptyStateText, isAffectedBy, type BlockDependencies, type BlockSubject } from "../core/query-block-view";
import type { QueryDialect, QueryError, QueryNode } from "../core/query/ast";
import { emptyQueryReport, evaluateQuery, queryTags } from "../core/query/evaluate";
import { queryHints } from "../core/query/hints";
import { parseQuery } from "../core/query/parse";
import type { Result } from "../core/result";
import { indexingText } from "../core/wording";
import type { IndexChange } from "../core/vault-index";
import type { IndexService } from "../obsidian/index-service";
import { wireInternalLinks } from "../obsidian/internal-links";
import { renderNoteList, renderQueryWarning } from "./note-list";
import { DrawnRevision, redrawWhenShown } from "./redraw-when-shown";
import { renderProfilesLine } from "./profiles-line";
import { parentTechniqueId } from "../core/technique-id";
import { findProfiles, threatProfiles } from "../core/threat-profiles";

export class QueryBlockChild extends MarkdownRenderChild {
  private readonly parsed: Result<QueryNode, QueryError>;
  private readonly dependencies: BlockDependencies | null;
  private readonly drawnRevision: DrawnRevision;

  constructor(
    containerEl: HTMLElement,
    source: string,
    private readonly sourcePath: string,
    private readonly app: App,
    private readonly service: IndexService,
    /** `obsidian` for ```query blocks, whose results must be core Search's; `attack` for ```attack-query. */
    private readonly dialect: QueryDialect = "obsidian",
  ) {
    super(containerEl);
    this.parsed = parseQuery(source, dialect);
    this.dependencies = this.parsed.ok ? queryTags(this.parsed.value) : null;
    this.drawnRevision = new DrawnRevision(service);
  }

  override onload(): void {
    this.containerEl.addClass("attack-vault-block-host");
    wireInternalLinks(this, this.app, this.containerEl, () => this.sourcePath, this);
    const dependencies = this.dependencies;
    redrawWhenShown(this, this.app, this.service, this.containerEl, [
      { mark: this.drawnRevision, affects: (change) => dependencies !== null && (isAffectedBy(dependencies, change) || this.namesProfilesOf(change)), draw: () => this.render() },
    ]);
    this.render();
  }

  /** The technique whose profiles the block's last line names: a rules block's, once drawn. */
  private profilesOf: string | null = null;

  /** A change to a profile listing the technique, or one of its sub-techniques, redraws the line of profiles. */
  private namesProfilesOf(change: IndexChange): boolean {
    const id = this.profilesOf;
    if (id === null) return false;
    for (const changed of change.techniqueIds) if (changed === id || parentTechniqueId(changed) === id) return true;
    return false;
  }

  render(): void {
    this.drawnRevision.markDrawn();
    this.containerEl.empty();
    const root = this.containerEl.createDiv({ cls: "attack-vault-block" });
    if (!this.parsed.ok) {
      this.renderError(root, this.parsed.error);
      return;
    }
    const subject = blockSubject(this.parsed.value, this.service.index.conventions);
    if (!this.service.ready) {
      this.renderHeader(root, subject, null);
      root.createDiv({ cls: "attack-vault-pending", text: indexingText(this.service.progress) });
      return;
    }
    const report = emptyQueryReport();
    const { index } = this.service;
    const paths = evaluateQuery(this.parsed.value, index, report, { rollup: this.service.rollUp() });
    this.renderHeader(root, subject, paths.length);
    if (paths.length === 0) {
      root.addClass("attack-vault-block-empty");
      const profileFound = subject.profile === undefined || findProfiles(threatProfiles(index), subject.profile).length > 0;
      root.createDiv({ cls: "attack-vault-gap", text: emptyStateText(subject, profileFound) });
    } else {
      renderNoteList(root, blockItems(paths, this.service.index, subject));
    }
    for (const hint of queryHints(this.parsed.value, this.service.index, this.dialect)) root.createDiv({ cls: "attack-vault-hint", text: hint });
    renderQueryWarning(root, report);
    // Under a technique's rules block, outside it: how many threat profiles use the technique, which ranks the gap.
    this.profilesOf = subject.listKind === "rules" ? subject.techniqueId : null;
    if (this.profilesOf) renderProfilesLine(this.containerEl, index, this.profilesOf);
  }

  private renderHeader(root: HTMLElement, subject: BlockSubject, count: number | null): void {
    const header = root.createDiv({ cls: "attack-vault-block-header" });
    header.createSpan({ cls: "attack-vault-block-title", text: blockHeading(subject) });
    if (count !== null) header.createSpan({ cls: "attack-vault-block-count", text: ` · ${count}` });
  }

  private renderError(root: HTMLElement, error: QueryError): void {
    root.addClass("attack-vault-block-error");
    const title = error.kind === "unsupported" ? "Not supported here" : error.kind === "empty" ? "Empty query" : "Query error";
    root.createDiv({ cls: "attack-vault-block-header", text: title });
    root.createDiv({ cls: "attack-vault-error-message", text: error.message });
  }
}

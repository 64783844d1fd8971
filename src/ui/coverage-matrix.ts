/**
 * The matrix part of the coverage panel: one group per tactic in ATT&CK order, each
 * technique with its status, counts and link; sub-techniques folded under their parent.
 * Rows of a group are drawn when the group is first opened, so a large vault stays quick.
 */
import type { CoverageReport, CoverageRow, TacticCoverage } from "../core/coverage";
import { createInternalLink } from "../obsidian/internal-links";
import { parentTechniqueId } from "../core/technique-id";
import { ruleAndTestCounts, summaryParts } from "../core/coverage-words";
import { plural } from "../core/wording";
import { STATUS_LABELS } from "./coverage-labels";

export interface MatrixState {
  /** Tactic groups the reader folded. */
  collapsedTactics: Set<string>;
  /** Parent techniques whose sub-techniques are shown, per tactic (`tactic|id`). */
  expandedParents: Set<string>;
}

function renderStatus(parent: HTMLElement, row: CoverageRow): void {
  const label = STATUS_LABELS[row.status];
  const status = parent.createSpan({ cls: `attack-vault-status attack-vault-status-${row.status}`, attr: { title: label.text } });
  status.createSpan({ cls: "attack-vault-status-mark", text: label.mark, attr: { "aria-hidden": "true" } });
  status.createSpan({ cls: "attack-vault-status-text", text: label.text });
}

/**
 * A row in two lines beside a column for the sub-technique toggle, the same width in every row:
 * the ID and the name (which wraps beside the ID, never away from it), then the status and the
 * counts, so every row's lines start at one indent.
 */
function renderRow(list: HTMLElement, row: CoverageRow, isSub: boolean): { item: HTMLElement; toggleSlot: HTMLElement } {
  const item = list.createDiv({ cls: `attack-vault-technique attack-vault-status-${row.status}${isSub ? " is-sub-technique" : ""}`, attr: { "data-technique": row.id } });
  const toggleSlot = item.createDiv({ cls: "attack-vault-subs-slot" });
  const body = item.createDiv({ cls: "attack-vault-technique-body" });
  const title = body.createDiv({ cls: "attack-vault-technique-title" });
  title.createSpan({ cls: "attack-vault-technique-id", text: row.id });
  createInternalLink(title, row.note, row.name, "attack-vault-technique-name");
  const facts = body.createDiv({ cls: "attack-vault-technique-facts" });
  renderStatus(facts, row);
  const counts = facts.createSpan({ cls: "attack-vault-technique-counts", text: ruleAndTestCounts(row.rules.length, row.tests.length) });
  if (row.viaSubTechniquesOnly) counts.createSpan({ cls: "attack-vault-rollup-note", text: " (via sub-techniques)" });
  return { item, toggleSlot };
}

/** Rows of one tactic: parents and stand-alone techniques, each parent's sub-techniques under it. */
function nestRows(rows: readonly CoverageRow[]): Array<{ row: CoverageRow; subs: CoverageRow[] }> {
  const present = new Set(rows.map((row) => row.id));
  const nested = new Map<string, { row: CoverageRow; subs: CoverageRow[] }>();
  const top: Array<{ row: CoverageRow; subs: CoverageRow[] }> = [];
  for (const row of rows) {
    const parentId = parentTechniqueId(row.id);
    const parent = parentId && present.has(parentId) ? nested.get(parentId) : undefined;
    if (parent) parent.subs.push(row);
    else {
      const entry = { row, subs: [] };
      nested.set(row.id, entry);
      top.push(entry);
    }
  }
  return top;
}

function renderGroupRows(body: HTMLElement, group: TacticCoverage, state: MatrixState): void {
  const nested = nestRows(group.rows);
  // The height a tactic below the fold holds until it is laid out (styles.css): its rows', roughly.
  body.setCssProps({ "--attack-vault-rows": String(nested.length) });
  for (const { row, subs } of nested) {
    const { toggleSlot } = renderRow(body, row, false);
    if (subs.length === 0) continue;
    const key = `${group.tactic.name}|${row.id}`;
    const toggle = toggleSlot.createEl("button", {
      cls: "attack-vault-subs-toggle",
      text: `${subs.length} sub`,
      attr: { "aria-expanded": "false", "aria-label": `Show ${plural(subs.length, "sub-technique")} of ${row.id}` },
    });
    const subList = body.createDiv({ cls: "attack-vault-sub-techniques" });
    const show = (expanded: boolean): void => {
      toggle.setAttribute("aria-expanded", String(expanded));
      subList.toggleClass("is-collapsed", !expanded);
      if (expanded && subList.childElementCount === 0) subs.forEach((sub) => renderRow(subList, sub, true));
    };
    show(state.expandedParents.has(key));
    toggle.addEventListener("click", () => {
      const expanded = !state.expandedParents.has(key);
      if (expanded) state.expandedParents.add(key);
      else state.expandedParents.delete(key);
      show(expanded);
    });
  }
}

export function renderMatrix(parent: HTMLElement, report: CoverageReport, state: MatrixState): void {
  const matrix = parent.createDiv({ cls: "attack-vault-matrix" });
  if (report.tactics.length === 0) {
    matrix.createDiv({ cls: "attack-vault-empty", text: "No technique matches these filters." });
    return;
  }
  for (const group of report.tactics) {
    const section = matrix.createDiv({ cls: "attack-vault-tactic", attr: { "data-tactic": group.tactic.name } });
    const header = section.createEl("button", { cls: "attack-vault-tactic-header" });
    header.createSpan({ cls: "attack-vault-tactic-name", text: group.tactic.name });
    const counts = summaryParts(group);
    header.createSpan({ cls: "attack-vault-tactic-counts", text: `${counts.withRule} · ${counts.gaps}` });
    const body = section.createDiv({ cls: "attack-vault-tactic-body" });
    const show = (open: boolean): void => {
      header.setAttribute("aria-expanded", String(open));
      body.toggleClass("is-collapsed", !open);
      if (open && body.childElementCount === 0) renderGroupRows(body, group, state);
    };
    show(!state.collapsedTactics.has(group.tactic.name));
    header.addEventListener("click", () => {
      const open = state.collapsedTactics.has(group.tactic.name);
      if (open) state.collapsedTactics.delete(group.tactic.name);
      else state.collapsedTactics.add(group.tactic.name);
      show(open);
    });
  }
}

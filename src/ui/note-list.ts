/** The list of linked notes that blocks show: a title link and the facts that identify each note. */
import type { BlockItem } from "../core/query-block-view";
import { knownLevel } from "../core/sigma-level";
import { TOO_LARGE_TO_SEARCH, type QueryReport } from "../core/query/evaluate";
import { NAMES_LISTED } from "../core/wording";
import { createInternalLink } from "../obsidian/internal-links";

/** Long lists show this many until the reader asks for all. */
export const COLLAPSED_ITEM_COUNT = 20;

function renderItem(list: HTMLElement, item: BlockItem): void {
  const row = list.createEl("li", { cls: "attack-vault-item" });
  createInternalLink(row, item.path, item.title, "attack-vault-item-link");
  if (item.details.length === 0) return;
  const details = row.createSpan({ cls: "attack-vault-item-details" });
  for (const detail of item.details) {
    // A class from a fixed set: a level of `high attack-vault-show-all` must not add classes of its own.
    const level = knownLevel(item.level);
    const cls =
      detail.kind === "level"
        ? ["attack-vault-badge", "attack-vault-level", ...(level ? [`attack-vault-level-${level}`] : [])]
        : ["attack-vault-badge", `attack-vault-detail-${detail.kind}`];
    details.createSpan({ cls, text: detail.text, ...(detail.kind === "status" ? { attr: { title: "Sigma rule status" } } : {}) });
  }
}

export function renderNoteList(parent: HTMLElement, items: readonly BlockItem[], collapsedCount = COLLAPSED_ITEM_COUNT): HTMLElement {
  const list = parent.createEl("ul", { cls: "attack-vault-list" });
  const shown = items.length > collapsedCount + 5 ? collapsedCount : items.length;
  items.slice(0, shown).forEach((item) => renderItem(list, item));
  if (shown < items.length) {
    const more = parent.createEl("button", { cls: "attack-vault-show-all", text: `Show all ${items.length}` });
    more.addEventListener("click", () => {
      items.slice(shown).forEach((item) => renderItem(list, item));
      more.remove();
    });
  }
  return list;
}

/** The notes a property term gave up on, the first few linked; nothing when there are none. */
export function renderQueryWarning(parent: HTMLElement, report: QueryReport): void {
  const notes = report.propertiesTooLarge;
  if (notes.length === 0) return;
  const warning = parent.createDiv({ cls: "attack-vault-block-warning", text: "A property search read only part of the properties of " });
  const listed = notes.slice(0, NAMES_LISTED);
  listed.forEach((path, position) => {
    if (position > 0) warning.appendText(position === notes.length - 1 ? " and " : ", ");
    createInternalLink(warning, path, path);
  });
  const more = notes.length - listed.length;
  const them = notes.length === 1 ? "it" : "them";
  warning.appendText(`${more > 0 ? ` and ${more.toLocaleString("en-US")} more` : ""}, ${TOO_LARGE_TO_SEARCH}; this list may be wrong about ${them}.`);
}

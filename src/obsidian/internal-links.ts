/**
 * Links in our blocks and panel behave like Obsidian's own: click opens, Ctrl/Cmd-click
 * or middle-click opens a new tab, hover raises the page preview, right-click shows Obsidian's
 * link menu. Nothing of this comes for free in custom DOM, so one delegated set of
 * listeners per container does it.
 */
import { Keymap, Menu, TFile, type App, type Component } from "obsidian";

export const HOVER_SOURCE_ID = "attack-vault";

/** The `a.internal-link` that an event happened in, if any, inside `container`. */
function linkOf(event: Event, container: HTMLElement): HTMLAnchorElement | null {
  const target = event.target;
  if (!(target instanceof Element)) return null;
  const link = target.closest("a.internal-link");
  return link instanceof HTMLAnchorElement && container.contains(link) ? link : null;
}

/**
 * The target lives in `data-href` only: an `href` made from a file name could be a
 * `javascript:` URL, and every click on these links is handled here anyway.
 */
export function createInternalLink(parent: HTMLElement, path: string, text: string, cls?: string): HTMLAnchorElement {
  return parent.createEl("a", {
    cls: cls ? `internal-link ${cls}` : "internal-link",
    text,
    attr: { "data-href": path, role: "link", tabindex: "0" },
  });
}

/** Characters that link text reads as syntax (`#heading`, `^block`, `|alias`, `[[`): such paths are opened as files. */
const LINK_SYNTAX = /[#^|[\]]/;

/** Ours alone: a surrounding view that also handles links must not open or preview a second time. */
function claim(event: Event): void {
  event.preventDefault();
  event.stopPropagation();
}

export function wireInternalLinks(owner: Component, app: App, container: HTMLElement, sourcePath: () => string, hoverParent: unknown): void {
  const open = (link: HTMLAnchorElement, newLeaf: ReturnType<typeof Keymap.isModEvent>): void => {
    const target = link.getAttribute("data-href") ?? "";
    // Opening a link to a missing note creates it; ours point at indexed files, so a missing one (deleted a moment ago) opens nothing.
    const file = app.vault.getAbstractFileByPath(target);
    if (!(file instanceof TFile)) return;
    if (LINK_SYNTAX.test(target)) void app.workspace.getLeaf(newLeaf).openFile(file);
    else void app.workspace.openLinkText(target, sourcePath(), newLeaf);
  };
  owner.registerDomEvent(container, "click", (event) => {
    const link = linkOf(event, container);
    if (!link || event.button !== 0) return;
    claim(event);
    open(link, Keymap.isModEvent(event));
  });
  owner.registerDomEvent(container, "auxclick", (event) => {
    const link = linkOf(event, container);
    if (!link || event.button !== 1) return;
    claim(event);
    open(link, "tab");
  });
  owner.registerDomEvent(container, "mouseover", (event) => {
    const link = linkOf(event, container);
    const target = link?.getAttribute("data-href");
    // The preview resolves link text, which would read `#` and `|` in a file name as syntax.
    if (!link || !target || LINK_SYNTAX.test(target)) return;
    event.stopPropagation();
    app.workspace.trigger("hover-link", { event, source: HOVER_SOURCE_ID, hoverParent, targetEl: link, linktext: target, sourcePath: sourcePath() });
  });
  owner.registerDomEvent(container, "contextmenu", (event) => {
    const link = linkOf(event, container);
    const target = link?.getAttribute("data-href") ?? "";
    const file = link ? app.vault.getAbstractFileByPath(target) : null;
    if (!(file instanceof TFile)) return;
    claim(event);
    const menu = new Menu();
    // Obsidian's own link menu (open in a new tab, to the right, …, then `file-menu`), as on the links it renders.
    if (LINK_SYNTAX.test(target) || !app.workspace.handleLinkContextMenu(menu, target, sourcePath())) {
      app.workspace.trigger("file-menu", menu, file, HOVER_SOURCE_ID);
    }
    menu.showAtMouseEvent(event);
  });
}

/**
 * Links in our blocks and panel behave like Obsidian's own: click opens, Ctrl/Cmd-click
 * or middle-click opens a new tab, hover raises the page preview, right-click shows the
 * file menu. Nothing of this comes for free in custom DOM, so one delegated set of
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

export function createInternalLink(parent: HTMLElement, path: string, text: string, cls?: string): HTMLAnchorElement {
  return parent.createEl("a", {
    cls: cls ? `internal-link ${cls}` : "internal-link",
    text,
    href: path,
    attr: { "data-href": path, target: "_blank", rel: "noopener" },
  });
}

/** Ours alone: a surrounding view that also handles links must not open or preview a second time. */
function claim(event: Event): void {
  event.preventDefault();
  event.stopPropagation();
}

export function wireInternalLinks(owner: Component, app: App, container: HTMLElement, sourcePath: () => string, hoverParent: unknown): void {
  const open = (link: HTMLAnchorElement, newLeaf: ReturnType<typeof Keymap.isModEvent>): void => {
    const target = link.getAttribute("data-href");
    if (target) void app.workspace.openLinkText(target, sourcePath(), newLeaf);
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
    if (!link || !target) return;
    event.stopPropagation();
    app.workspace.trigger("hover-link", { event, source: HOVER_SOURCE_ID, hoverParent, targetEl: link, linktext: target, sourcePath: sourcePath() });
  });
  owner.registerDomEvent(container, "contextmenu", (event) => {
    const link = linkOf(event, container);
    const file = link ? app.vault.getAbstractFileByPath(link.getAttribute("data-href") ?? "") : null;
    if (!(file instanceof TFile)) return;
    claim(event);
    const menu = new Menu();
    app.workspace.trigger("file-menu", menu, file, HOVER_SOURCE_ID);
    menu.showAtMouseEvent(event);
  });
}

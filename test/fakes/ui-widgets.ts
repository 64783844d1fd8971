/** Notices, modals, menus and tooltips, rendered into the document and recorded for tests. */
import "./dom";
import type { MenuPositionDef, TooltipOptions } from "obsidian";
import { Component } from "./component";
import { setIcon } from "./icons";

/** Every notice message shown, in order (the fake clears it when a new app is created). */
export const noticeLog: string[] = [];

const textOf = (message: string | DocumentFragment): string => (typeof message === "string" ? message : message.textContent ?? "");

export class Notice {
  noticeEl: HTMLElement;
  containerEl: HTMLElement;
  messageEl: HTMLElement;
  /** Fake-only. */
  duration: number | undefined;

  constructor(message: string | DocumentFragment, duration?: number) {
    this.duration = duration;
    const existing = Array.from(document.body.children).find((el) => el.classList.contains("notice-container")) as HTMLElement | undefined;
    const host = existing ?? document.body.createDiv("notice-container");
    this.containerEl = host.createDiv("notice");
    this.messageEl = this.containerEl.createDiv("notice-message");
    this.noticeEl = this.messageEl;
    this.setMessage(message);
  }

  setMessage(message: string | DocumentFragment): this {
    noticeLog.push(textOf(message));
    this.messageEl.setText(typeof message === "string" ? message : message.cloneNode(true) as DocumentFragment);
    return this;
  }

  hide(): void {
    this.containerEl.detach();
  }
}

/** Modals currently open, oldest first. */
export const openModals: Modal[] = [];

export class Modal {
  app: unknown;
  scope: unknown = null;
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  shouldRestoreSelection = true;
  private closeCallback: (() => unknown) | null = null;

  constructor(app: unknown) {
    this.app = app;
    this.containerEl = createDiv("modal-container mod-dim");
    this.containerEl.createDiv("modal-bg");
    this.modalEl = this.containerEl.createDiv("modal");
    const closeButton = this.modalEl.createDiv("modal-close-button");
    closeButton.addEventListener("click", () => this.close());
    const header = this.modalEl.createDiv("modal-header");
    this.titleEl = header.createDiv("modal-title");
    this.contentEl = this.modalEl.createDiv("modal-content");
  }

  open(): void {
    if (openModals.includes(this)) return;
    document.body.appendChild(this.containerEl);
    openModals.push(this);
    void this.onOpen();
  }

  close(): void {
    const index = openModals.indexOf(this);
    if (index < 0) return;
    openModals.splice(index, 1);
    this.containerEl.detach();
    this.onClose();
    this.closeCallback?.();
  }

  onOpen(): Promise<void> | void {}
  onClose(): void {}
  onHistoryBack(): void { this.close(); }

  setTitle(title: string): this { this.titleEl.setText(title); return this; }
  setContent(content: string | DocumentFragment): this { this.contentEl.setText(content); return this; }
  setCloseCallback(callback: () => unknown): this { this.closeCallback = callback; return this; }
}

export class MenuItem {
  dom: HTMLElement;
  title = "";
  icon: string | null = null;
  section = "";
  checked: boolean | null = null;
  disabled = false;
  callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
  private readonly menu: Menu;

  constructor(menu: Menu) {
    this.menu = menu;
    this.dom = createDiv("menu-item");
    this.dom.addEventListener("click", (evt) => this.invoke(evt));
  }

  setTitle(title: string | DocumentFragment): this {
    this.title = textOf(title);
    (this.dom.querySelector(".menu-item-title") ?? this.dom.createDiv("menu-item-title")).setText(title);
    return this;
  }

  setIcon(icon: string | null): this {
    this.icon = icon;
    const iconEl = (this.dom.querySelector(".menu-item-icon") as HTMLElement | null) ?? this.dom.createDiv({ cls: "menu-item-icon", prepend: true });
    if (icon) setIcon(iconEl, icon);
    else iconEl.empty();
    return this;
  }

  setChecked(checked: boolean | null): this { this.checked = checked; this.dom.toggleClass("mod-checked", !!checked); return this; }
  setDisabled(disabled: boolean): this { this.disabled = disabled; this.dom.toggleClass("is-disabled", disabled); return this; }
  setWarning(isWarning: boolean): this { this.dom.toggleClass("is-warning", isWarning); return this; }
  setIsLabel(isLabel: boolean): this { this.dom.toggleClass("is-label", isLabel); return this; }
  setSection(section: string): this { this.section = section; this.dom.setAttr("data-section", section); return this; }
  onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this { this.callback = callback; return this; }

  /** Fake-only: choose this item, as a click does (runs the callback, then hides the menu). */
  invoke(evt: MouseEvent | KeyboardEvent = new MouseEvent("click")): void {
    if (this.disabled) return;
    this.callback?.(evt);
    this.menu.hide();
  }
}

/** Menus shown so far, in order (cleared when a new app is created). */
export const shownMenus: Menu[] = [];

export class Menu extends Component {
  dom: HTMLElement;
  items: Array<MenuItem | "separator"> = [];
  /** Fake-only: where it was shown. */
  position: MenuPositionDef | null = null;
  private hideCallbacks: Array<() => unknown> = [];

  constructor() {
    super();
    this.dom = createDiv("menu");
  }

  setNoIcon(): this { return this; }
  setUseNativeMenu(_useNativeMenu: boolean): this { return this; }
  setParentElement(_el: HTMLElement): this { return this; }

  addItem(cb: (item: MenuItem) => unknown): this {
    const item = new MenuItem(this);
    cb(item);
    this.items.push(item);
    this.dom.appendChild(item.dom);
    return this;
  }

  addSeparator(): this {
    this.items.push("separator");
    this.dom.createDiv("menu-separator");
    return this;
  }

  showAtMouseEvent(evt: MouseEvent): this {
    return this.showAtPosition({ x: evt.clientX, y: evt.clientY });
  }

  showAtPosition(position: MenuPositionDef, doc: Document = document): this {
    this.position = position;
    doc.body.appendChild(this.dom);
    shownMenus.push(this);
    this.load();
    return this;
  }

  hide(): this {
    if (!this.dom.isConnected) return this;
    this.dom.detach();
    this.unload();
    for (const callback of this.hideCallbacks) callback();
    return this;
  }

  close(): void { this.hide(); }
  onHide(callback: () => unknown): void { this.hideCallbacks.push(callback); }
  onHistoryBack(): void { this.hide(); }

  /** Fake-only: the item with this title, if any. */
  findItem(title: string): MenuItem | undefined {
    return this.items.find((item): item is MenuItem => item !== "separator" && item.title === title);
  }

  static forEvent(evt: PointerEvent | MouseEvent): Menu {
    const menu = new Menu();
    menu.position = { x: evt.clientX, y: evt.clientY };
    return menu;
  }
}

export function setTooltip(el: HTMLElement, tooltip: string, options?: TooltipOptions): void {
  if (tooltip) el.setAttr("aria-label", tooltip);
  else el.removeAttribute("aria-label");
  if (options?.placement) el.setAttr("data-tooltip-position", options.placement);
}

export function displayTooltip(_el: HTMLElement, _content: string | DocumentFragment, _options?: TooltipOptions): void {}

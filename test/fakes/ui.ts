/** Notices, modals, menus, and the settings window with its `Setting` rows, in the document and recorded for tests. */
import { Component } from "./component";

/** Every notice shown, in order (cleared when a new app is created). */
export const noticeLog: string[] = [];

export class Notice {
  constructor(message: string) {
    noticeLog.push(message);
    document.body.createDiv({ cls: "notice", text: message });
  }
}

/** Modals open now, oldest first. */
export const openModals: Modal[] = [];

export class Modal {
  containerEl = createDiv("modal-container");
  modalEl = this.containerEl.createDiv("modal");
  titleEl = this.modalEl.createDiv("modal-title");
  contentEl = this.modalEl.createDiv("modal-content");

  constructor(public app: unknown) {}

  open(): void {
    document.body.appendChild(this.containerEl);
    openModals.push(this);
    void this.onOpen();
  }

  close(): void {
    if (!openModals.includes(this)) return;
    openModals.splice(openModals.indexOf(this), 1);
    this.containerEl.detach();
    this.onClose();
  }

  onOpen(): Promise<void> | void {}
  onClose(): void {}
  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }
}

export class MenuItem {
  title = "";
  dom = createDiv("menu-item");
  private callback: (() => unknown) | null = null;

  constructor(menu: Menu) {
    // A click runs the item, then hides the menu.
    this.dom.addEventListener("click", () => {
      this.callback?.();
      menu.hide();
    });
  }

  setTitle(title: string): this {
    this.title = title;
    this.dom.setText(title);
    return this;
  }

  setSection(section: string): this {
    this.dom.setAttribute("data-section", section);
    return this;
  }

  onClick(callback: () => unknown): this {
    this.callback = callback;
    return this;
  }
}

/** Menus shown so far, in order (cleared when a new app is created). */
export const shownMenus: Menu[] = [];

export class Menu extends Component {
  dom = createDiv("menu");
  items: MenuItem[] = [];

  addItem(cb: (item: MenuItem) => unknown): this {
    const item = new MenuItem(this);
    cb(item);
    this.items.push(item);
    this.dom.appendChild(item.dom);
    return this;
  }

  showAtMouseEvent(_evt: MouseEvent): this {
    document.body.appendChild(this.dom);
    shownMenus.push(this);
    this.load();
    return this;
  }

  hide(): this {
    this.dom.detach();
    this.unload();
    return this;
  }
}

/** A control of a `Setting` row: a real input, so a test types and dispatches `input` or `change` and sees the callback run. */
class Control<T> {
  protected changed: ((value: T) => unknown) | null = null;
  onChange(callback: (value: T) => unknown): this {
    this.changed = callback;
    return this;
  }
}

class TextControl extends Control<string> {
  constructor(public inputEl: HTMLInputElement | HTMLTextAreaElement) {
    super();
    inputEl.addEventListener("input", () => this.changed?.(inputEl.value));
  }

  setValue(value: string): this {
    this.inputEl.value = value;
    return this;
  }
}

class ToggleControl extends Control<boolean> {
  toggleEl: HTMLInputElement;
  constructor(parent: HTMLElement) {
    super();
    this.toggleEl = parent.createDiv("checkbox-container").createEl("input", { type: "checkbox" });
    this.toggleEl.addEventListener("change", () => this.changed?.(this.toggleEl.checked));
  }

  setValue(on: boolean): this {
    this.toggleEl.checked = on;
    return this;
  }
}

class ButtonControl {
  buttonEl: HTMLButtonElement;
  constructor(parent: HTMLElement) {
    this.buttonEl = parent.createEl("button");
  }

  setButtonText(text: string): this {
    this.buttonEl.setText(text);
    return this;
  }

  setCta(): this {
    this.buttonEl.addClass("mod-cta");
    return this;
  }

  onClick(callback: () => unknown): this {
    this.buttonEl.addEventListener("click", () => void callback());
    return this;
  }
}

export class Setting {
  settingEl: HTMLElement;
  private readonly controlEl: HTMLElement;
  private readonly infoEl: HTMLElement;

  constructor(containerEl: HTMLElement) {
    this.settingEl = containerEl.createDiv("setting-item");
    this.infoEl = this.settingEl.createDiv("setting-item-info");
    this.controlEl = this.settingEl.createDiv("setting-item-control");
  }

  setName(name: string): this {
    this.infoEl.createDiv({ cls: "setting-item-name", text: name });
    return this;
  }

  setDesc(desc: string): this {
    this.infoEl.createDiv({ cls: "setting-item-description", text: desc });
    return this;
  }

  setHeading(): this {
    this.settingEl.addClass("setting-item-heading");
    return this;
  }

  addText(cb: (text: TextControl) => unknown): this {
    cb(new TextControl(this.controlEl.createEl("input", { type: "text" })));
    return this;
  }

  addTextArea(cb: (text: TextControl) => unknown): this {
    cb(new TextControl(this.controlEl.createEl("textarea")));
    return this;
  }

  addToggle(cb: (toggle: ToggleControl) => unknown): this {
    cb(new ToggleControl(this.controlEl));
    return this;
  }

  addButton(cb: (button: ButtonControl) => unknown): this {
    cb(new ButtonControl(this.controlEl));
    return this;
  }
}

export abstract class PluginSettingTab {
  containerEl = createDiv("vertical-tab-content");
  /** Fake-only: the id the settings window opens it by, the plugin's. */
  readonly id: string;

  constructor(public app: unknown, plugin: { manifest: { id: string } }) {
    this.id = plugin.manifest.id;
  }

  abstract display(): void;
  hide(): void {
    this.containerEl.empty();
  }
}

/** `app.setting`: the settings window, showing one tab at a time. */
export class SettingsWindow {
  containerEl = createDiv("modal-container mod-settings");
  tabs: PluginSettingTab[] = [];
  private active: PluginSettingTab | null = null;

  openTabById(id: string): void {
    const tab = this.tabs.find((candidate) => candidate.id === id);
    if (!tab) return;
    this.active?.hide();
    this.active = tab;
    document.body.appendChild(this.containerEl);
    this.containerEl.empty();
    this.containerEl.appendChild(tab.containerEl);
    tab.display();
  }

  /** obsidian.d.ts `SettingPage.hide`: called when "the settings modal is closed"; `SettingTab.hide` hides its contents (the plugin applies what was typed then). */
  close(): void {
    this.active?.hide();
    this.active = null;
    this.containerEl.detach();
  }

  removeTab(tab: PluginSettingTab): void {
    if (this.active === tab) this.close();
    this.tabs = this.tabs.filter((candidate) => candidate !== tab);
  }
}

/** A `Setting` row (name, description, controls), setting tabs, and the settings window that shows them. */
import "./dom";
import type { TooltipOptions } from "obsidian";
import { BaseComponent, ButtonComponent, DropdownComponent, ExtraButtonComponent, SearchComponent, TextAreaComponent, TextComponent, ToggleComponent } from "./settings-ui";
import { setTooltip } from "./ui-widgets";

export class Setting {
  settingEl: HTMLElement;
  infoEl: HTMLElement;
  nameEl: HTMLElement;
  descEl: HTMLElement;
  controlEl: HTMLElement;
  components: BaseComponent[] = [];
  errorEl: HTMLElement | null = null;

  constructor(containerEl: HTMLElement) {
    this.settingEl = containerEl.createDiv("setting-item");
    this.infoEl = this.settingEl.createDiv("setting-item-info");
    this.nameEl = this.infoEl.createDiv("setting-item-name");
    this.descEl = this.infoEl.createDiv("setting-item-description");
    this.controlEl = this.settingEl.createDiv("setting-item-control");
  }

  setName(name: string | DocumentFragment): this { this.nameEl.setText(name); return this; }
  setDesc(desc: string | DocumentFragment): this { this.descEl.setText(desc); return this; }
  setClass(cls: string): this { this.settingEl.addClass(cls); return this; }
  setTooltip(tooltip: string, options?: TooltipOptions): this { setTooltip(this.nameEl, tooltip, options); return this; }
  setHeading(): this { this.settingEl.addClass("setting-item-heading"); return this; }
  setDisabled(disabled: boolean): this {
    this.settingEl.toggleClass("is-disabled", disabled);
    for (const component of this.components) component.setDisabled(disabled);
    return this;
  }

  setErrorMessage(message: string | null): this {
    this.settingEl.toggleClass("is-invalid", !!message);
    if (message) (this.errorEl ??= this.settingEl.createDiv("setting-item-error")).setText(message);
    else { this.errorEl?.detach(); this.errorEl = null; }
    return this;
  }

  addButton(cb: (component: ButtonComponent) => unknown): this { return this.add(new ButtonComponent(this.controlEl), cb); }
  addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this { return this.add(new ExtraButtonComponent(this.controlEl), cb); }
  addToggle(cb: (component: ToggleComponent) => unknown): this { return this.add(new ToggleComponent(this.controlEl), cb); }
  addText(cb: (component: TextComponent) => unknown): this { return this.add(new TextComponent(this.controlEl), cb); }
  addSearch(cb: (component: SearchComponent) => unknown): this { return this.add(new SearchComponent(this.controlEl), cb); }
  addTextArea(cb: (component: TextAreaComponent) => unknown): this { return this.add(new TextAreaComponent(this.controlEl), cb); }
  addDropdown(cb: (component: DropdownComponent) => unknown): this { return this.add(new DropdownComponent(this.controlEl), cb); }
  addComponent<T extends BaseComponent>(cb: (el: HTMLElement) => T): this { this.components.push(cb(this.controlEl)); return this; }
  then(cb: (setting: this) => unknown): this { cb(this); return this; }
  clear(): this { this.controlEl.empty(); this.components = []; return this; }

  private add<T extends BaseComponent>(component: T, cb: (component: T) => unknown): this {
    this.components.push(component);
    cb(component);
    return this;
  }
}

export abstract class SettingTab {
  icon = "";
  app: unknown;
  containerEl: HTMLElement;
  /** Fake-only: the tab id the settings window opens it by (the plugin id for plugin tabs). */
  id = "";

  constructor(app: unknown) {
    this.app = app;
    this.containerEl = createDiv("vertical-tab-content");
  }

  display(): void {}
  hide(): void { this.containerEl.empty(); }
}

export abstract class PluginSettingTab extends SettingTab {
  plugin: { manifest: { id: string } };
  constructor(app: unknown, plugin: { manifest: { id: string } }) {
    super(app);
    this.plugin = plugin;
    this.id = plugin.manifest.id;
  }
}

/** `app.setting`: the settings window, which shows one tab at a time. */
export class SettingsWindow {
  pluginTabs: SettingTab[] = [];
  activeTab: SettingTab | null = null;
  containerEl: HTMLElement;
  private contentEl: HTMLElement;

  constructor() {
    this.containerEl = createDiv("modal-container mod-dim");
    this.contentEl = this.containerEl.createDiv("modal mod-settings").createDiv("vertical-tab-content-container");
  }

  addSettingTab(tab: SettingTab): void { this.pluginTabs.push(tab); }

  removeSettingTab(tab: SettingTab): void {
    if (this.activeTab === tab) this.close();
    this.pluginTabs = this.pluginTabs.filter((t) => t !== tab);
  }

  open(): void { document.body.appendChild(this.containerEl); }

  openTabById(id: string): boolean {
    const tab = this.pluginTabs.find((t) => t.id === id);
    if (!tab) return false;
    this.open();
    if (this.activeTab && this.activeTab !== tab) this.activeTab.hide();
    this.activeTab = tab;
    this.contentEl.empty();
    this.contentEl.appendChild(tab.containerEl);
    tab.display();
    return true;
  }

  close(): void {
    this.activeTab?.hide();
    this.activeTab = null;
    this.containerEl.detach();
  }
}

/**
 * `Setting` rows and their controls, built from real inputs so a test can type, dispatch
 * `input`/`change`, and see the callbacks run; plus setting tabs and the settings window.
 */
import "./dom";
import type { TooltipOptions } from "obsidian";
import { setIcon } from "./icons";
import { setTooltip } from "./ui-widgets";

export abstract class BaseComponent {
  disabled = false;
  then(cb: (component: this) => unknown): this { cb(this); return this; }
  setDisabled(disabled: boolean): this { this.disabled = disabled; return this; }
}

export abstract class ValueComponent<T> extends BaseComponent {
  registerOptionListener(_listeners: Record<string, (value?: T) => T>, _key: string): this { return this; }
  abstract getValue(): T;
  abstract setValue(value: T): this;
}

export class AbstractTextComponent<T extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> {
  inputEl: T;
  private changeCallback: ((value: string) => unknown) | null = null;

  constructor(inputEl: T) {
    super();
    this.inputEl = inputEl;
    inputEl.addEventListener("input", () => this.onChanged());
  }

  override setDisabled(disabled: boolean): this { super.setDisabled(disabled); this.inputEl.disabled = disabled; return this; }
  getValue(): string { return this.inputEl.value; }
  setValue(value: string): this { this.inputEl.value = value; return this; }
  setPlaceholder(placeholder: string): this { this.inputEl.placeholder = placeholder; return this; }
  onChanged(): void { this.changeCallback?.(this.getValue()); }
  onChange(callback: (value: string) => unknown): this { this.changeCallback = callback; return this; }
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl("input", { type: "text" }));
  }
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl("textarea"));
  }
}

export class SearchComponent extends AbstractTextComponent<HTMLInputElement> {
  clearButtonEl: HTMLElement;
  constructor(containerEl: HTMLElement) {
    const wrapper = containerEl.createDiv("search-input-container");
    super(wrapper.createEl("input", { type: "search", attr: { enterkeyhint: "search", spellcheck: "false" } }));
    this.clearButtonEl = wrapper.createDiv("search-input-clear-button");
    this.clearButtonEl.addEventListener("click", () => {
      this.setValue("");
      this.onChanged();
    });
  }
}

export class ToggleComponent extends ValueComponent<boolean> {
  toggleEl: HTMLElement;
  private on = false;
  private changeCallback: ((value: boolean) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.toggleEl = containerEl.createDiv("checkbox-container");
    this.toggleEl.createEl("input", { type: "checkbox", attr: { tabindex: 0 } });
    this.toggleEl.addEventListener("click", () => this.onClick());
  }

  getValue(): boolean { return this.on; }

  /** Like Obsidian, a real change of value also runs the change callback. */
  setValue(on: boolean): this {
    const changed = this.on !== on;
    this.on = on;
    this.toggleEl.toggleClass("is-enabled", on);
    (this.toggleEl.querySelector("input") as HTMLInputElement).checked = on;
    if (changed) this.changeCallback?.(on);
    return this;
  }

  override setDisabled(disabled: boolean): this { super.setDisabled(disabled); this.toggleEl.toggleClass("is-disabled", disabled); return this; }
  setTooltip(tooltip: string, options?: TooltipOptions): this { setTooltip(this.toggleEl, tooltip, options); return this; }
  onClick(): void { if (!this.disabled) this.setValue(!this.on); }
  onChange(callback: (value: boolean) => unknown): this { this.changeCallback = callback; return this; }
}

export class DropdownComponent extends ValueComponent<string> {
  selectEl: HTMLSelectElement;
  private changeCallback: ((value: string) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.selectEl = containerEl.createEl("select", "dropdown");
    this.selectEl.addEventListener("change", () => this.changeCallback?.(this.getValue()));
  }

  override setDisabled(disabled: boolean): this { super.setDisabled(disabled); this.selectEl.disabled = disabled; return this; }
  addOption(value: string, display: string): this { this.selectEl.createEl("option", { value, text: display }); return this; }
  addOptions(options: Record<string, string>): this { for (const [value, display] of Object.entries(options)) this.addOption(value, display); return this; }
  getValue(): string { return this.selectEl.value; }
  setValue(value: string): this { this.selectEl.value = value; return this; }
  onChange(callback: (value: string) => unknown): this { this.changeCallback = callback; return this; }
}

export class ButtonComponent extends BaseComponent {
  buttonEl: HTMLButtonElement;
  private clickCallback: ((evt: MouseEvent) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.buttonEl = containerEl.createEl("button");
    this.buttonEl.addEventListener("click", (evt) => { if (!this.disabled) void this.clickCallback?.(evt); });
  }

  override setDisabled(disabled: boolean): this { super.setDisabled(disabled); this.buttonEl.disabled = disabled; return this; }
  setCta(): this { this.buttonEl.addClass("mod-cta"); return this; }
  removeCta(): this { this.buttonEl.removeClass("mod-cta"); return this; }
  setWarning(): this { this.buttonEl.addClass("mod-warning"); return this; }
  setDestructive(): this { this.buttonEl.addClass("mod-destructive"); return this; }
  removeDestructive(): this { this.buttonEl.removeClass("mod-destructive"); return this; }
  setTooltip(tooltip: string, options?: TooltipOptions): this { setTooltip(this.buttonEl, tooltip, options); return this; }
  setButtonText(name: string): this { this.buttonEl.setText(name); return this; }
  setIcon(icon: string): this { this.buttonEl.empty(); setIcon(this.buttonEl, icon); return this; }
  setClass(cls: string): this { this.buttonEl.addClass(cls); return this; }
  onClick(callback: (evt: MouseEvent) => unknown): this { this.clickCallback = callback; return this; }
}

export class ExtraButtonComponent extends BaseComponent {
  extraSettingsEl: HTMLElement;
  private clickCallback: (() => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.extraSettingsEl = containerEl.createDiv("clickable-icon extra-setting-button");
    this.extraSettingsEl.addEventListener("click", () => { if (!this.disabled) this.clickCallback?.(); });
  }

  setTooltip(tooltip: string, options?: TooltipOptions): this { setTooltip(this.extraSettingsEl, tooltip, options); return this; }
  setIcon(icon: string): this { setIcon(this.extraSettingsEl, icon); return this; }
  onClick(callback: () => unknown): this { this.clickCallback = callback; return this; }
}

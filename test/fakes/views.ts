/**
 * Views: `View` → `ItemView` → `FileView` → `TextFileView` → `MarkdownView` (reading mode only),
 * plus the "empty" view of a new tab. A view's `containerEl` holds the header (children[0]) and
 * the content (children[1], `contentEl`).
 */
import "./dom";
import type { ViewStateResult } from "obsidian";
import type { App } from "./app";
import { Component } from "./component";
import { TFile } from "./files";
import { setIcon } from "./icons";
import { MarkdownPreviewView } from "./preview-view";
import type { Menu } from "./ui-widgets";
import type { WorkspaceLeaf } from "./workspace-leaf";

export abstract class View extends Component {
  app: App;
  icon = "";
  navigation = false;
  leaf: WorkspaceLeaf;
  containerEl: HTMLElement;
  scope: unknown = null;

  constructor(leaf: WorkspaceLeaf) {
    super();
    this.leaf = leaf;
    this.app = leaf.app;
    this.containerEl = createDiv("workspace-leaf-content");
    const header = this.containerEl.createDiv("view-header");
    header.createDiv("view-header-title-container").createDiv({ cls: "view-header-title" });
    header.createDiv("view-actions");
    this.containerEl.createDiv("view-content");
  }

  protected async onOpen(): Promise<void> {}
  protected async onClose(): Promise<void> {}
  abstract getViewType(): string;
  abstract getDisplayText(): string;
  getState(): Record<string, unknown> { return {}; }
  async setState(_state: unknown, _result: ViewStateResult): Promise<void> {}
  getEphemeralState(): Record<string, unknown> { return {}; }
  setEphemeralState(_state: unknown): void {}
  getIcon(): string { return this.icon; }
  onResize(): void {}
  onPaneMenu(_menu: Menu, _source: string): void {}

  /** Fake-only, used by the leaf: attach, load, then `onOpen`. */
  async openIn(parentEl: HTMLElement): Promise<void> {
    this.containerEl.setAttr("data-type", this.getViewType());
    (this.containerEl.querySelector(".view-header-title") as HTMLElement | null)?.setText(this.getDisplayText());
    parentEl.appendChild(this.containerEl);
    this.load();
    await this.onOpen();
  }

  /** Fake-only, used by the leaf: `onClose`, then unload and detach. */
  close(): Promise<void> {
    const closing = this.onClose();
    this.unload();
    this.containerEl.detach();
    return closing;
  }
}

export abstract class ItemView extends View {
  contentEl: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.contentEl = this.containerEl.children[1] as HTMLElement;
  }

  addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const actions = this.containerEl.querySelector(".view-actions") as HTMLElement;
    const action = actions.createEl("a", { cls: "clickable-icon view-action", attr: { "aria-label": title }, prepend: true });
    setIcon(action, icon);
    action.addEventListener("click", callback);
    return action;
  }
}

export class EmptyView extends ItemView {
  override navigation = true;
  getViewType(): string { return "empty"; }
  getDisplayText(): string { return "New tab"; }
}

export abstract class FileView extends ItemView {
  allowNoFile = false;
  file: TFile | null = null;
  override navigation = true;

  getDisplayText(): string { return this.file?.basename ?? "No file"; }

  override onload(): void {
    this.registerEvent(this.app.vault.appEvents.on("rename", (file: unknown) => {
      if (file === this.file) void this.onRename(file as TFile);
    }));
    this.registerEvent(this.app.vault.appEvents.on("delete", (file: unknown) => {
      if (file === this.file) void this.leaf.setViewState({ type: "empty" });
    }));
  }

  override getState(): Record<string, unknown> { return { file: this.file?.path ?? null }; }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const path = (state as { file?: unknown } | null)?.file;
    const file = typeof path === "string" ? this.app.vault.getFileByPath(path) : null;
    if (file && file !== this.file) {
      if (this.file) await this.onUnloadFile(this.file);
      this.file = file;
      (this.containerEl.querySelector(".view-header-title") as HTMLElement | null)?.setText(this.getDisplayText());
      await this.onLoadFile(file);
    }
    await super.setState(state, result);
  }

  async onLoadFile(_file: TFile): Promise<void> {}
  async onUnloadFile(_file: TFile): Promise<void> {}
  async onRename(_file: TFile): Promise<void> {}
  canAcceptExtension(_extension: string): boolean { return false; }
}

export abstract class TextFileView extends FileView {
  data = "";
  requestSave: () => void = () => undefined;

  override onload(): void {
    super.onload();
    // Obsidian re-reads an open file that changed outside the view.
    this.registerEvent(this.app.vault.appEvents.on("modify", (file: unknown) => {
      if (file !== this.file) return;
      void this.app.vault.cachedRead(file as TFile).then((data) => {
        if (file === this.file) this.setViewData(data, false);
      });
    }));
  }

  override async onLoadFile(file: TFile): Promise<void> {
    this.setViewData(await this.app.vault.read(file), true);
  }

  override async onUnloadFile(_file: TFile): Promise<void> {
    this.clear();
  }

  /** Reading mode never edits, so there is nothing to save: no write reaches the vault. */
  async save(_clear?: boolean): Promise<void> {}

  abstract getViewData(): string;
  abstract setViewData(data: string, clear: boolean): void;
  abstract clear(): void;
}

export class MarkdownView extends TextFileView {
  previewMode: MarkdownPreviewView;
  currentMode: MarkdownPreviewView;
  hoverPopover: unknown = null;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.previewMode = this.addChild(new MarkdownPreviewView(this));
    this.currentMode = this.previewMode;
    this.contentEl.appendChild(this.previewMode.containerEl);
  }

  getViewType(): string { return "markdown"; }
  override getIcon(): string { return "document"; }
  getMode(): "source" | "preview" { return "preview"; }
  getViewData(): string { return this.data; }

  setViewData(data: string, clear: boolean): void {
    this.data = data;
    this.previewMode.set(data, clear);
  }

  clear(): void {
    this.data = "";
    this.previewMode.clear();
  }

  override canAcceptExtension(extension: string): boolean { return extension === "md"; }
  showSearch(_replace?: boolean): void {}
}

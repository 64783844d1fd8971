/**
 * Views (obsidian.d.ts): `View` → `ItemView` → `MarkdownView` (reading mode only), and the empty
 * view of a new tab. A view's `containerEl` holds its header and its content (`contentEl`).
 */
import type { ViewStateResult } from "obsidian";
import type { App } from "./app";
import { Component } from "./component";
import { MarkdownPreviewView } from "./preview-view";
import type { TFile } from "./vault";
import type { WorkspaceLeaf } from "./workspace";

export abstract class View extends Component {
  app: App;
  navigation = false;
  containerEl = createDiv("workspace-leaf-content");

  constructor(public leaf: WorkspaceLeaf) {
    super();
    this.app = leaf.app;
    this.containerEl.createDiv("view-header").createDiv("view-header-title-container").createDiv("view-header-title");
    this.containerEl.createDiv("view-content");
  }

  protected async onOpen(): Promise<void> {}
  protected async onClose(): Promise<void> {}
  abstract getViewType(): string;
  abstract getDisplayText(): string;
  getIcon(): string { return ""; }
  getState(): Record<string, unknown> { return {}; }
  async setState(_state: unknown, _result: ViewStateResult): Promise<void> {}

  /** Fake-only, for the leaf: attach, load, then `onOpen`. */
  async openIn(parentEl: HTMLElement): Promise<void> {
    this.containerEl.setAttribute("data-type", this.getViewType());
    this.setTitle();
    parentEl.appendChild(this.containerEl);
    this.load();
    await this.onOpen();
  }

  /** Fake-only, for the leaf: `onClose`, then unload and detach. */
  async close(): Promise<void> {
    const closing = this.onClose();
    this.unload();
    this.containerEl.detach();
    await closing;
  }

  protected setTitle(): void {
    this.containerEl.querySelector(".view-header-title")?.setText(this.getDisplayText());
  }
}

export abstract class ItemView extends View {
  contentEl = this.containerEl.querySelector<HTMLElement>(".view-content") as HTMLElement;
}

export class EmptyView extends ItemView {
  override navigation = true;
  getViewType(): string { return "empty"; }
  getDisplayText(): string { return "New tab"; }
}

export class MarkdownView extends ItemView {
  override navigation = true;
  file: TFile | null = null;
  previewMode: MarkdownPreviewView;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.previewMode = this.addChild(new MarkdownPreviewView(this));
    this.contentEl.appendChild(this.previewMode.containerEl);
  }

  getViewType(): string { return "markdown"; }
  getDisplayText(): string { return this.file?.basename ?? "No file"; }
  override getState(): Record<string, unknown> { return { file: this.file?.path ?? null }; }

  override async setState(state: unknown): Promise<void> {
    const path = (state as { file?: unknown } | null)?.file;
    const file = typeof path === "string" ? this.app.vault.getFileByPath(path) : null;
    if (!file || file === this.file) return;
    this.file = file;
    this.setTitle();
    this.previewMode.set(await this.app.vault.read(file));
  }
}

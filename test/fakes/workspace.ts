/**
 * The workspace: the main area and the right sidebar, each holding tab groups of leaves; a group
 * shows one leaf at a time and hides the others with `display: none`, so what is in a background
 * tab is not shown (obsidian.d.ts `isShown`). Records `openLinkText` calls and `hover-link` events.
 */
import type { Extension } from "@codemirror/state";
import type { HoverLinkSource, OpenViewState, PaneType, ViewState } from "obsidian";
import type { App } from "./app";
import { Events } from "./component";
import type { Menu } from "./ui";
import { linkpathOf } from "./utils";
import type { TFile } from "./vault";
import { EmptyView, MarkdownView, type View } from "./views";

export class WorkspaceTabs {
  containerEl = createDiv("workspace-tabs");
  private readonly tabsEl = this.containerEl.createDiv("workspace-tab-container");
  leaves: WorkspaceLeaf[] = [];
  /** The tab shown; the others are hidden. */
  current: WorkspaceLeaf | null = null;

  constructor(split: HTMLElement) {
    split.appendChild(this.containerEl);
  }

  add(leaf: WorkspaceLeaf): void {
    this.leaves.push(leaf);
    this.tabsEl.appendChild(leaf.containerEl);
    if (this.current) leaf.containerEl.hide();
    else this.select(leaf);
  }

  remove(leaf: WorkspaceLeaf): void {
    const index = this.leaves.indexOf(leaf);
    this.leaves.splice(index, 1);
    leaf.containerEl.detach();
    if (this.current !== leaf) return;
    this.current = null;
    const next = this.leaves[Math.min(index, this.leaves.length - 1)];
    if (next) this.select(next);
  }

  select(shown: WorkspaceLeaf): void {
    this.current = shown;
    for (const leaf of this.leaves) leaf.containerEl.toggle(leaf === shown);
  }
}

export class WorkspaceLeaf {
  containerEl = createDiv("workspace-leaf");
  view: View;

  constructor(
    public app: App,
    public parent: WorkspaceTabs,
  ) {
    this.view = new EmptyView(this);
    void this.view.openIn(this.containerEl);
    parent.add(this);
  }

  /** app.js id 56155334886: a new type opens a new view; then its state; `active` makes the leaf the active one. */
  async setViewState(viewState: ViewState): Promise<void> {
    if (this.view.getViewType() !== viewState.type) {
      const create = this.app.viewRegistry[viewState.type];
      const previous = this.view;
      this.view = create ? create(this) : new EmptyView(this);
      await previous.close();
      await this.view.openIn(this.containerEl);
    }
    await this.view.setState(viewState.state ?? {}, { history: false });
    if (viewState.active) this.app.workspace.setActiveLeaf(this);
    this.app.workspace.trigger("layout-change");
  }

  async openFile(file: TFile, openState?: OpenViewState): Promise<void> {
    await this.setViewState({ type: file.extension === "md" ? "markdown" : "empty", state: { file: file.path }, active: openState?.active ?? true });
  }

  detach(): void {
    if (!this.parent.leaves.includes(this)) return;
    void this.view.close();
    this.parent.remove(this);
    this.app.workspace.onLeafDetached(this);
  }
}

export interface HoverLinkEvent { event: MouseEvent; source: string; hoverParent: unknown; targetEl: HTMLElement | null; linktext: string; sourcePath?: string }

export class Workspace extends Events {
  containerEl: HTMLElement;
  leftRibbon: { containerEl: HTMLElement };
  rootSplit: { containerEl: HTMLElement };
  rightSplit: { containerEl: HTMLElement };
  activeLeaf: WorkspaceLeaf;
  layoutReady = false;
  hoverLinkSources: Record<string, HoverLinkSource> = {};
  /** Editor extensions as plugins registered them (arrays kept as the same objects, so later changes show). */
  readonly editorExtensions: Extension[] = [];
  /** Fake-only records: links opened, page previews asked for, `updateOptions()` calls, and a hook the e2e page's editor uses. */
  readonly openedLinks: Array<{ linktext: string; sourcePath: string; newLeaf: PaneType | boolean | undefined }> = [];
  readonly hoverEvents: HoverLinkEvent[] = [];
  updateOptionsCount = 0;
  onEditorOptions: ((extensions: readonly Extension[]) => void) | null = null;
  private layoutReadyCallbacks: Array<() => unknown> = [];
  private readonly mainTabs: WorkspaceTabs;
  private readonly sideTabs: WorkspaceTabs;

  constructor(private readonly app: App) {
    super();
    this.containerEl = app.containerEl.createDiv("horizontal-main-container").createDiv("workspace");
    this.leftRibbon = { containerEl: this.containerEl.createDiv("workspace-ribbon side-dock-ribbon mod-left") };
    this.leftRibbon.containerEl.createDiv("side-dock-actions");
    this.rootSplit = { containerEl: this.containerEl.createDiv("workspace-split mod-vertical mod-root") };
    this.rightSplit = { containerEl: this.containerEl.createDiv("workspace-split mod-horizontal mod-sidedock mod-right-split") };
    this.mainTabs = new WorkspaceTabs(this.rootSplit.containerEl);
    this.sideTabs = new WorkspaceTabs(this.rightSplit.containerEl);
    this.activeLeaf = new WorkspaceLeaf(app, this.mainTabs);
  }

  /** obsidian.d.ts: runs at once when the layout is ready, else when it becomes ready. */
  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) callback();
    else this.layoutReadyCallbacks.push(callback);
  }

  /** Fake-only, at startup. */
  markLayoutReady(): void {
    this.layoutReady = true;
    for (const callback of this.layoutReadyCallbacks.splice(0)) callback();
    this.trigger("layout-change");
  }

  override trigger(name: string, ...data: unknown[]): void {
    if (name === "hover-link") this.hoverEvents.push(data[0] as HoverLinkEvent);
    super.trigger(name, ...data);
  }

  /** obsidian.d.ts `getLeaf`: `false` returns a leaf that can be navigated (the main area's active or shown tab); anything else a new one (here a tab, for a split or a window alike). */
  getLeaf(newLeaf?: PaneType | boolean): WorkspaceLeaf {
    if (newLeaf) return new WorkspaceLeaf(this.app, this.mainTabs);
    return this.mainTabs.leaves.includes(this.activeLeaf) ? this.activeLeaf : (this.mainTabs.current ?? new WorkspaceLeaf(this.app, this.mainTabs));
  }

  /** A new tab in the right sidebar, hidden behind the one already shown there until revealed (obsidian.d.ts `revealLeaf`). */
  getRightLeaf(_split: boolean): WorkspaceLeaf {
    return new WorkspaceLeaf(this.app, this.sideTabs);
  }

  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    leaf.parent.select(leaf);
  }

  setActiveLeaf(leaf: WorkspaceLeaf): void {
    leaf.parent.select(leaf);
    if (this.activeLeaf === leaf) return;
    this.activeLeaf = leaf;
    this.trigger("active-leaf-change", leaf);
  }

  getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
    return this.activeLeaf.view instanceof type ? this.activeLeaf.view : null;
  }

  getActiveFile(): TFile | null {
    return this.getActiveViewOfType(MarkdownView)?.file ?? null;
  }

  iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
    [...this.mainTabs.leaves, ...this.sideTabs.leaves].forEach(callback);
  }

  getLeavesOfType(viewType: string): WorkspaceLeaf[] {
    const leaves: WorkspaceLeaf[] = [];
    this.iterateAllLeaves((leaf) => leaf.view.getViewType() === viewType && leaves.push(leaf));
    return leaves;
  }

  detachLeavesOfType(viewType: string): void {
    this.getLeavesOfType(viewType).forEach((leaf) => leaf.detach());
  }

  registerHoverLinkSource(id: string, info: HoverLinkSource): void { this.hoverLinkSources[id] = info; }
  unregisterHoverLinkSource(id: string): void { delete this.hoverLinkSources[id]; }
  requestSaveLayout = (): void => undefined;

  /** obsidian.d.ts: reconfigures every Markdown editor with the registered extensions, as they are now. */
  updateOptions(): void {
    this.updateOptionsCount++;
    this.onEditorOptions?.(this.editorExtensions);
  }

  /** By path, with or without `.md`, else by file name: nothing more of Obsidian's link resolution is modelled. */
  resolveLink(linktext: string): TFile | null {
    const path = linkpathOf(linktext);
    const files = this.app.vault.getFiles();
    return files.find((file) => file.path === path || file.path === `${path}.md`) ?? files.find((file) => file.basename === path || file.name === path) ?? null;
  }

  /**
   * obsidian.d.ts "Add a context menu to internal file links": the app's own open items, then
   * `file-menu` with the source "link-context-menu" (which public plugins test for, id 55146378893).
   */
  handleLinkContextMenu(menu: Menu, linktext: string, sourcePath: string): boolean {
    const file = this.resolveLink(linktext);
    if (!file) return false;
    for (const [title, newLeaf] of [["Open in new tab", "tab"], ["Open to the right", "split"], ["Open in new window", "window"]] as const) {
      menu.addItem((item) => item.setSection("open").setTitle(title).onClick(() => void this.openLinkText(linktext, sourcePath, newLeaf)));
    }
    this.trigger("file-menu", menu, file, "link-context-menu");
    return true;
  }

  /** Opens the link's target; one that does not exist is created first (app.js id 56155334886: no destination, `createNewFile`). */
  async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean): Promise<void> {
    this.openedLinks.push({ linktext, sourcePath, newLeaf });
    const path = linkpathOf(linktext);
    const file = this.resolveLink(linktext) ?? (path === "" ? null : await this.app.vault.create(path.endsWith(".md") ? path : `${path}.md`, ""));
    if (file) await this.getLeaf(newLeaf).openFile(file);
  }

  /** Fake-only: a main area is never left without a tab, nor the workspace without an active leaf. */
  onLeafDetached(leaf: WorkspaceLeaf): void {
    if (this.activeLeaf === leaf) {
      this.activeLeaf = this.mainTabs.leaves[0] ?? new WorkspaceLeaf(this.app, this.mainTabs);
      this.trigger("active-leaf-change", this.activeLeaf);
    }
    this.trigger("layout-change");
  }
}

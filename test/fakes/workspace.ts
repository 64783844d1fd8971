/**
 * The workspace: a root split (main notes area) and two sidebars, each holding tab groups of
 * leaves. Records `openLinkText` calls and `hover-link` events for tests to inspect.
 */
import "./dom";
import type { Extension } from "@codemirror/state";
import type { HoverLinkSource, OpenViewState, PaneType } from "obsidian";
import type { App } from "./app";
import { Events } from "./events";
import type { TFile } from "./files";
import { normalizePath, parseLinktext } from "./utils";
import type { Menu } from "./ui-widgets";
import { FileView, type View } from "./views";
import { type SplitSide, WorkspaceLeaf, WorkspaceSplit, type WorkspaceTabs } from "./workspace-leaf";

export interface OpenedLink { linktext: string; sourcePath: string; newLeaf: PaneType | boolean | undefined; openViewState?: OpenViewState }

export interface HoverLinkEvent { event: MouseEvent; source: string; hoverParent: unknown; targetEl: HTMLElement | null; linktext: string; sourcePath?: string }

type NewLeaf = PaneType | boolean | undefined;

export class Workspace extends Events {
  app: App;
  containerEl: HTMLElement;
  rootSplit: WorkspaceSplit;
  leftSplit: WorkspaceSplit;
  rightSplit: WorkspaceSplit;
  leftRibbon: { containerEl: HTMLElement };
  activeLeaf: WorkspaceLeaf | null = null;
  activeEditor: null = null;
  layoutReady = false;
  /** Obsidian's private registry of page-preview sources, keyed by source id. */
  hoverLinkSources: Record<string, HoverLinkSource> = {};
  /** Fake-only records. */
  readonly openedLinks: OpenedLink[] = [];
  readonly hoverEvents: HoverLinkEvent[] = [];
  layoutSaveRequests = 0;
  requestSaveLayout = Object.assign(() => { this.layoutSaveRequests++; return this.requestSaveLayout; }, {
    cancel: () => this.requestSaveLayout,
    run: () => undefined,
  });

  private layoutReadyCallbacks: Array<() => unknown> = [];
  private floatingSplits: WorkspaceSplit[] = [];
  private lastActiveFile: TFile | null = null;
  private recentFiles: string[] = [];

  constructor(app: App, appContainerEl: HTMLElement) {
    super();
    this.app = app;
    const main = appContainerEl.createDiv("horizontal-main-container");
    this.containerEl = main.createDiv("workspace");
    this.leftRibbon = { containerEl: this.containerEl.createDiv("workspace-ribbon side-dock-ribbon mod-left") };
    this.leftRibbon.containerEl.createDiv("side-dock-actions");
    this.leftSplit = new WorkspaceSplit(this.containerEl.createDiv("workspace-split mod-horizontal mod-sidedock mod-left-split"), "left");
    this.rootSplit = new WorkspaceSplit(this.containerEl.createDiv("workspace-split mod-vertical mod-root"), "root");
    this.rightSplit = new WorkspaceSplit(this.containerEl.createDiv("workspace-split mod-horizontal mod-sidedock mod-right-split"), "right");
    this.activeLeaf = this.newLeafIn(this.rootSplit.addTabs());
  }

  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) callback();
    else this.layoutReadyCallbacks.push(callback);
  }

  /** Fake-only, for startup. */
  markLayoutReady(): void {
    this.layoutReady = true;
    const callbacks = this.layoutReadyCallbacks;
    this.layoutReadyCallbacks = [];
    for (const callback of callbacks) {
      try { callback(); } catch (error) { console.error("[fake obsidian] onLayoutReady callback threw", error); }
    }
    this.trigger("layout-change");
  }

  override trigger(name: string, ...data: unknown[]): void {
    if (name === "hover-link") this.hoverEvents.push(data[0] as HoverLinkEvent);
    super.trigger(name, ...data);
  }

  registerHoverLinkSource(id: string, info: HoverLinkSource): void { this.hoverLinkSources[id] = info; }
  unregisterHoverLinkSource(id: string): void { delete this.hoverLinkSources[id]; }

  getLeaf(newLeaf?: NewLeaf, _direction?: "vertical" | "horizontal"): WorkspaceLeaf {
    if (!newLeaf) {
      const reusable = (leaf: WorkspaceLeaf | null): leaf is WorkspaceLeaf =>
        !!leaf && !leaf.detached && leaf.getContainer() === this.rootSplit && !leaf.pinned && leaf.view.navigation;
      if (reusable(this.activeLeaf)) return this.activeLeaf;
      const recent = this.rootLeaves().find(reusable);
      if (recent) return recent;
      newLeaf = "tab";
    }
    if (newLeaf === "split") return this.newLeafIn(this.rootSplit.addTabs());
    if (newLeaf === "window") {
      const floating = new WorkspaceSplit(this.containerEl.createDiv("workspace-split mod-root mod-window"), "window");
      this.floatingSplits.push(floating);
      return this.newLeafIn(floating.addTabs());
    }
    const group = this.activeLeaf && this.activeLeaf.getContainer() === this.rootSplit ? this.activeLeaf.parent : this.rootSplit.children[0] ?? this.rootSplit.addTabs();
    return this.newLeafIn(group);
  }

  getUnpinnedLeaf(): WorkspaceLeaf { return this.getLeaf(false); }
  splitActiveLeaf(): WorkspaceLeaf { return this.getLeaf("split"); }
  openPopoutLeaf(): WorkspaceLeaf { return this.getLeaf("window"); }
  createLeafBySplit(_leaf: WorkspaceLeaf): WorkspaceLeaf { return this.getLeaf("split"); }
  getRightLeaf(split: boolean): WorkspaceLeaf { return this.sideLeaf(this.rightSplit, split); }
  getLeftLeaf(split: boolean): WorkspaceLeaf { return this.sideLeaf(this.leftSplit, split); }

  async ensureSideLeaf(type: string, side: "left" | "right", options: { active?: boolean; split?: boolean; reveal?: boolean; state?: Record<string, unknown> } = {}): Promise<WorkspaceLeaf> {
    const existing = this.getLeavesOfType(type).find((leaf) => leaf.getContainer() === (side === "left" ? this.leftSplit : this.rightSplit));
    const leaf = existing ?? (side === "left" ? this.getLeftLeaf(!!options.split) : this.getRightLeaf(!!options.split));
    if (!existing || options.state) await leaf.setViewState({ type, state: options.state, active: options.active });
    if (options.reveal !== false) await this.revealLeaf(leaf);
    return leaf;
  }

  getLeafById(id: string): WorkspaceLeaf | null { return this.allLeaves().find((leaf) => leaf.id === id) ?? null; }
  getGroupLeaves(_group: string): WorkspaceLeaf[] { return []; }
  getMostRecentLeaf(): WorkspaceLeaf | null { return this.rootLeaves()[0] ?? null; }

  setActiveLeaf(leaf: WorkspaceLeaf, _params?: unknown, _focus?: boolean): void {
    leaf.parent.select(leaf);
    if (this.activeLeaf === leaf) return;
    this.activeLeaf = leaf;
    this.trigger("active-leaf-change", leaf);
    this.noteActiveFile();
  }

  /** Fake-only: fire `file-open` when the active leaf's file changed. */
  noteActiveFile(): void {
    const view = this.activeLeaf?.view;
    if (!(view instanceof FileView) || !view.file || view.file === this.lastActiveFile) return;
    this.lastActiveFile = view.file;
    this.recentFiles = [view.file.path, ...this.recentFiles.filter((p) => p !== view.file?.path)].slice(0, 10);
    this.trigger("file-open", view.file);
  }

  getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
    const view = this.activeLeaf?.view;
    return view instanceof type ? view : null;
  }

  getActiveFile(): TFile | null {
    const view = this.activeLeaf?.view;
    if (view instanceof FileView) return view.file;
    return this.lastActiveFile && this.app.vault.getFileByPath(this.lastActiveFile.path) === this.lastActiveFile ? this.lastActiveFile : null;
  }

  iterateRootLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void { this.rootLeaves().forEach((leaf) => callback(leaf)); }
  iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void { this.allLeaves().forEach((leaf) => callback(leaf)); }
  getLeavesOfType(viewType: string): WorkspaceLeaf[] { return this.allLeaves().filter((leaf) => leaf.view.getViewType() === viewType); }
  detachLeavesOfType(viewType: string): void { this.getLeavesOfType(viewType).forEach((leaf) => leaf.detach()); }

  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    leaf.parent.select(leaf);
    leaf.getContainer().expand();
    await Promise.resolve();
  }

  getLastOpenFiles(): string[] { return this.recentFiles.slice(); }
  /** Editor extensions as plugins registered them (arrays kept as the same objects, so later changes show). */
  readonly editorExtensions: Extension[] = [];
  /** Fake-only: how often `updateOptions()` ran, and a hook the e2e page uses to reconfigure its editor. */
  updateOptionsCount = 0;
  onEditorOptions: ((extensions: readonly Extension[]) => void) | null = null;

  registerEditorExtension(extension: Extension): void { this.editorExtensions.push(extension); }
  unregisterEditorExtension(extension: Extension): void {
    const index = this.editorExtensions.indexOf(extension);
    if (index >= 0) this.editorExtensions.splice(index, 1);
  }

  /** obsidian.d.ts: reconfigures every Markdown editor with the registered extensions, as they are now. */
  updateOptions(): void {
    this.updateOptionsCount++;
    this.onEditorOptions?.(this.editorExtensions);
  }

  /**
   * obsidian.d.ts: "Add a context menu to internal file links". The app's own open items, then
   * `file-menu` with the source "link-context-menu" (which public plugins test for, id 55146378893).
   */
  handleLinkContextMenu(menu: Menu, linktext: string, sourcePath: string): boolean {
    const file = this.app.metadataCache.getFirstLinkpathDest(parseLinktext(linktext).path, sourcePath);
    if (!file) return false;
    const open = (title: string, newLeaf: PaneType): void => {
      menu.addItem((item) => item.setSection("open").setTitle(title).onClick(() => void this.openLinkText(linktext, sourcePath, newLeaf)));
    };
    open("Open in new tab", "tab");
    open("Open to the right", "split");
    open("Open in new window", "window");
    this.trigger("file-menu", menu, file, "link-context-menu");
    return true;
  }
  getLayout(): Record<string, unknown> { return {}; }
  async changeLayout(_layout: unknown): Promise<void> {}

  /** Opens the link's target (creating the note when it does not exist, as a click in Obsidian does). */
  async openLinkText(linktext: string, sourcePath: string, newLeaf?: NewLeaf, openViewState?: OpenViewState): Promise<void> {
    this.openedLinks.push({ linktext, sourcePath, newLeaf, ...(openViewState ? { openViewState } : {}) });
    const path = parseLinktext(linktext).path;
    let file = this.app.metadataCache.getFirstLinkpathDest(path, sourcePath);
    if (!file) {
      if (path === "") return;
      const folder = this.app.fileManager.getNewFileParent(sourcePath);
      const name = path.endsWith(".md") ? path : `${path}.md`;
      file = await this.app.vault.create(normalizePath(folder.isRoot() ? name : `${folder.path}/${name}`), "");
    }
    await this.getLeaf(newLeaf).openFile(file, openViewState);
  }

  /** Fake-only: keep `activeLeaf` valid after a detach. */
  onLeafDetached(leaf: WorkspaceLeaf): void {
    if (this.rootSplit.children.length === 0) this.newLeafIn(this.rootSplit.addTabs());
    if (this.activeLeaf === leaf) {
      this.activeLeaf = this.rootLeaves()[0] ?? null;
      this.trigger("active-leaf-change", this.activeLeaf);
      this.noteActiveFile();
    }
    this.trigger("layout-change");
  }

  private newLeafIn(tabs: WorkspaceTabs): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app, tabs);
    tabs.add(leaf);
    return leaf;
  }

  private sideLeaf(split: WorkspaceSplit, newGroup: boolean): WorkspaceLeaf {
    const group = !newGroup && split.children[0] ? split.children[0] : split.addTabs();
    return this.newLeafIn(group);
  }

  private splitsBySide(): Record<SplitSide, WorkspaceSplit[]> {
    return { root: [this.rootSplit], left: [this.leftSplit], right: [this.rightSplit], window: this.floatingSplits };
  }

  private rootLeaves(): WorkspaceLeaf[] {
    return [this.rootSplit, ...this.floatingSplits].flatMap((split) => split.children.flatMap((tabs) => tabs.children));
  }

  private allLeaves(): WorkspaceLeaf[] {
    return Object.values(this.splitsBySide()).flat().flatMap((split) => split.children.flatMap((tabs) => tabs.children));
  }
}

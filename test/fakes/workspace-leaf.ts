/**
 * A leaf (tab) and the containers holding leaves: tab groups and splits. A tab group shows one
 * leaf at a time; the others get `display: none`, as in Obsidian.
 */
import "./dom";
import type { OpenViewState, ViewState } from "obsidian";
import type { App } from "./app";
import { Events } from "./events";
import type { TFile } from "./files";
import { EmptyView, type View } from "./views";

export type SplitSide = "root" | "left" | "right" | "window";

export class WorkspaceSplit {
  containerEl: HTMLElement;
  children: WorkspaceTabs[] = [];
  collapsed = false;
  readonly side: SplitSide;

  constructor(containerEl: HTMLElement, side: SplitSide) {
    this.containerEl = containerEl;
    this.side = side;
  }

  addTabs(): WorkspaceTabs {
    const tabs = new WorkspaceTabs(this);
    this.children.push(tabs);
    this.containerEl.appendChild(tabs.containerEl);
    return tabs;
  }

  expand(): void { this.setCollapsed(false); }
  collapse(): void { this.setCollapsed(true); }
  toggle(): void { this.setCollapsed(!this.collapsed); }

  private setCollapsed(collapsed: boolean): void {
    this.collapsed = collapsed;
    this.containerEl.toggleClass("is-sidedock-collapsed", collapsed);
    this.containerEl.toggle(!collapsed);
  }
}

export class WorkspaceTabs {
  containerEl: HTMLElement;
  tabContainerEl: HTMLElement;
  children: WorkspaceLeaf[] = [];
  parent: WorkspaceSplit;
  private current: WorkspaceLeaf | null = null;

  constructor(parent: WorkspaceSplit) {
    this.parent = parent;
    this.containerEl = createDiv("workspace-tabs");
    this.tabContainerEl = this.containerEl.createDiv("workspace-tab-container");
  }

  get currentTab(): number {
    return this.current ? this.children.indexOf(this.current) : -1;
  }

  add(leaf: WorkspaceLeaf): void {
    this.children.push(leaf);
    this.tabContainerEl.appendChild(leaf.containerEl);
    if (this.current) leaf.containerEl.hide();
    else this.select(leaf);
  }

  remove(leaf: WorkspaceLeaf): void {
    const index = this.children.indexOf(leaf);
    if (index < 0) return;
    this.children.splice(index, 1);
    leaf.containerEl.detach();
    if (this.children.length === 0) {
      this.current = null;
      this.containerEl.detach();
      this.parent.children.splice(this.parent.children.indexOf(this), 1);
    } else if (this.current === leaf) {
      this.select(this.children[Math.min(index, this.children.length - 1)]!);
    }
  }

  select(leaf: WorkspaceLeaf): void {
    this.current = leaf;
    for (const child of this.children) child.containerEl.toggle(child === leaf);
  }
}

let leafCounter = 0;

export class WorkspaceLeaf extends Events {
  app: App;
  id: string;
  parent: WorkspaceTabs;
  view: View;
  containerEl: HTMLElement;
  hoverPopover: unknown = null;
  pinned = false;
  /** Fake-only: set once detached. */
  detached = false;

  constructor(app: App, parent: WorkspaceTabs) {
    super();
    this.app = app;
    this.parent = parent;
    this.id = `leaf-${++leafCounter}`;
    this.containerEl = createDiv("workspace-leaf");
    this.view = new EmptyView(this);
    void this.view.openIn(this.containerEl);
  }

  get isDeferred(): boolean { return false; }
  async loadIfDeferred(): Promise<void> {}

  async open(view: View): Promise<View> {
    const previous = this.view;
    this.view = view;
    await previous.close();
    await view.openIn(this.containerEl);
    return view;
  }

  async setViewState(viewState: ViewState, _eState?: unknown): Promise<void> {
    const workspace = this.app.workspace;
    if (this.view.getViewType() !== viewState.type) {
      const creator = this.app.viewRegistry.getViewCreatorByType(viewState.type);
      if (!creator) console.warn(`[fake obsidian] no view registered for type "${viewState.type}"; opening an empty view`);
      await this.open(creator ? creator(this) : new EmptyView(this));
    }
    await this.view.setState(viewState.state ?? {}, { history: false });
    if (viewState.pinned !== undefined) this.pinned = viewState.pinned;
    if (viewState.active) workspace.setActiveLeaf(this);
    workspace.noteActiveFile();
    workspace.trigger("layout-change");
  }

  getViewState(): ViewState {
    return { type: this.view.getViewType(), state: this.view.getState(), pinned: this.pinned, active: this.app.workspace.activeLeaf === this };
  }

  async openFile(file: TFile, openState?: OpenViewState): Promise<void> {
    const type = this.app.viewRegistry.getTypeByExtension(file.extension) ?? "empty";
    await this.setViewState({ type, state: { ...(openState?.state ?? {}), file: file.path, mode: "preview" }, active: openState?.active ?? true });
  }

  detach(): void {
    if (this.detached) return;
    this.detached = true;
    void this.view.close();
    this.parent.remove(this);
    this.app.workspace.onLeafDetached(this);
  }

  getDisplayText(): string { return this.view.getDisplayText(); }
  getIcon(): string { return this.view.getIcon(); }
  setPinned(pinned: boolean): void { this.pinned = pinned; this.trigger("pinned-change", pinned); }
  togglePinned(): void { this.setPinned(!this.pinned); }
  setGroup(_group: string): void {}
  setGroupMember(_other: WorkspaceLeaf): void {}
  getEphemeralState(): unknown { return this.view.getEphemeralState(); }
  setEphemeralState(state: unknown): void { this.view.setEphemeralState(state); }
  onResize(): void { this.view.onResize(); }
  getRoot(): WorkspaceSplit { return this.parent.parent; }
  getContainer(): WorkspaceSplit { return this.parent.parent; }
}

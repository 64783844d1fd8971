/**
 * The app and its startup. `createFakeApp({ files })` builds the document's layout, the vault, the
 * metadata cache and the workspace; `await app.start()` then does what Obsidian does once plugins
 * are loaded: announces the vault's files, indexes them, marks the layout ready, fires `resolved`.
 */
import "./dom";
import type { Command } from "obsidian";
import { domListenerCount, listenerErrors } from "./component";
import { MarkdownPreviewRenderer, renderErrors } from "./markdown";
import { MetadataCache } from "./metadata-cache";
import { PluginManager } from "./plugin";
import { activeTimers, installTimerTracking } from "./timers";
import { noticeLog, openModals, SettingsWindow, shownMenus } from "./ui";
import { Vault } from "./vault";
import { EmptyView, MarkdownView, type View } from "./views";
import { Workspace, type WorkspaceLeaf } from "./workspace";

export interface FakeAppOptions {
  /** Vault content: vault-relative path → file text. */
  files?: Record<string, string>;
  /** Seed `loadData()` per plugin id. */
  pluginData?: Record<string, unknown>;
}

export class App {
  containerEl = document.body.createDiv("app-container");
  vault: Vault;
  metadataCache: MetadataCache;
  workspace: Workspace;
  viewRegistry: Record<string, (leaf: WorkspaceLeaf) => View> = { empty: (leaf) => new EmptyView(leaf), markdown: (leaf) => new MarkdownView(leaf) };
  commands = {
    commands: {} as Record<string, Command>,
    /** Runs a command's `callback`; false when there is none. */
    executeCommandById: (id: string): boolean => {
      const callback = this.commands.commands[id]?.callback;
      if (callback) void callback();
      return !!callback;
    },
  };
  plugins = new PluginManager(this);
  setting = new SettingsWindow();
  debug = new AppDebug(this);

  constructor(options: FakeAppOptions = {}) {
    this.vault = new Vault(options.files ?? {});
    this.metadataCache = new MetadataCache(this.vault);
    this.workspace = new Workspace(this);
    this.plugins.pluginData = { ...(options.pluginData ?? {}) };
  }

  /**
   * Obsidian's startup after plugins load; resolves once the first `resolved` has fired. With
   * `layoutBeforeCache`, the layout is ready before the cache has read a note (a new device, a
   * `git pull`): nothing is indexed until `app.debug.finishIndexing()`.
   */
  async start(options: { layoutBeforeCache?: boolean } = {}): Promise<void> {
    this.vault.announceLoadedFiles();
    if (options.layoutBeforeCache) {
      this.metadataCache.watchWithoutIndex();
      this.workspace.markLayoutReady();
      return;
    }
    this.metadataCache.indexAll(false);
    this.workspace.markLayoutReady();
    await this.metadataCache.whenIdle();
  }

  /** Unload every plugin, close every leaf and take the app's DOM away. */
  destroy(): void {
    for (const id of Object.keys(this.plugins.plugins)) void this.plugins.unloadPlugin(id);
    this.workspace.iterateAllLeaves((leaf) => leaf.detach());
    this.setting.close();
    for (const modal of openModals.slice()) modal.close();
    this.containerEl.detach();
  }
}

/** `app.debug`: what leak and registration checks compare, and waiting for the app to be idle. */
class AppDebug {
  constructor(private readonly app: App) {}

  /** Everything a plugin can register, as one comparable value: equal before load and after unload means nothing leaked. */
  footprint(): Record<string, unknown> {
    const { workspace, vault, metadataCache, commands, viewRegistry } = this.app;
    return {
      listeners: { workspace: workspace.listenerCount(), vault: vault.listenerCount(), metadataCache: metadataCache.listenerCount() },
      domListeners: domListenerCount(),
      timers: activeTimers(),
      commands: Object.keys(commands.commands),
      views: Object.keys(viewRegistry),
      hoverSources: this.hoverLinkSources(),
      codeBlocks: Object.keys(MarkdownPreviewRenderer.codeBlockPostProcessors),
      postProcessors: MarkdownPreviewRenderer.postProcessors.length,
      ribbon: document.querySelectorAll(".side-dock-ribbon-action").length,
      editorExtensions: workspace.editorExtensions.length,
    };
  }

  hoverLinkSources(): string[] {
    return Object.keys(this.app.workspace.hoverLinkSources);
  }

  /** After `start({ layoutBeforeCache: true })`: index every note, announcing each, then resolve. */
  async finishIndexing(): Promise<void> {
    this.app.metadataCache.indexAll(true);
    await this.settle();
  }

  /** Wait until pending indexing is done, `resolved` has fired and open reading views have rendered. */
  async settle(): Promise<void> {
    await Promise.resolve();
    await this.app.metadataCache.whenIdle();
    const renders: Array<Promise<void>> = [];
    this.app.workspace.iterateAllLeaves((leaf) => leaf.view instanceof MarkdownView && renders.push(leaf.view.previewMode.whenRendered()));
    await Promise.all(renders);
  }
}

let currentApp: App | null = null;

/**
 * A fresh app, as a freshly started Obsidian window: one per page, so the previous app (if any)
 * is destroyed and the static registries and the logs are cleared.
 */
export function createFakeApp(options: FakeAppOptions = {}): App {
  currentApp?.destroy();
  MarkdownPreviewRenderer.postProcessors = [];
  MarkdownPreviewRenderer.codeBlockPostProcessors = {};
  for (const log of [noticeLog, shownMenus, listenerErrors, renderErrors]) log.length = 0;
  installTimerTracking(window);
  currentApp = new App(options);
  return currentApp;
}

/**
 * The app and its startup. `createFakeApp({ files })` builds the document layout, vault, metadata
 * cache and workspace; `await app.start()` then does what Obsidian does once plugins are loaded:
 * announces the vault's files, indexes them, marks the layout ready and fires `resolved` once.
 */
import "./dom";
import type { Command } from "obsidian";
import { InternalPlugins } from "./core-plugins";
import { TFile, type TFolder } from "./files";
import { parseFrontmatterYaml, stringifyYaml, getFrontMatterInfo } from "./frontmatter";
import { MarkdownPreviewRenderer, MarkdownRenderer, renderErrors } from "./markdown";
import { listenerErrors } from "./events";
import { MetadataCache } from "./metadata-cache";
import { PluginManager } from "./plugin";
import { SettingsWindow } from "./setting";
import { installTimerTracking } from "./timers";
import { Menu, noticeLog, openModals, shownMenus } from "./ui-widgets";
import { Keymap, Scope } from "./utils";
import { Vault } from "./vault";
import { ViewRegistry } from "./view-registry";
import { EmptyView, MarkdownView } from "./views";
import { Workspace } from "./workspace";
import { AppDebug } from "./app-debug";

export interface FakeAppOptions {
  /** Vault content: vault-relative path → file text. */
  files?: Record<string, string>;
  /** Core Search (which holds the `query` code block) starts enabled unless this is false. */
  coreSearchEnabled?: boolean;
  vaultName?: string;
  /** Seed `loadData()` per plugin id. */
  pluginData?: Record<string, unknown>;
}

export interface StartOptions {
  /** Fire vault `create` for every file on load, as Obsidian does (default true). */
  announceFiles?: boolean;
  /** Fire metadata `changed` for every note, as after a cache rebuild (default false: a warm cache). */
  coldCache?: boolean;
  /**
   * The layout is ready before the cache has read a note (a new device, a `git pull`): `start()`
   * returns then, with nothing indexed, and `app.debug.finishIndexing()` indexes and resolves.
   */
  layoutBeforeCache?: boolean;
}

export class Commands {
  commands: Record<string, Command> = {};
  addCommand(command: Command): void { this.commands[command.id] = command; }
  removeCommand(id: string): void { delete this.commands[id]; }
  findCommand(id: string): Command | undefined { return this.commands[id]; }
  listCommands(): Command[] { return Object.values(this.commands); }

  /** Runs `callback`, or `checkCallback(false)` when `checkCallback(true)` allows it; false when it cannot run. */
  executeCommandById(id: string): boolean {
    const command = this.commands[id];
    if (!command) return false;
    if (command.checkCallback) {
      if (!command.checkCallback(true)) return false;
      command.checkCallback(false);
      return true;
    }
    if (command.callback) {
      void command.callback();
      return true;
    }
    return false; // editor commands need an editor, which the reading-only fake never has
  }
}

export class FileManager {
  private readonly app: App;
  constructor(app: App) { this.app = app; }

  getNewFileParent(_sourcePath: string, _newFilePath?: string): TFolder { return this.app.vault.getRoot(); }
  async renameFile(file: TFile, newPath: string): Promise<void> { await this.app.vault.rename(file, newPath); }
  async trashFile(file: TFile): Promise<void> { await this.app.vault.trash(file, true); }
  async promptForDeletion(_file: TFile): Promise<boolean> { return false; }
  async getAvailablePathForAttachment(filename: string): Promise<string> { return filename; }

  generateMarkdownLink(file: TFile, sourcePath: string, subpath = "", alias = ""): string {
    const linktext = this.app.metadataCache.fileToLinktext(file, sourcePath) + subpath;
    return alias ? `[[${linktext}|${alias}]]` : `[[${linktext}]]`;
  }

  /** Recorded as its own write, then performed as Obsidian does (the note is rewritten). */
  async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void): Promise<void> {
    this.app.vault.writes.push({ kind: "processFrontMatter", path: file.path });
    const content = this.app.vault.readNow(file);
    const info = getFrontMatterInfo(content);
    const frontmatter = info.exists ? parseFrontmatterYaml(info.frontmatter) ?? {} : {};
    fn(frontmatter);
    const body = info.exists ? content.slice(info.contentStart) : content;
    await this.app.vault.modify(file, `---\n${stringifyYaml(frontmatter)}---\n${body}`);
  }
}

export class App {
  keymap = new Keymap();
  scope = new Scope();
  lastEvent: MouseEvent | KeyboardEvent | null = null;
  containerEl: HTMLElement;
  statusBarEl: HTMLElement;
  vault: Vault;
  metadataCache: MetadataCache;
  viewRegistry = new ViewRegistry();
  workspace: Workspace;
  fileManager: FileManager;
  commands = new Commands();
  plugins: PluginManager;
  internalPlugins = new InternalPlugins();
  setting = new SettingsWindow();
  /** Fake-only: what plugins registered that the fake does not act on. */
  pluginRecords = { editorSuggests: [] as unknown[], protocolHandlers: {} as Record<string, unknown> };
  debug: AppDebug;
  private readonly localStorage = new Map<string, unknown>();
  private started = false;

  constructor(options: FakeAppOptions = {}) {
    this.containerEl = document.body.createDiv("app-container");
    this.vault = new Vault(options.files ?? {}, options.vaultName);
    this.metadataCache = new MetadataCache(this.vault);
    this.viewRegistry.registerView("empty", (leaf) => new EmptyView(leaf));
    this.viewRegistry.registerView("markdown", (leaf) => new MarkdownView(leaf));
    this.viewRegistry.registerExtensions(["md"], "markdown");
    this.workspace = new Workspace(this, this.containerEl);
    this.statusBarEl = this.containerEl.createDiv("status-bar");
    this.fileManager = new FileManager(this);
    this.plugins = new PluginManager(this);
    this.plugins.pluginData = { ...(options.pluginData ?? {}) };
    this.debug = new AppDebug(this);
    if (options.coreSearchEnabled !== false) void this.internalPlugins.getPluginById("global-search")?.enable();
  }

  isDarkMode(): boolean { return false; }
  loadLocalStorage(key: string): unknown { return this.localStorage.get(key) ?? null; }
  saveLocalStorage(key: string, data: unknown): void {
    if (data === null) this.localStorage.delete(key);
    else this.localStorage.set(key, data);
  }

  /** Obsidian's startup after plugins load; resolves once the first `resolved` has fired. */
  async start(options: StartOptions = {}): Promise<void> {
    if (this.started) throw new Error("The fake app has already started");
    this.started = true;
    if (options.announceFiles !== false) this.vault.announceLoadedFiles();
    if (options.layoutBeforeCache) {
      this.metadataCache.watchWithoutIndex();
      this.workspace.markLayoutReady();
      return;
    }
    this.metadataCache.indexAll(options.coldCache ?? false);
    this.workspace.markLayoutReady();
    await this.metadataCache.whenIdle();
  }

  /** Unload every plugin, close every leaf and take the app's DOM away. */
  destroy(): void {
    this.plugins.unloadAll();
    this.workspace.iterateAllLeaves((leaf) => leaf.detach());
    this.setting.close();
    for (const modal of openModals.slice()) modal.close();
    for (const menu of shownMenus) menu.hide();
    this.containerEl.detach();
    if (currentApp === this) currentApp = null;
  }

  /** Fake-only: open a file's context menu the way Obsidian fills it, through `file-menu`. */
  openFileMenu(file: TFile, source = "file-explorer"): Menu {
    const menu = new Menu();
    this.workspace.trigger("file-menu", menu, file, source);
    return menu;
  }
}

let currentApp: App | null = null;

/**
 * A fresh app, as a freshly started Obsidian window: one per page, so the previous app (if any)
 * is destroyed and the global registries and logs are cleared.
 */
export function createFakeApp(options: FakeAppOptions = {}): App {
  currentApp?.destroy();
  MarkdownPreviewRenderer.resetRegistries();
  noticeLog.length = 0;
  shownMenus.length = 0;
  listenerErrors.length = 0;
  renderErrors.length = 0;
  installTimerTracking(window);
  currentApp = new App(options);
  MarkdownRenderer.currentApp = currentApp;
  return currentApp;
}

/**
 * `Plugin` and the plugin manager (`app.plugins`). Everything a plugin registers is undone when
 * it unloads, as in Obsidian: commands, ribbon icons, views, hover sources, processors, tabs.
 */
import "./dom";
import type { Extension } from "@codemirror/state";
import type { Command, HoverLinkSource, PluginManifest } from "obsidian";
import type { App } from "./app";
import { Component } from "./component";
import { setIcon } from "./icons";
import { type CodeBlockHandler, type MarkdownPostProcessor, MarkdownPreviewRenderer } from "./markdown";
import type { SettingTab } from "./setting";
import type { ViewCreator } from "./view-registry";

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)) as T);

export abstract class Plugin extends Component {
  app: App;
  manifest: PluginManifest;
  settings?: unknown;

  constructor(app: App, manifest: PluginManifest) {
    super();
    this.app = app;
    this.manifest = manifest;
  }

  override onload(): Promise<void> | void {}
  onUserEnable(): void {}

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const actions = this.app.workspace.leftRibbon.containerEl.querySelector(".side-dock-actions") as HTMLElement;
    const el = actions.createDiv({ cls: "side-dock-ribbon-action clickable-icon", attr: { "aria-label": title, "data-tooltip-position": "right" } });
    setIcon(el, icon);
    el.addEventListener("click", callback);
    this.register(() => el.detach());
    return el;
  }

  addStatusBarItem(): HTMLElement {
    const el = this.app.statusBarEl.createDiv("status-bar-item plugin-" + this.manifest.id);
    this.register(() => el.detach());
    return el;
  }

  /** Obsidian prefixes the id and name with the plugin's, in the object it is given. */
  addCommand(command: Command): Command {
    command.id = `${this.manifest.id}:${command.id}`;
    command.name = `${this.manifest.name}: ${command.name}`;
    this.app.commands.addCommand(command);
    this.register(() => this.app.commands.removeCommand(command.id));
    return command;
  }

  removeCommand(commandId: string): void {
    this.app.commands.removeCommand(`${this.manifest.id}:${commandId}`);
  }

  addSettingTab(settingTab: SettingTab): void {
    this.app.setting.addSettingTab(settingTab);
    this.register(() => this.app.setting.removeSettingTab(settingTab));
  }

  registerView(type: string, viewCreator: ViewCreator): void {
    this.app.viewRegistry.registerView(type, viewCreator);
    this.register(() => {
      // The leaves stay in the layout; their views are closed, as when Obsidian disables a plugin.
      for (const leaf of this.app.workspace.getLeavesOfType(type)) void leaf.setViewState({ type: "empty" });
      this.app.viewRegistry.unregisterView(type);
    });
  }

  registerExtensions(extensions: string[], viewType: string): void {
    this.app.viewRegistry.registerExtensions(extensions, viewType);
    this.register(() => this.app.viewRegistry.unregisterExtensions(extensions));
  }

  registerHoverLinkSource(id: string, info: HoverLinkSource): void {
    this.app.workspace.registerHoverLinkSource(id, info);
    this.register(() => this.app.workspace.unregisterHoverLinkSource(id));
  }

  registerMarkdownPostProcessor(postProcessor: MarkdownPostProcessor, sortOrder?: number): MarkdownPostProcessor {
    MarkdownPreviewRenderer.registerPostProcessor(postProcessor, sortOrder);
    this.register(() => MarkdownPreviewRenderer.unregisterPostProcessor(postProcessor));
    return postProcessor;
  }

  /**
   * app.js (quoted in public copy id 20652110327): the closure is registered as a post-processor,
   * then the language is claimed, which throws when it is held (the closure then stays registered).
   */
  registerMarkdownCodeBlockProcessor(language: string, handler: CodeBlockHandler, sortOrder?: number): MarkdownPostProcessor {
    const postProcessor = MarkdownPreviewRenderer.createCodeBlockPostProcessor(language, handler);
    MarkdownPreviewRenderer.registerPostProcessor(postProcessor, sortOrder);
    MarkdownPreviewRenderer.registerCodeBlockPostProcessor(language, handler);
    this.register(() => {
      MarkdownPreviewRenderer.unregisterCodeBlockPostProcessor(language);
      MarkdownPreviewRenderer.unregisterPostProcessor(postProcessor);
    });
    return postProcessor;
  }

  /** obsidian.d.ts: an array may be passed and changed later; `workspace.updateOptions()` applies it. */
  registerEditorExtension(extension: Extension): void {
    this.app.workspace.registerEditorExtension(extension);
    this.register(() => this.app.workspace.unregisterEditorExtension(extension));
  }

  registerEditorSuggest(suggest: unknown): void { this.app.pluginRecords.editorSuggests.push(suggest); }
  registerObsidianProtocolHandler(action: string, handler: unknown): void { this.app.pluginRecords.protocolHandlers[action] = handler; }
  registerBasesView(_viewId: string, _registration: unknown): boolean { return false; }

  async loadData(): Promise<unknown> {
    const data = this.app.plugins.pluginData[this.manifest.id];
    return data === undefined ? null : clone(data);
  }

  /** Stored in memory, and recorded as the `data.json` write it is in Obsidian. */
  async saveData(data: unknown): Promise<void> {
    this.app.plugins.pluginData[this.manifest.id] = clone(data);
    const path = `${this.app.vault.configDir}/plugins/${this.manifest.id}/data.json`;
    await this.app.vault.adapter.write(path, JSON.stringify(data, null, 2));
  }
}

type PluginClass<P> = new (app: never, manifest: never) => P;

export class PluginManager {
  plugins: Record<string, Plugin> = {};
  manifests: Record<string, PluginManifest> = {};
  enabledPlugins = new Set<string>();
  /** Each plugin's `data.json`, by plugin id; seed it before loading a plugin. */
  pluginData: Record<string, unknown> = {};
  private readonly app: App;

  constructor(app: App) {
    this.app = app;
  }

  getPlugin(id: string): Plugin | null { return this.plugins[id] ?? null; }

  /** Construct, register and load a plugin, awaiting an async `onload`. */
  async loadPlugin<P extends { load(): void; unload(): void }>(pluginClass: PluginClass<P>, manifest: Partial<PluginManifest> = {}): Promise<P> {
    const full: PluginManifest = { id: "test-plugin", name: "Test Plugin", author: "tests", version: "0.0.0", minAppVersion: "1.0.0", description: "", ...manifest };
    if (this.plugins[full.id]) throw new Error(`Plugin "${full.id}" is already loaded`);
    const plugin = new pluginClass(this.app as never, full as never);
    this.plugins[full.id] = plugin as unknown as Plugin;
    this.manifests[full.id] = full;
    this.enabledPlugins.add(full.id);
    try {
      plugin.load();
      await (plugin as unknown as Plugin)._onloadResult;
    } catch (error) {
      // Obsidian reports the failure and leaves the plugin disabled; undo what it registered.
      this.unloadNow(full.id);
      throw error;
    }
    return plugin;
  }

  /** Unload and forget a plugin; the unload itself is synchronous, as Component's is. */
  async unloadPlugin(id: string): Promise<void> {
    this.unloadNow(id);
  }

  unloadAll(): void {
    for (const id of Object.keys(this.plugins)) this.unloadNow(id);
  }

  private unloadNow(id: string): void {
    const plugin = this.plugins[id];
    if (!plugin) return;
    plugin.unload();
    delete this.plugins[id];
    this.enabledPlugins.delete(id);
  }
}

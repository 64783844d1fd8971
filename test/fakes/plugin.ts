/**
 * `Plugin` and the plugin manager (`app.plugins`). What a plugin registers is undone when it
 * unloads, as in Obsidian (obsidian.d.ts: "will be automatically unregistered when the plugin unloads").
 */
import type { Extension } from "@codemirror/state";
import type { Command, HoverLinkSource, PluginManifest } from "obsidian";
import type { App } from "./app";
import { Component } from "./component";
import { MarkdownPreviewRenderer, type CodeBlockHandler, type MarkdownPostProcessor } from "./markdown";
import type { PluginSettingTab } from "./ui";
import { setIcon } from "./utils";
import type { View } from "./views";
import type { WorkspaceLeaf } from "./workspace";

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export abstract class Plugin extends Component {
  constructor(public app: App, public manifest: PluginManifest) {
    super();
  }

  override onload(): Promise<void> | void {}

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.app.workspace.leftRibbon.containerEl.querySelector(".side-dock-actions")!.createDiv({ cls: "side-dock-ribbon-action", attr: { "aria-label": title } });
    setIcon(el, icon);
    el.addEventListener("click", callback);
    this.register(() => el.detach());
    return el;
  }

  /** obsidian.d.ts `addCommand`: "The command id and name will be automatically prefixed with this plugin's id and name." */
  addCommand(command: Command): Command {
    command.id = `${this.manifest.id}:${command.id}`;
    command.name = `${this.manifest.name}: ${command.name}`;
    this.app.commands.commands[command.id] = command;
    this.register(() => delete this.app.commands.commands[command.id]);
    return command;
  }

  addSettingTab(tab: PluginSettingTab): void {
    this.app.setting.tabs.push(tab);
    this.register(() => this.app.setting.removeTab(tab));
  }

  registerView(type: string, create: (leaf: WorkspaceLeaf) => View): void {
    this.app.viewRegistry[type] = create;
    this.register(() => {
      // The leaves stay in the layout; their views close, as when Obsidian disables a plugin.
      for (const leaf of this.app.workspace.getLeavesOfType(type)) void leaf.setViewState({ type: "empty" });
      delete this.app.viewRegistry[type];
    });
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
    const postProcessor = this.registerMarkdownPostProcessor(MarkdownPreviewRenderer.createCodeBlockPostProcessor(language, handler), sortOrder);
    MarkdownPreviewRenderer.registerCodeBlockPostProcessor(language, handler);
    this.register(() => MarkdownPreviewRenderer.unregisterCodeBlockPostProcessor(language));
    return postProcessor;
  }

  /** obsidian.d.ts: an array may be passed and changed later; `workspace.updateOptions()` applies it. */
  registerEditorExtension(extension: Extension): void {
    const extensions = this.app.workspace.editorExtensions;
    extensions.push(extension);
    this.register(() => extensions.splice(extensions.indexOf(extension), 1));
  }

  async loadData(): Promise<unknown> {
    return clone(this.app.plugins.pluginData[this.manifest.id]) ?? null;
  }

  /** Kept in memory, and recorded as the `data.json` write it is in Obsidian. */
  async saveData(data: unknown): Promise<void> {
    this.app.plugins.pluginData[this.manifest.id] = clone(data);
    await this.app.vault.adapter.write(`${this.app.vault.configDir}/plugins/${this.manifest.id}/data.json`, JSON.stringify(data, null, 2));
  }
}

export class PluginManager {
  plugins: Record<string, Plugin> = {};
  /** Each plugin's `data.json`, by plugin id; seed it before loading a plugin. */
  pluginData: Record<string, unknown> = {};

  constructor(private readonly app: App) {}

  /** Construct, register and load a plugin, awaiting an async `onload`; one that throws is unloaded again. */
  async loadPlugin<P extends { load(): void }>(pluginClass: new (app: never, manifest: never) => P, manifest: Partial<PluginManifest> = {}): Promise<P> {
    const full = { id: "test-plugin", name: "Test Plugin", author: "", version: "0.0.0", minAppVersion: "1.0.0", description: "", ...manifest };
    const plugin = new pluginClass(this.app as never, full as never);
    this.plugins[full.id] = plugin as unknown as Plugin;
    try {
      plugin.load();
      await (plugin as unknown as Plugin).onloadResult;
    } catch (error) {
      await this.unloadPlugin(full.id);
      throw error;
    }
    return plugin;
  }

  getPlugin(id: string): Plugin | null {
    return this.plugins[id] ?? null;
  }

  async unloadPlugin(id: string): Promise<void> {
    this.plugins[id]?.unload();
    delete this.plugins[id];
  }
}

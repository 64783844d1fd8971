/**
 * Core plugins, as `app.internalPlugins`. Core Search registers no code block processor: the
 * reading view hands it `query` blocks before any processor runs (see `MarkdownRenderer.postProcess`).
 * Obsidian emits no event when a core plugin is toggled; neither does the fake.
 */

export class InternalPlugin {
  readonly id: string;
  enabled = false;
  instance: { id: string; name: string };
  private readonly onEnable: () => void;
  private readonly onDisable: () => void;

  constructor(id: string, name: string, hooks: { enable?: () => void; disable?: () => void } = {}) {
    this.id = id;
    this.instance = { id, name };
    this.onEnable = hooks.enable ?? (() => undefined);
    this.onDisable = hooks.disable ?? (() => undefined);
  }

  async enable(_userInitiated?: boolean): Promise<void> {
    if (this.enabled) return;
    this.onEnable();
    this.enabled = true;
  }

  async disable(_userInitiated?: boolean): Promise<void> {
    if (!this.enabled) return;
    this.onDisable();
    this.enabled = false;
  }
}

export class InternalPlugins {
  plugins: Record<string, InternalPlugin> = {};

  constructor() {
    for (const plugin of [new InternalPlugin("global-search", "Search"), new InternalPlugin("page-preview", "Page preview"), new InternalPlugin("file-explorer", "Files")]) {
      this.plugins[plugin.id] = plugin;
    }
  }

  getPluginById(id: string): InternalPlugin | null { return this.plugins[id] ?? null; }

  getEnabledPluginById(id: string): InternalPlugin["instance"] | null {
    const plugin = this.plugins[id];
    return plugin?.enabled ? plugin.instance : null;
  }

  getEnabledPlugins(): InternalPlugin[] { return Object.values(this.plugins).filter((p) => p.enabled); }
}

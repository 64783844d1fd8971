/** `app.debug`: cheap introspection for leak and registration checks in tests. */
import type { App } from "./app";
import { domListenerCount } from "./component";
import { MarkdownPreviewRenderer } from "./markdown";
import { activeTimers } from "./timers";

export class AppDebug {
  private readonly app: App;
  constructor(app: App) { this.app = app; }

  /** Live listeners on the workspace, vault, metadata cache and every leaf, by source. */
  listenerCounts(): Record<string, number> {
    const counts: Record<string, number> = {
      workspace: this.app.workspace.listenerCount(),
      vault: this.app.vault.listenerCount(),
      metadataCache: this.app.metadataCache.listenerCount(),
      leaves: 0,
    };
    this.app.workspace.iterateAllLeaves((leaf) => { counts.leaves! += leaf.listenerCount(); });
    return counts;
  }

  listenerCount(): number {
    return Object.values(this.listenerCounts()).reduce((sum, count) => sum + count, 0);
  }

  domListenerCount(): number { return domListenerCount(); }
  activeTimers(): number { return activeTimers(); }
  codeBlockProcessors(): string[] { return Object.keys(MarkdownPreviewRenderer.codeBlockPostProcessors); }
  postProcessorCount(): number { return MarkdownPreviewRenderer.postProcessors.length; }
  registeredViews(): string[] { return Object.keys(this.app.viewRegistry.viewByType); }
  commandIds(): string[] { return Object.keys(this.app.commands.commands); }
  hoverLinkSources(): string[] { return Object.keys(this.app.workspace.hoverLinkSources); }

  /** Everything a plugin can register, in one comparable value: equal before load and after unload means nothing leaked. */
  footprint(): Record<string, unknown> {
    return {
      listeners: this.listenerCounts(),
      domListeners: this.domListenerCount(),
      timers: this.activeTimers(),
      commands: this.commandIds(),
      views: this.registeredViews(),
      hoverSources: this.hoverLinkSources(),
      codeBlocks: this.codeBlockProcessors(),
      queryHandler: MarkdownPreviewRenderer.codeBlockPostProcessors.query,
      postProcessors: this.postProcessorCount(),
      ribbon: document.querySelectorAll(".side-dock-ribbon-action").length,
    };
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
    this.app.workspace.iterateAllLeaves((leaf) => {
      const preview = (leaf.view as { previewMode?: { whenRendered(): Promise<void> } }).previewMode;
      if (preview) renders.push(preview.whenRendered());
    });
    await Promise.all(renders);
  }
}

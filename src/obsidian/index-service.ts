/**
 * Keeps the core index current from Obsidian's metadata cache and vault events, and
 * announces what changed, coalesced, so open blocks and the panel redraw once per burst.
 */
import { Component, Events, TFile, type App, type EventRef } from "obsidian";
import type { VaultConventions } from "../core/note";
import { emptyChange, isEmptyChange, mergeChange, VaultIndex, type IndexChange } from "../core/vault-index";
import { noteRecordFrom } from "./note-record";

/** Long enough to coalesce a burst of edits, short enough that a block updates within a third of a second. */
export const ANNOUNCE_DELAY_MS = 100;

export class IndexService extends Component {
  index: VaultIndex;
  /** False until the first build, once the layout is ready and the metadata cache has resolved. */
  ready = false;
  private readonly events = new Events();
  private pending: IndexChange = emptyChange();
  private announceTimer: number | null = null;
  private unloaded = false;

  constructor(
    private readonly app: App,
    conventions: VaultConventions,
  ) {
    super();
    this.index = new VaultIndex(conventions);
  }

  override onload(): void {
    // Building waits for the layout, so opening the vault is not slowed down.
    this.app.workspace.onLayoutReady(() => {
      if (!this.unloaded) this.start();
    });
    this.register(() => {
      this.unloaded = true;
      this.cancelAnnouncement();
    });
  }

  /** Subscribe to coalesced index changes; pass the ref to `registerEvent`. */
  onChange(listener: (change: IndexChange) => void): EventRef {
    return this.events.on("change", listener as (...data: unknown[]) => unknown);
  }

  /** New conventions (settings): build again from the cache. */
  rebuild(conventions: VaultConventions): void {
    this.index = new VaultIndex(conventions);
    if (this.ready) this.buildFromCache();
  }

  /** Nothing in the index changed, but what is drawn from it may (a setting): every view redraws. */
  redrawAll(): void {
    if (this.ready) this.apply(emptyChange(true));
  }

  private start(): void {
    const { metadataCache, vault } = this.app;
    // Until the first build, every note arrives with it: events before then change nothing.
    this.registerEvent(
      metadataCache.on("changed", (file) => {
        if (this.ready) this.apply(this.index.upsert(noteRecordFrom(file, metadataCache.getFileCache(file))));
      }),
    );
    this.registerEvent(
      metadataCache.on("deleted", (file) => {
        if (this.ready) this.apply(this.index.remove(file.path));
      }),
    );
    // A rename fires no `changed`: the content is the same, so the indexed record moves with it.
    // A note new to the index (say, moved out of an excluded folder) is read from the cache.
    this.registerEvent(
      vault.on("rename", (file, oldPath) => {
        if (!this.ready || !(file instanceof TFile) || file.extension !== "md") return;
        if (this.index.get(oldPath)) this.apply(this.index.rename(oldPath, file.path));
        else this.apply(this.index.upsert(noteRecordFrom(file, metadataCache.getFileCache(file))));
      }),
    );
    this.whenCacheResolved(() => this.buildFromCache());
  }

  /**
   * The layout can be ready before the metadata cache has read every note (a cold cache, a new
   * device, a `git pull`): building then would show gaps that are not there. So the first build
   * waits for `metadataCache.resolved` (read by public plugins, e.g. search id 53329961177) or the
   * first `resolved` event (obsidian.d.ts). An app without the flag gets a build now and one more
   * at the first `resolved`.
   */
  private whenCacheResolved(build: () => void): void {
    const { metadataCache } = this.app;
    const resolved = (metadataCache as { resolved?: unknown }).resolved;
    if (resolved === true) {
      build();
      return;
    }
    if (resolved !== false) build();
    const ref = metadataCache.on("resolved", () => {
      metadataCache.offref(ref);
      build();
    });
    this.registerEvent(ref);
  }

  private buildFromCache(): void {
    const index = new VaultIndex(this.index.conventions);
    index.load(this.app.vault.getMarkdownFiles().map((file) => noteRecordFrom(file, this.app.metadataCache.getFileCache(file))));
    this.index = index;
    this.ready = true;
    this.apply(emptyChange(true));
  }

  private apply(change: IndexChange): void {
    if (isEmptyChange(change)) return;
    mergeChange(this.pending, change);
    if (this.announceTimer === null) this.announceTimer = window.setTimeout(() => this.announce(), ANNOUNCE_DELAY_MS);
  }

  private announce(): void {
    this.announceTimer = null;
    const change = this.pending;
    this.pending = emptyChange();
    this.events.trigger("change", change);
  }

  private cancelAnnouncement(): void {
    if (this.announceTimer !== null) window.clearTimeout(this.announceTimer);
    this.announceTimer = null;
  }
}

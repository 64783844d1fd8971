/**
 * Keeps the core index current from Obsidian's metadata cache and vault events, and
 * announces what changed, coalesced, so open blocks and the panel redraw once per burst.
 * Builds run in slices (first-build.ts) so a large vault never freezes the app.
 */
import { Component, Events, TFile, type App, type EventRef } from "obsidian";
import type { VaultConventions } from "../core/note";
import { emptyChange, isEmptyChange, mergeChange, VaultIndex, type IndexChange } from "../core/vault-index";
import { buildInSlices, type BuildProgress } from "./first-build";
import { noteRecordFrom } from "./note-record";

/** Long enough to coalesce a burst of edits, short enough that a block updates within a third of a second. */
export const ANNOUNCE_DELAY_MS = 100;
/** How often a running build tells the views how far it is. */
const PROGRESS_EVERY_MS = 100;

export class IndexService extends Component {
  index: VaultIndex;
  /** False until the first build, once the layout is ready and the metadata cache has resolved. */
  ready = false;
  /** How far a build has come, while one runs. */
  progress: BuildProgress | null = null;
  /** Moves by one with every announced change; a view drawn from the index remembers the one it drew. */
  revision = 0;
  private conventions: VaultConventions;
  /** Paths that changed while a build ran: the build read them before or after, so they are read again. */
  private changedDuringBuild: Set<string> | null = null;
  private buildGeneration = 0;
  private lastProgressReport = Number.NEGATIVE_INFINITY;
  private readonly events = new Events();
  private pending: IndexChange = emptyChange();
  private announceTimer: number | null = null;
  private unloaded = false;

  constructor(
    private readonly app: App,
    conventions: VaultConventions,
    /** The rollup setting, which `coverage:` terms in blocks count by as the panel does. */
    readonly rollUp: () => boolean = () => true,
  ) {
    super();
    this.conventions = conventions;
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

  /** Whether a build is running (the first, or one for new settings). */
  get building(): boolean {
    return this.changedDuringBuild !== null;
  }

  /** Subscribe to a build's progress, at most every PROGRESS_EVERY_MS and once when it ends. */
  onProgress(listener: (progress: BuildProgress) => void): EventRef {
    return this.events.on("progress", listener as (...data: unknown[]) => unknown);
  }

  /** New conventions (settings): build again from the cache; the current index serves until then. */
  rebuild(conventions: VaultConventions): void {
    this.conventions = conventions;
    if (this.ready) void this.buildFromCache();
    else this.index = new VaultIndex(conventions);
  }

  /** Nothing in the index changed, but what is drawn from it may (a setting): every view redraws. */
  redrawAll(): void {
    if (this.ready) this.apply(emptyChange(true));
  }

  private start(): void {
    const { metadataCache, vault } = this.app;
    this.registerEvent(metadataCache.on("changed", (file) => this.noteChanged(file.path, () => this.index.upsert(noteRecordFrom(file, metadataCache.getFileCache(file))))));
    this.registerEvent(metadataCache.on("deleted", (file) => this.noteChanged(file.path, () => this.index.remove(file.path))));
    // A rename fires no `changed`: the content is the same, so the indexed record moves with it.
    // A note new to the index (say, moved out of an excluded folder) is read from the cache.
    this.registerEvent(
      vault.on("rename", (file, oldPath) => {
        if (!(file instanceof TFile) || file.extension !== "md") return;
        this.changedDuringBuild?.add(oldPath);
        this.noteChanged(file.path, () => (this.index.get(oldPath) ? this.index.rename(oldPath, file.path) : this.index.upsert(noteRecordFrom(file, metadataCache.getFileCache(file)))));
      }),
    );
    this.whenCacheResolved(() => void this.buildFromCache());
  }

  /** Before the first build, every note arrives with it: nothing to do. During a build, noted for it. */
  private noteChanged(path: string, update: () => IndexChange): void {
    this.changedDuringBuild?.add(path);
    if (this.ready) this.apply(update());
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

  private async buildFromCache(): Promise<void> {
    const generation = ++this.buildGeneration;
    const { vault, metadataCache } = this.app;
    const changed = new Set<string>();
    this.changedDuringBuild = changed;
    const index = await buildInSlices({
      files: vault.getMarkdownFiles(),
      recordOf: (file) => noteRecordFrom(file, metadataCache.getFileCache(file)),
      conventions: this.conventions,
      cancelled: () => this.unloaded || generation !== this.buildGeneration,
      onProgress: (progress) => this.reportProgress(progress),
      win: window,
    });
    if (!index) return;
    for (const path of changed) {
      const file = vault.getAbstractFileByPath(path);
      if (file instanceof TFile && file.extension === "md") index.upsert(noteRecordFrom(file, metadataCache.getFileCache(file)));
      else index.remove(path);
    }
    this.changedDuringBuild = null;
    this.progress = null;
    this.index = index;
    this.ready = true;
    this.apply(emptyChange(true));
  }

  private reportProgress(progress: BuildProgress): void {
    this.progress = progress;
    const now = window.performance.now();
    if (progress.done < progress.total && now - this.lastProgressReport < PROGRESS_EVERY_MS) return;
    this.lastProgressReport = now;
    this.events.trigger("progress", progress);
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
    this.revision++;
    this.events.trigger("change", change);
  }

  private cancelAnnouncement(): void {
    if (this.announceTimer !== null) window.clearTimeout(this.announceTimer);
    this.announceTimer = null;
  }
}

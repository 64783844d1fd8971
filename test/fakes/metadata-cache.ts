/**
 * The metadata cache: indexes markdown files and fires `changed` (after create/modify, once
 * indexed, asynchronously), `deleted`, and `resolved` after each batch. A rename moves the
 * cache entry silently, as Obsidian does.
 */
import type { CachedMetadata } from "obsidian";
import { Events } from "./events";
import { TFile } from "./files";
import { computeNoteCache } from "./note-cache";
import { internalTimers } from "./timers";
import { normalizePath, parseLinktext } from "./utils";
import type { Vault, VaultChange } from "./vault";

export class MetadataCache extends Events {
  /** Becomes true when `resolved` first fires; public plugins read it (e.g. id 53329961177). */
  resolved = false;
  resolvedLinks: Record<string, Record<string, number>> = {};
  unresolvedLinks: Record<string, Record<string, number>> = {};

  private readonly vault: Vault;
  private readonly caches = new Map<string, CachedMetadata>();
  private indexing = false;
  private readonly pending = new Set<TFile>();
  private flushQueued = false;
  private resolvedTimer: unknown = null;
  private idleWaiters: Array<() => void> = [];

  constructor(vault: Vault) {
    super();
    this.vault = vault;
    vault.onChange = (change) => this.onVaultChange(change);
  }

  getFileCache(file: TFile): CachedMetadata | null {
    return this.caches.get(file.path) ?? null;
  }

  getCache(path: string): CachedMetadata | null {
    return this.caches.get(normalizePath(path)) ?? null;
  }

  /** By path (relative to the source's folder, then from the root), then by name, nearest first. */
  getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
    const path = parseLinktext(linkpath).path;
    if (path === "") return this.vault.getFileByPath(sourcePath);
    const wanted = path.toLowerCase();
    const withMd = wanted.endsWith(".md") ? [wanted] : [wanted + ".md", wanted];
    const sourceFolder = sourcePath.includes("/") ? sourcePath.slice(0, sourcePath.lastIndexOf("/") + 1).toLowerCase() : "";
    const files = this.vault.getFiles();
    for (const candidate of [...withMd.map((p) => sourceFolder + p), ...withMd]) {
      const exact = files.find((f) => f.path.toLowerCase() === normalizePath(candidate));
      if (exact) return exact;
    }
    const bySuffix = files.filter((f) => withMd.some((p) => f.path.toLowerCase().endsWith("/" + p)));
    bySuffix.sort((a, b) => {
      const aNear = a.path.toLowerCase().startsWith(sourceFolder) ? 0 : 1;
      const bNear = b.path.toLowerCase().startsWith(sourceFolder) ? 0 : 1;
      return aNear - bNear || a.path.length - b.path.length;
    });
    return bySuffix[0] ?? null;
  }

  fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
    const sameName = this.vault.getFiles().filter((f) => f.basename === file.basename);
    const base = sameName.length === 1 ? (file.extension === "md" && omitMdExtension ? file.basename : file.name) : file.path;
    return omitMdExtension && base.endsWith(".md") ? base.slice(0, -3) : base;
  }

  /** Fake-only, for startup: index every markdown file; with `announce`, fire `changed` for each (a cold cache). */
  indexAll(announce: boolean): void {
    this.indexing = true;
    for (const file of this.vault.getMarkdownFiles()) {
      const data = this.vault.readNow(file);
      const cache = computeNoteCache(data);
      this.caches.set(file.path, cache);
      if (announce) this.trigger("changed", file, data, cache);
    }
    this.resolveLinks();
    this.scheduleResolved();
  }

  /** Fake-only: watch the vault with nothing indexed yet (a cold cache); `indexAll(true)` catches up later. */
  watchWithoutIndex(): void {
    this.indexing = true;
  }

  /** Fake-only: resolves once no indexing is pending and `resolved` has fired for the last batch. */
  whenIdle(): Promise<void> {
    if (!this.flushQueued && this.resolvedTimer === null) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private onVaultChange(change: VaultChange): void {
    if (!this.indexing) return;
    if (change.type === "rename") {
      const cache = this.caches.get(change.oldPath);
      if (cache) {
        this.caches.delete(change.oldPath);
        this.caches.set(change.file.path, cache);
      }
      return;
    }
    if (change.file.extension !== "md") return;
    if (change.type === "delete") {
      const previous = this.caches.get(change.file.path) ?? null;
      this.caches.delete(change.file.path);
      this.pending.delete(change.file);
      this.trigger("deleted", change.file, previous);
      this.resolveLinks();
      this.scheduleResolved();
      return;
    }
    this.pending.add(change.file);
    if (this.flushQueued) return;
    this.flushQueued = true;
    // Obsidian parses in a worker: `changed` arrives after the write returns, never during it.
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.flushQueued = false;
    const files = [...this.pending];
    this.pending.clear();
    const indexed = files.filter((file) => this.vault.getFileByPath(file.path) === file);
    for (const file of indexed) {
      const data = this.vault.readNow(file);
      const cache = computeNoteCache(data);
      this.caches.set(file.path, cache);
      this.trigger("changed", file, data, cache);
    }
    this.resolveLinks();
    for (const file of indexed) this.trigger("resolve", file);
    this.scheduleResolved();
  }

  private scheduleResolved(): void {
    if (this.resolvedTimer !== null) internalTimers.clearTimeout(this.resolvedTimer);
    this.resolvedTimer = internalTimers.setTimeout(() => {
      this.resolvedTimer = null;
      this.resolved = true;
      this.trigger("resolved");
      if (this.flushQueued || this.resolvedTimer !== null) return;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }, 0);
  }

  private resolveLinks(): void {
    this.resolvedLinks = {};
    this.unresolvedLinks = {};
    for (const [path, cache] of this.caches) {
      const resolved: Record<string, number> = {};
      const unresolved: Record<string, number> = {};
      for (const link of cache.links ?? []) {
        const target = this.getFirstLinkpathDest(link.link, path);
        const bucket = target ? resolved : unresolved;
        const key = target ? target.path : parseLinktext(link.link).path;
        bucket[key] = (bucket[key] ?? 0) + 1;
      }
      this.resolvedLinks[path] = resolved;
      this.unresolvedLinks[path] = unresolved;
    }
  }
}

/**
 * The metadata cache, built from each note's text the way the plugin reads it: the frontmatter as
 * Obsidian's worker parses it, and the body's inline tags read with the core's own reader (its table
 * tests in test/core/tags.test.ts hold it to Obsidian's rules). Nothing else of a note is modelled:
 * no links, headings or positions of tags, which the plugin does not read.
 */
import type { CachedMetadata, Pos } from "obsidian";
import { inlineTags } from "../../src/core/tags";
import { Events } from "./component";
import { parseYaml } from "./frontmatter";
import { internalTimers } from "./timers";
import type { TFile, Vault, VaultChange } from "./vault";

/**
 * worker.js (public copy id 56547900761): a `---` first line opens a block closed by the next `---`
 * line; it is always a first section of type `yaml`, but `frontmatter` and `frontmatterPosition` are
 * set only when its YAML parses to a mapping. Dates stay strings (js-yaml's core schema, as Obsidian).
 */
export function noteCache(content: string): CachedMetadata {
  const cache: CachedMetadata = {};
  const lines = content.split("\n");
  const close = lines[0]?.trimEnd() === "---" ? lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---") : -1;
  let body = content;
  if (close > 0) {
    const yaml = lines.slice(1, close).join("\n");
    const end = lines.slice(0, close).join("\n").length + 4;
    const position: Pos = { start: { line: 0, col: 0, offset: 0 }, end: { line: close, col: 3, offset: end } };
    cache.sections = [{ type: "yaml", position }];
    let parsed: unknown = null;
    try {
      parsed = parseYaml(yaml);
    } catch {
      // Invalid YAML: no properties, only the section.
    }
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
      cache.frontmatter = parsed as Record<string, unknown>;
      cache.frontmatterPosition = position;
    }
    body = lines.slice(close + 1).join("\n");
  }
  // obsidian.d.ts `CachedMetadata.tags`: the body's tags, each with its `#` (frontmatter tags are not among them).
  const tags = inlineTags(body).map((tag) => ({ tag: `#${tag}`, position: { start: { line: 0, col: 0, offset: 0 }, end: { line: 0, col: 0, offset: 0 } } }));
  if (tags.length > 0) cache.tags = tags;
  return cache;
}

export class MetadataCache extends Events {
  /** Becomes true when `resolved` first fires; public plugins read it (search id 53329961177). */
  resolved = false;
  private readonly caches = new Map<string, CachedMetadata>();
  private watching = false;
  private readonly pending = new Set<TFile>();
  private resolvedTimer: unknown = null;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly vault: Vault) {
    super();
    vault.onChange = (change) => this.onVaultChange(change);
  }

  getFileCache(file: TFile): CachedMetadata | null {
    return this.caches.get(file.path) ?? null;
  }

  /** Fake-only, at startup: index every note; with `announce`, fire `changed` for each (a cold cache). */
  indexAll(announce: boolean): void {
    this.watching = true;
    for (const file of this.vault.getMarkdownFiles()) {
      const data = this.vault.readNow(file);
      const cache = noteCache(data);
      this.caches.set(file.path, cache);
      if (announce) this.trigger("changed", file, data, cache);
    }
    this.scheduleResolved();
  }

  /** Fake-only: watch the vault with nothing indexed yet (a cold cache); `indexAll(true)` catches up later. */
  watchWithoutIndex(): void {
    this.watching = true;
  }

  /** Fake-only: resolves once no indexing is pending and `resolved` has fired for the last batch. */
  whenIdle(): Promise<void> {
    if (this.pending.size === 0 && this.resolvedTimer === null) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private onVaultChange(change: VaultChange): void {
    if (!this.watching || change.file.extension !== "md") return;
    if (change.type === "rename") {
      // obsidian.d.ts: the metadata cache has no rename event; the entry moves with the file.
      const cache = this.caches.get(change.oldPath);
      this.caches.delete(change.oldPath);
      if (cache) this.caches.set(change.file.path, cache);
    } else if (change.type === "delete") {
      // obsidian.d.ts `on('deleted')`: with a best-effort previous version of the cache.
      const previous = this.caches.get(change.file.path) ?? null;
      this.caches.delete(change.file.path);
      this.pending.delete(change.file);
      this.trigger("deleted", change.file, previous);
      this.scheduleResolved();
    } else {
      // obsidian.d.ts `on('changed')`: "when a file has been indexed", in a worker: after the write returns, never during it.
      if (this.pending.size === 0) queueMicrotask(() => this.flush());
      this.pending.add(change.file);
    }
  }

  private flush(): void {
    const files = [...this.pending].filter((file) => this.vault.getFileByPath(file.path) === file);
    this.pending.clear();
    for (const file of files) {
      const data = this.vault.readNow(file);
      const cache = noteCache(data);
      this.caches.set(file.path, cache);
      this.trigger("changed", file, data, cache);
    }
    this.scheduleResolved();
  }

  /** obsidian.d.ts `on('resolved')`: after the initial load, and again each time files get modified. */
  private scheduleResolved(): void {
    if (this.resolvedTimer !== null) internalTimers.clearTimeout(this.resolvedTimer);
    this.resolvedTimer = internalTimers.setTimeout(() => {
      this.resolvedTimer = null;
      this.resolved = true;
      this.trigger("resolved");
      if (this.pending.size > 0 || this.resolvedTimer !== null) return;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    });
  }
}

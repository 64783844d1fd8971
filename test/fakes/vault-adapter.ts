/**
 * `vault.adapter`: raw path access. Vault files go through the vault (as Obsidian's file watcher
 * would report them); hidden paths such as `.obsidian/…` live in a side map.
 */
import type { DataWriteOptions, ListedFiles, Stat } from "obsidian";
import { TFile, TFolder, utf8Length } from "./files";
import { normalizePath } from "./utils";
import type { Vault } from "./vault";

function isHiddenPath(path: string): boolean {
  return path.split("/").some((segment) => segment.startsWith("."));
}

export class FakeDataAdapter {
  private readonly vault: Vault;
  /** Files outside the vault's index: the config folder, dotfiles. */
  readonly hiddenFiles = new Map<string, string>();

  constructor(vault: Vault) {
    this.vault = vault;
  }

  getName(): string { return this.vault.getName(); }

  async exists(path: string, _sensitive?: boolean): Promise<boolean> {
    const normalized = normalizePath(path);
    if (this.hiddenFiles.has(normalized)) return true;
    if ([...this.hiddenFiles.keys()].some((p) => p.startsWith(normalized + "/"))) return true;
    return this.vault.getAbstractFileByPath(normalized) !== null;
  }

  async stat(path: string): Promise<Stat | null> {
    const item = this.vault.getAbstractFileByPath(path);
    if (item instanceof TFile) return { type: "file", ...item.stat };
    if (item instanceof TFolder) return { type: "folder", ctime: 0, mtime: 0, size: 0 };
    const hidden = this.hiddenFiles.get(normalizePath(path));
    return hidden === undefined ? null : { type: "file", ctime: 0, mtime: 0, size: utf8Length(hidden) };
  }

  async list(path: string): Promise<ListedFiles> {
    const folder = this.vault.getFolderByPath(path);
    const children = folder?.children ?? [];
    return {
      files: children.filter((c) => c instanceof TFile).map((c) => c.path),
      folders: children.filter((c) => c instanceof TFolder).map((c) => c.path),
    };
  }

  async read(path: string): Promise<string> {
    const normalized = normalizePath(path);
    const hidden = this.hiddenFiles.get(normalized);
    if (hidden !== undefined) return hidden;
    const file = this.vault.getFileByPath(normalized);
    if (!file) throw new Error(`ENOENT: no such file, open '${normalized}'`);
    return this.vault.readNow(file);
  }

  async write(path: string, data: string, _options?: DataWriteOptions): Promise<void> {
    const normalized = normalizePath(path);
    this.vault.writes.push({ kind: "adapter.write", path: normalized, data });
    if (isHiddenPath(normalized)) {
      this.hiddenFiles.set(normalized, data);
      return;
    }
    const file = this.vault.getFileByPath(normalized);
    if (file) this.vault.modifyNow(file, data);
    else this.vault.createNow(normalized, data);
  }

  async append(path: string, data: string): Promise<void> {
    const current = (await this.exists(path)) ? await this.read(path) : "";
    await this.write(path, current + data);
  }

  async process(path: string, fn: (data: string) => string): Promise<string> {
    const next = fn(await this.read(path));
    await this.write(path, next);
    return next;
  }

  async remove(path: string): Promise<void> {
    const normalized = normalizePath(path);
    this.vault.writes.push({ kind: "adapter.remove", path: normalized });
    if (this.hiddenFiles.delete(normalized)) return;
    const file = this.vault.getFileByPath(normalized);
    if (file) this.vault.deleteNow(file);
  }

  async mkdir(_path: string): Promise<void> {}
  getResourcePath(path: string): string { return `app://fake-obsidian/${encodeURI(normalizePath(path))}`; }
}

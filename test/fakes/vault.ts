/**
 * The vault: files in memory from path → text, Obsidian's vault events, and every write recorded
 * in `writes`, so tests can prove the plugin never changes a note.
 */
import { Events } from "./component";
import { normalizePath } from "./utils";

export class TAbstractFile {
  name = "";
  parent: TFolder | null = null;
  constructor(public path: string) {
    this.setPath(path);
  }

  /** Fake-only: a rename keeps the same object (obsidian.d.ts: `Vault.on('rename')` hands over the file itself). */
  setPath(path: string): void {
    this.path = path;
    this.name = path.slice(path.lastIndexOf("/") + 1);
  }
}

export class TFile extends TAbstractFile {
  get basename(): string {
    return this.name.includes(".") ? this.name.slice(0, this.name.lastIndexOf(".")) : this.name;
  }

  get extension(): string {
    return this.name.includes(".") ? this.name.slice(this.name.lastIndexOf(".") + 1) : "";
  }
}

export class TFolder extends TAbstractFile {}

export interface VaultWrite {
  kind: "create" | "createFolder" | "modify" | "delete" | "rename" | "adapter.write";
  path: string;
  newPath?: string;
  data?: string;
}

/** What the metadata cache hears of, apart from the listeners the leak counts see. */
export type VaultChange = { type: "create" | "modify" | "delete"; file: TFile } | { type: "rename"; file: TFile; oldPath: string };

export class Vault extends Events {
  configDir = ".obsidian";
  /** Fake-only: every write, in order. */
  readonly writes: VaultWrite[] = [];
  /** Fake-only: set by the metadata cache. */
  onChange: ((change: VaultChange) => void) | null = null;
  readonly adapter = { write: async (path: string, data: string): Promise<void> => void this.writes.push({ kind: "adapter.write", path: normalizePath(path), data }) };
  private readonly byPath = new Map<string, TAbstractFile>();
  private readonly contents = new Map<TFile, string>();

  constructor(
    files: Record<string, string>,
    private readonly vaultName = "Test Vault",
  ) {
    super();
    for (const [path, content] of Object.entries(files)) this.addFile(normalizePath(path), content);
  }

  getName(): string { return this.vaultName; }
  getAbstractFileByPath(path: string): TAbstractFile | null { return this.byPath.get(normalizePath(path)) ?? null; }
  getFileByPath(path: string): TFile | null {
    const file = this.getAbstractFileByPath(path);
    return file instanceof TFile ? file : null;
  }
  getFiles(): TFile[] { return [...this.contents.keys()]; }
  getMarkdownFiles(): TFile[] { return this.getFiles().filter((file) => file.extension === "md"); }
  async read(file: TFile): Promise<string> { return this.readNow(file); }
  async cachedRead(file: TFile): Promise<string> { return this.readNow(file); }

  async create(path: string, data: string): Promise<TFile> {
    const normalized = normalizePath(path);
    this.writes.push({ kind: "create", path: normalized, data });
    return this.createNow(normalized, data);
  }

  async createFolder(path: string): Promise<TFolder> {
    const normalized = normalizePath(path);
    this.writes.push({ kind: "createFolder", path: normalized });
    return this.folder(normalized);
  }

  async modify(file: TFile, data: string): Promise<void> {
    this.writes.push({ kind: "modify", path: file.path, data });
    this.modifyNow(file, data);
  }

  async delete(file: TFile): Promise<void> {
    this.writes.push({ kind: "delete", path: file.path });
    this.deleteNow(file);
  }

  /**
   * Files only. The metadata cache subscribed to the vault at startup, before any plugin, so it moves
   * its entry first (listeners run in order, app.js id 56172161012); no `changed` follows, as the text is the same.
   */
  async rename(file: TFile, newPath: string): Promise<void> {
    const normalized = normalizePath(newPath);
    this.writes.push({ kind: "rename", path: file.path, newPath: normalized });
    const oldPath = file.path;
    this.byPath.delete(oldPath);
    file.setPath(normalized);
    file.parent = this.folder(parentOf(normalized));
    this.byPath.set(normalized, file);
    this.onChange?.({ type: "rename", file, oldPath });
    this.trigger("rename", file, oldPath);
  }

  /** Fake-only: the writes that touch notes, leaving out the config folder (plugin data). */
  noteWrites(): VaultWrite[] {
    return this.writes.filter((write) => !write.path.startsWith(this.configDir + "/"));
  }

  /** Fake-only, at startup: obsidian.d.ts, `create` "is also called when the vault is first loaded for each existing file". */
  announceLoadedFiles(): void {
    for (const file of this.getFiles()) this.trigger("create", file);
  }

  readNow(file: TFile): string {
    const content = this.contents.get(file);
    if (content === undefined) throw new Error(`File not found: ${file.path}`);
    return content;
  }

  /** Fake-only: a change on disk, as a sync tool or another app makes it: events, but no write of the plugin's. */
  createNow(path: string, data: string): TFile {
    const file = this.addFile(normalizePath(path), data);
    this.trigger("create", file);
    this.onChange?.({ type: "create", file });
    return file;
  }

  modifyNow(file: TFile, data: string): void {
    this.readNow(file);
    this.contents.set(file, data);
    this.trigger("modify", file);
    this.onChange?.({ type: "modify", file });
  }

  deleteNow(file: TFile): void {
    this.byPath.delete(file.path);
    this.contents.delete(file);
    this.trigger("delete", file);
    this.onChange?.({ type: "delete", file });
  }

  private addFile(path: string, content: string): TFile {
    const file = new TFile(path);
    file.parent = this.folder(parentOf(path));
    this.byPath.set(path, file);
    this.contents.set(file, content);
    return file;
  }

  private folder(path: string): TFolder {
    const existing = this.byPath.get(path);
    if (existing instanceof TFolder) return existing;
    const folder = new TFolder(path);
    this.byPath.set(path, folder);
    return folder;
  }
}

function parentOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "/";
}

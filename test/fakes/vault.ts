/**
 * The vault: an in-memory tree built from path → content, firing Obsidian's vault events and
 * recording every write in `writes`, so tests can prove the plugin never changes a note.
 */
import { Events } from "./events";
import { TAbstractFile, TFile, TFolder, parentPath, utf8Length } from "./files";
import { normalizePath } from "./utils";
import { FakeDataAdapter } from "./vault-adapter";

export type VaultWriteKind = "create" | "createFolder" | "modify" | "delete" | "rename" | "adapter.write" | "adapter.remove" | "processFrontMatter";

export interface VaultWrite {
  kind: VaultWriteKind;
  path: string;
  newPath?: string;
  data?: string;
}

/** What the metadata cache hears of, without being a listener the leak counts would see. */
export type VaultChange =
  | { type: "create" | "modify"; file: TFile }
  | { type: "delete"; file: TFile }
  | { type: "rename"; file: TAbstractFile; oldPath: string };

export class Vault extends Events {
  adapter: FakeDataAdapter;
  configDir = ".obsidian";
  /** Fake-only: every write, in order. */
  readonly writes: VaultWrite[] = [];
  /** Fake-only: set by the metadata cache. */
  onChange: ((change: VaultChange) => void) | null = null;
  /** Fake-only: the app's own listeners (open note views), apart so listener counts show only plugin code. */
  readonly appEvents = new Events();

  private readonly vaultName: string;
  private readonly root: TFolder;
  private readonly byPath = new Map<string, TAbstractFile>();
  private readonly contents = new Map<TFile, string>();
  private lastTime = Date.UTC(2024, 0, 1);

  constructor(files: Record<string, string>, vaultName = "Test Vault") {
    super();
    this.vaultName = vaultName;
    this.root = new TFolder(this, "/");
    this.byPath.set("/", this.root);
    this.adapter = new FakeDataAdapter(this);
    for (const [path, content] of Object.entries(files)) this.addFile(normalizePath(path), content);
  }

  override trigger(name: string, ...data: unknown[]): void {
    // The app's views subscribed at startup, before any plugin, so they hear events first.
    this.appEvents.trigger(name, ...data);
    super.trigger(name, ...data);
  }

  getName(): string { return this.vaultName; }
  getRoot(): TFolder { return this.root; }
  getAbstractFileByPath(path: string): TAbstractFile | null { return this.byPath.get(normalizePath(path)) ?? null; }

  getFileByPath(path: string): TFile | null {
    const file = this.getAbstractFileByPath(path);
    return file instanceof TFile ? file : null;
  }

  getFolderByPath(path: string): TFolder | null {
    const folder = this.getAbstractFileByPath(path);
    return folder instanceof TFolder ? folder : null;
  }

  getFiles(): TFile[] { return [...this.contents.keys()]; }
  getMarkdownFiles(): TFile[] { return this.getFiles().filter((file) => file.extension === "md"); }
  getAllLoadedFiles(): TAbstractFile[] { return [...this.byPath.values()]; }

  getAllFolders(includeRoot = false): TFolder[] {
    return this.getAllLoadedFiles().filter((f): f is TFolder => f instanceof TFolder && (includeRoot || !f.isRoot()));
  }

  static recurseChildren(root: TFolder, cb: (file: TAbstractFile) => unknown): void {
    cb(root);
    for (const child of root.children) {
      if (child instanceof TFolder) Vault.recurseChildren(child, cb);
      else cb(child);
    }
  }

  async read(file: TFile): Promise<string> { return this.readNow(file); }
  async cachedRead(file: TFile): Promise<string> { return this.readNow(file); }
  getResourcePath(file: TFile): string { return `app://fake-obsidian/${encodeURI(file.path)}`; }

  async create(path: string, data: string): Promise<TFile> {
    const normalized = normalizePath(path);
    if (this.byPath.has(normalized)) throw new Error("File already exists.");
    this.writes.push({ kind: "create", path: normalized, data });
    return this.createNow(normalized, data);
  }

  async createFolder(path: string): Promise<TFolder> {
    const normalized = normalizePath(path);
    if (this.byPath.has(normalized)) throw new Error("Folder already exists.");
    this.writes.push({ kind: "createFolder", path: normalized });
    return this.ensureFolder(normalized, true);
  }

  async modify(file: TFile, data: string): Promise<void> {
    this.writes.push({ kind: "modify", path: file.path, data });
    this.modifyNow(file, data);
  }

  async append(file: TFile, data: string): Promise<void> { await this.modify(file, this.readNow(file) + data); }

  async process(file: TFile, fn: (data: string) => string): Promise<string> {
    const next = fn(this.readNow(file));
    await this.modify(file, next);
    return next;
  }

  async delete(file: TAbstractFile, _force?: boolean): Promise<void> {
    this.writes.push({ kind: "delete", path: file.path });
    this.deleteNow(file);
  }

  async trash(file: TAbstractFile, _system: boolean): Promise<void> { await this.delete(file); }

  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    const normalized = normalizePath(newPath);
    if (this.byPath.has(normalized)) throw new Error("Destination file already exists!");
    this.writes.push({ kind: "rename", path: file.path, newPath: normalized });
    const moved: Array<[TAbstractFile, string]> = [];
    const target = this.ensureFolder(parentPath(normalized), true);
    file.parent?.children.splice(file.parent.children.indexOf(file), 1);
    const oldPrefix = file.path;
    const visit = (f: TAbstractFile): void => {
      moved.push([f, f.path]);
      this.byPath.delete(f.path);
      f.setPath(normalized + f.path.slice(oldPrefix.length));
      this.byPath.set(f.path, f);
      if (f instanceof TFolder) f.children.forEach(visit);
    };
    visit(file);
    file.parent = target;
    target.children.push(file);
    // Obsidian fires only the vault's rename (no metadata `changed`), once per moved item.
    // The metadata cache listens first (it subscribed when the app started), so a plugin's
    // `rename` handler already finds the cache under the new path.
    for (const [moving, oldPath] of moved) {
      this.onChange?.({ type: "rename", file: moving, oldPath });
      this.trigger("rename", moving, oldPath);
    }
  }

  async copy<T extends TAbstractFile>(file: T, newPath: string): Promise<T> {
    if (!(file instanceof TFile)) throw new Error("The fake copies files only.");
    return (await this.create(newPath, this.readNow(file))) as unknown as T;
  }

  /** Fake-only: the writes that touch notes, leaving out the config folder (plugin data). */
  noteWrites(): VaultWrite[] {
    return this.writes.filter((w) => !w.path.startsWith(this.configDir + "/"));
  }

  /** Fake-only: synchronous read for assertions. */
  contentOf(path: string): string | null {
    const file = this.getFileByPath(path);
    return file ? this.readNow(file) : null;
  }

  /** Fake-only, for startup: announce every loaded item as Obsidian does when the vault loads. */
  announceLoadedFiles(): void {
    Vault.recurseChildren(this.root, (f) => {
      if (f !== this.root) this.trigger("create", f);
    });
  }

  readNow(file: TFile): string {
    const content = this.contents.get(file);
    if (content === undefined) throw new Error(`File not found: ${file.path}`);
    return content;
  }

  createNow(path: string, data: string): TFile {
    const file = this.addFile(path, data, true);
    this.trigger("create", file);
    this.onChange?.({ type: "create", file });
    return file;
  }

  modifyNow(file: TFile, data: string): void {
    if (!this.contents.has(file)) throw new Error(`File not found: ${file.path}`);
    this.contents.set(file, data);
    file.stat = { ...file.stat, mtime: this.tick(), size: utf8Length(data) };
    this.trigger("modify", file);
    this.onChange?.({ type: "modify", file });
  }

  deleteNow(file: TAbstractFile): void {
    if (file instanceof TFolder) for (const child of file.children.slice()) this.deleteNow(child);
    file.parent?.children.splice(file.parent.children.indexOf(file), 1);
    this.byPath.delete(file.path);
    if (file instanceof TFile) this.contents.delete(file);
    this.trigger("delete", file);
    if (file instanceof TFile) this.onChange?.({ type: "delete", file });
  }

  private addFile(path: string, content: string, announceFolders = false): TFile {
    const parent = this.ensureFolder(parentPath(path), announceFolders);
    const file = new TFile(this, path);
    const time = this.tick();
    file.stat = { ctime: time, mtime: time, size: utf8Length(content) };
    file.parent = parent;
    parent.children.push(file);
    this.byPath.set(path, file);
    this.contents.set(file, content);
    return file;
  }

  private ensureFolder(path: string, announce: boolean): TFolder {
    const existing = this.byPath.get(path);
    if (existing instanceof TFolder) return existing;
    if (existing) throw new Error(`A file is in the way of folder ${path}`);
    const parent = this.ensureFolder(parentPath(path), announce);
    const folder = new TFolder(this, path);
    folder.parent = parent;
    parent.children.push(folder);
    this.byPath.set(path, folder);
    if (announce) this.trigger("create", folder);
    return folder;
  }

  private tick(): number {
    this.lastTime = Math.max(this.lastTime + 1, Date.now());
    return this.lastTime;
  }
}

/** `TAbstractFile`, `TFile`, `TFolder`: the vault's file objects, one instance per path for its lifetime. */
import type { FileStats } from "obsidian";
import type { Vault } from "./vault";

export abstract class TAbstractFile {
  vault: Vault;
  path = "";
  name = "";
  parent: TFolder | null = null;

  constructor(vault: Vault, path: string) {
    this.vault = vault;
    this.setPath(path);
  }

  /** Fake-only: rename in place, as Obsidian keeps the same object across a rename. */
  setPath(path: string): void {
    this.path = path;
    this.name = path === "/" ? "" : (path.split("/").pop() ?? path);
  }
}

export class TFile extends TAbstractFile {
  stat: FileStats = { ctime: 0, mtime: 0, size: 0 };
  basename = "";
  extension = "";

  constructor(vault: Vault, path: string) {
    super(vault, path);
    // Again: this class's field initializers ran after the base constructor set them.
    this.setPath(path);
  }

  override setPath(path: string): void {
    super.setPath(path);
    const dot = this.name.lastIndexOf(".");
    this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
    this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
  }
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];

  isRoot(): boolean {
    return this.path === "/";
  }
}

/** Byte length of a string in UTF-8, without TextEncoder (jsdom in jest lacks it). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function parentPath(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}

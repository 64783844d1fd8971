/**
 * Writing notes into a vault, for a command that writes (import-actors): only inside the one folder
 * it was given, only files it wrote itself and nobody edited since, each written whole or not at all.
 *
 * - The folder is vault-relative, holds no `..` and no hidden part, and neither it nor any folder on
 *   the way is a symbolic link: every write lands inside the vault's real folder.
 * - A note is the importer's when its frontmatter holds a hash of the rest of its text that still
 *   matches; any other file, an edited note, a link or a folder is left alone.
 * - Each note goes to a hidden temporary file beside it, flushed to disk, then into place: a new note
 *   by a hard link, which fails rather than replace a file that appeared meanwhile; an update by a
 *   rename, after checking the note is still what was read. A crash leaves only whole notes and
 *   hidden temporaries, which the next run removes.
 */
import { createHash } from "node:crypto";
import * as nodeFs from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { UsageError } from "./args";
import { splitHash } from "./profile-note";

/** The calls the writer makes, so a test can make one of them fail as a full disk or a read-only folder would. */
export type WriterFs = Pick<typeof nodeFs, "openSync" | "writeSync" | "fsyncSync" | "closeSync" | "linkSync" | "renameSync" | "unlinkSync" | "mkdirSync">;

export interface ImportFolder {
  /** Vault-relative, with `/`: `Threat Profiles`. */
  folder: string;
  /** The real path of the folder. */
  path: string;
  /** The real path of the vault. */
  vaultPath: string;
  /** Whether it exists yet (a dry run does not create it). */
  exists: boolean;
}

/** Only this much of an existing note is read to tell whether it is the importer's; profiles are a few KB. */
const MAX_OWN_NOTE = 4 * 1024 * 1024;
const TEMPORARY = /^\.attack-vault-import-\d+-\d+\.tmp$/;

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The folder to write into, checked part by part from the vault's real folder; created when `create`.
 * Throws a UsageError saying what is wrong with it.
 */
export function importFolder(vaultDir: string, folder: string, create: boolean, fs: WriterFs = nodeFs): ImportFolder {
  const parts = folder.replace(/\\/g, "/").split("/").filter((part) => part !== "" && part !== ".");
  const given = `--folder ${JSON.stringify(folder)}`;
  if (parts.length === 0) throw new UsageError(`${given} names no folder; give one inside the vault, e.g. "Threat Profiles"`);
  if (/^([a-z]:|\/)/i.test(folder.trim())) throw new UsageError(`${given} is an absolute path; give a folder inside the vault, relative to it`);
  if (parts.includes("..")) throw new UsageError(`${given} leads out of the vault (..); give a folder inside it`);
  const hidden = parts.find((part) => part.startsWith("."));
  if (hidden) throw new UsageError(`${given} is hidden (${hidden}): Obsidian and attack-vault read no notes there`);
  const vaultPath = nodeFs.realpathSync(vaultDir);
  let path = vaultPath;
  let exists = true;
  for (const part of parts) {
    path = join(path, part);
    const stat = nodeFs.lstatSync(path, { throwIfNoEntry: false });
    if (stat?.isSymbolicLink()) throw new UsageError(`${given}: ${part} is a symbolic link; import-actors writes only into real folders inside the vault`);
    if (stat && !stat.isDirectory()) throw new UsageError(`${given}: ${part} is a file, not a folder`);
    if (!stat) {
      exists = false;
      if (!create) continue;
      try {
        fs.mkdirSync(path);
        exists = true;
      } catch (error) {
        throw new UsageError(`${given}: cannot create ${part} (${reasonOf(error)})`);
      }
    }
  }
  return { folder: parts.join("/"), path, vaultPath, exists };
}

export type NoteState =
  /** No file there. */
  | { kind: "missing" }
  /** The importer's, unedited; `text` as read. */
  | { kind: "ours"; text: string }
  /** Not to be touched, and why. */
  | { kind: "not-ours"; reason: string };

/** Whether the file at `path` may be written: absent, or the importer's and unedited. */
export function noteState(path: string): NoteState {
  const stat = nodeFs.lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return { kind: "missing" };
  if (!stat.isFile()) return { kind: "not-ours", reason: stat.isSymbolicLink() ? "it is a symbolic link" : "it is not a regular file" };
  if (stat.size > MAX_OWN_NOTE) return { kind: "not-ours", reason: "it is larger than any note the importer writes" };
  let text: string;
  try {
    const fd = nodeFs.openSync(path, nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NOFOLLOW ?? 0) | (nodeFs.constants.O_NONBLOCK ?? 0));
    try {
      text = nodeFs.readFileSync(fd, "utf8");
    } finally {
      nodeFs.closeSync(fd);
    }
  } catch (error) {
    return { kind: "not-ours", reason: `it cannot be read (${reasonOf(error)})` };
  }
  const split = splitHash(text);
  if (!split) return { kind: "not-ours", reason: "import-actors did not write it" };
  if (contentHash(split.unhashed) !== split.hash) return { kind: "not-ours", reason: "it was edited since import-actors wrote it" };
  return { kind: "ours", text };
}

/** Whether a note's text is the same as another's, line endings aside. */
export function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n/g, "\n") === b.replace(/\r\n/g, "\n");
}

const reasonOf = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
  return code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EROFS" ? "the file system is read-only" : code === "ENOSPC" ? "the disk is full" : message;
};

export class NoteWriter {
  private next = 0;

  constructor(
    private readonly folder: ImportFolder,
    private readonly fs: WriterFs = nodeFs,
  ) {}

  /** Removes temporaries a crashed run left in the folder (only the importer's own names, only regular files). */
  removeLeftovers(): number {
    if (!this.folder.exists) return 0;
    let removed = 0;
    for (const name of nodeFs.readdirSync(this.folder.path)) {
      if (!TEMPORARY.test(name)) continue;
      const path = join(this.folder.path, name);
      if (!nodeFs.lstatSync(path).isFile()) continue;
      this.fs.unlinkSync(path);
      removed++;
    }
    return removed;
  }

  /** The absolute path of a file name in the folder; a name that would leave the folder is refused. */
  pathOf(fileName: string): string {
    const path = resolve(this.folder.path, fileName);
    const inside = relative(this.folder.path, path);
    if (inside === "" || inside.startsWith("..") || inside.includes(sep) || fileName.includes("/") || fileName.includes("\\")) {
      throw new Error(`the file name ${JSON.stringify(fileName)} would leave the folder`);
    }
    return path;
  }

  /**
   * Writes `text` to the file, whole or not at all. `before` is what was read there: null for a new
   * note (which must still be absent), else the text the note must still hold. Returns null, or why it did not write.
   */
  write(fileName: string, text: string, before: string | null): string | null {
    const target = this.pathOf(fileName);
    const temporary = join(this.folder.path, `.attack-vault-import-${process.pid}-${this.next++}.tmp`);
    try {
      const fd = this.fs.openSync(temporary, "wx", 0o644);
      try {
        this.fs.writeSync(fd, text);
        this.fs.fsyncSync(fd);
      } finally {
        this.fs.closeSync(fd);
      }
      if (before === null) return this.create(temporary, target);
      const now = noteState(target);
      if (now.kind !== "ours" || !sameText(now.text, before)) return this.discard(temporary, "it changed while import-actors ran");
      this.fs.renameSync(temporary, target);
      return null;
    } catch (error) {
      this.discard(temporary, "");
      return `could not be written: ${reasonOf(error)}`;
    }
  }

  private create(temporary: string, target: string): string | null {
    try {
      this.fs.linkSync(temporary, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") return this.discard(temporary, "a file appeared there while import-actors ran");
      // File systems without hard links (FAT, some network shares): check, then rename.
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
      if (nodeFs.lstatSync(target, { throwIfNoEntry: false })) return this.discard(temporary, "a file appeared there while import-actors ran");
      this.fs.renameSync(temporary, target);
      return null;
    }
    this.fs.unlinkSync(temporary);
    return null;
  }

  private discard(temporary: string, reason: string): string {
    try {
      if (nodeFs.lstatSync(temporary, { throwIfNoEntry: false })) this.fs.unlinkSync(temporary);
    } catch {
      // The next run removes it.
    }
    return reason;
  }
}

/**
 * Reading files an adversary may have planted: only regular files, opened so that a FIFO cannot
 * block and a symbolic link is not followed (unless the user named the file), at most a given size.
 * A refusal says what the file is or why it could not be read, never what it holds.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from "node:fs";
import { sep } from "node:path";

export class FileRefusal extends Error {
  constructor(
    message: string,
    /** The file-system error code behind it, when there was one (`ENOENT` for a file that is not there). */
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface SafeReadOptions {
  maxBytes: number;
  /** The user named the file: a symbolic link to a regular file is read. Otherwise a link is refused. */
  followLinks?: boolean;
  /** Refuse the file unless its real path lies inside this folder (the vault), whatever links lead there. */
  inside?: string;
  /** Filled when the file fits, so reading many files allocates nothing per file; the result may be a view of it. */
  scratch?: Buffer;
}

const LINK_REFUSED = "is a symbolic link, which is not followed here; only regular files are read";

// Not defined on Windows, where FIFOs and links do not arise in the same way.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NO_BLOCK = constants.O_NONBLOCK ?? 0;

/** `permission denied (EACCES)`: the words for a file-system error, without the absolute path Node puts in its message. */
export function fileSystemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const words: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ENAMETOOLONG: "its path is longer than the system allows",
    ENOENT: "it is not there (it may have been moved while being read)",
    ELOOP: "it is a symbolic link, which is not followed",
    EIO: "an input/output error",
    EMFILE: "too many files are open",
    ENOTDIR: "a part of its path is not a folder",
    EISDIR: "it is a folder",
  };
  if (code && words[code]) return `${words[code]} (${code})`;
  if (code) return code;
  return error instanceof FileRefusal || !(error instanceof Error) ? String(error) : (error.message.split("\n")[0] ?? error.message).replace(/,? '.*'$/, "");
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isDirectory()) return "a folder";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

/** `1 MiB`, `64 MiB`. */
export function sizeText(bytes: number): string {
  return bytes >= 1 << 20 ? `${Math.round(bytes / (1 << 20))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function assertInside(path: string, folder: string): void {
  let real: string;
  let realFolder: string;
  try {
    real = realpathSync.native(path);
    realFolder = realpathSync.native(folder);
  } catch (error) {
    throw new FileRefusal(`could not be read: ${fileSystemReason(error)}`, (error as NodeJS.ErrnoException).code);
  }
  if (real !== realFolder && !real.startsWith(realFolder.endsWith(sep) ? realFolder : realFolder + sep)) {
    throw new FileRefusal("leads outside the vault (through a symbolic link), so it is not read");
  }
}

/** The file's bytes, or a FileRefusal saying why not. */
export function readRegularFile(path: string, options: SafeReadOptions): Buffer {
  // A link is named for what it is before anything follows it (open refuses one too: it may appear meanwhile).
  if (!options.followLinks && options.inside !== undefined && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) throw new FileRefusal(LINK_REFUSED);
  if (options.inside !== undefined) assertInside(path, options.inside);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NO_BLOCK | (options.followLinks ? 0 : NO_FOLLOW));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP" && !options.followLinks) throw new FileRefusal(LINK_REFUSED);
    throw new FileRefusal(`could not be read: ${fileSystemReason(error)}`, code);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new FileRefusal(`is ${kindOf(stats)}, not a regular file, so it is not read`);
    const tooLarge = (): FileRefusal => new FileRefusal(`is larger than ${sizeText(options.maxBytes)}, so it is not read`);
    if (stats.size > options.maxBytes) throw tooLarge();
    // One byte more than the size says, to notice a file that grows while it is read.
    const fits = options.scratch && stats.size < options.scratch.length;
    let buffer = fits && options.scratch ? options.scratch : Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > options.maxBytes) throw tooLarge();
        const grown = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > options.maxBytes) throw tooLarge();
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof FileRefusal) throw error;
    throw new FileRefusal(`could not be read: ${fileSystemReason(error)}`, (error as NodeJS.ErrnoException).code);
  } finally {
    closeSync(fd);
  }
}

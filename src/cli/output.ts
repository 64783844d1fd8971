/**
 * What the CLI prints, written as it is made: JSON entry by entry (byte for byte what
 * `JSON.stringify(value, null, 2)` writes), so no output needs one string of its whole size, and
 * every write checked, so a full disk or a closed pipe is an error rather than a silent exit 0.
 */
import { writeSync } from "node:fs";

/** A list whose entries are made one at a time while they are written (the answers of `blocks`). */
export class LazyList<T> {
  constructor(readonly items: Iterable<T>) {}
}

/** Output that could not be written: the run ends with EXIT_WRITE_FAILED and this message. */
export class OutputWriteError extends Error {
  constructor(readonly reason: string) {
    super(`cannot write the output: ${reason}`);
  }
}

type JsonValue = unknown;

function isContainer(value: JsonValue): value is object {
  return typeof value === "object" && value !== null;
}

/** What JSON.stringify writes for a value that is not a list or a map; undefined where it writes nothing. */
function leafJson(value: JsonValue): string | undefined {
  return JSON.stringify(value);
}

function hasToJson(value: JsonValue): value is { toJSON(key: string): unknown } {
  return isContainer(value) && typeof (value as { toJSON?: unknown }).toJSON === "function";
}

/**
 * A list or map of at most this many values, all plain, is one JSON.stringify call and one piece
 * (a rule's entry, a technique's tactics): recursive generators cost a generator and a delegation
 * per level for every value, which made writing the JSON a sixth of a small vault's run (issue 16).
 * Larger ones are still written entry by entry, so pieces stay small and no output needs one
 * string of its whole size.
 */
const WHOLE_PIECE_VALUES = 32;

/**
 * The values left of `budget` once `value` is counted, or -1 when it holds more, or a LazyList or a
 * toJSON anywhere (JSON.stringify would write those otherwise than this file does).
 */
function plainJsonBudget(value: JsonValue, budget: number): number {
  if (!isContainer(value)) return budget - 1;
  if (value instanceof LazyList || hasToJson(value)) return -1;
  let left = budget - 1;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    left = plainJsonBudget(item, left);
    if (left < 0) return -1;
  }
  return left;
}

/**
 * The pieces of `JSON.stringify(value, null, indent)`, one entry at a time. Lists, maps and LazyLists
 * are opened here; everything else is JSON.stringify's own. `toJSON` is honoured as JSON.stringify does.
 */
export function* jsonChunks(value: JsonValue, indent = 2, depth = 0, key = ""): Generator<string> {
  if (isContainer(value) && plainJsonBudget(value, WHOLE_PIECE_VALUES) >= 0) {
    // JSON text holds no raw line break (strings escape it), so every "\n" is JSON.stringify's own.
    yield JSON.stringify(value, null, indent).replaceAll("\n", "\n" + " ".repeat(indent * depth));
    return;
  }
  if (hasToJson(value)) value = value.toJSON(key);
  if (!isContainer(value)) {
    yield leafJson(value) ?? "null";
    return;
  }
  const inner = "\n" + " ".repeat(indent * (depth + 1));
  const outer = "\n" + " ".repeat(indent * depth);
  if (Array.isArray(value) || value instanceof LazyList) {
    const items: Iterable<unknown> = value instanceof LazyList ? value.items : value;
    let count = 0;
    let position = 0;
    for (const item of items) {
      yield count++ === 0 ? "[" + inner : "," + inner;
      // A leaf is written here: a generator per value is what this file must not cost.
      if (!isContainer(item)) yield leafJson(item) ?? "null";
      else yield* jsonChunks(item, indent, depth + 1, String(position));
      position++;
    }
    yield count === 0 ? "[]" : outer + "]";
    return;
  }
  let count = 0;
  for (const [name, item] of Object.entries(value)) {
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    const opening = (count++ === 0 ? "{" + inner : "," + inner) + JSON.stringify(name) + ": ";
    if (isContainer(item)) {
      yield opening;
      yield* jsonChunks(item, indent, depth + 1, name);
    } else yield opening + (leafJson(item) ?? "null");
  }
  yield count === 0 ? "{}" : outer + "}";
}

/** A value as `JSON.stringify(value, null, 2) + "\n"`, in pieces. */
export function* jsonOutput(value: JsonValue): Generator<string> {
  yield* jsonChunks(value);
  yield "\n";
}

/** Writes gathered into pieces of about this size: one system call per piece, not per entry. */
const PIECE_BYTES = 64 * 1024;

const pause = new Int32Array(new SharedArrayBuffer(4));

/** All of `bytes` to `fd`, waiting out a full non-blocking pipe (EAGAIN) instead of losing output. */
function writeBytes(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length; ) {
    try {
      written += writeSync(fd, bytes, written, bytes.length - written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}

/** `no space left on device (ENOSPC)`. */
function writeReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOSPC: "no space left on device",
    EPIPE: "the reader closed the pipe",
    EIO: "an input/output error",
    EBADF: "it is not open for writing",
    EFBIG: "the file would be too large",
    EDQUOT: "the disk quota is used up",
  };
  return code ? `${words[code] ?? "it failed"} (${code})` : String(error);
}

/** Writes every piece to `fd` (1 for stdout), gathered; an OutputWriteError says why one failed. */
export function writeOutput(fd: number, pieces: string | Iterable<string>): void {
  let pending: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    const bytes = Buffer.from(pending.join(""), "utf8");
    pending = [];
    size = 0;
    try {
      writeBytes(fd, bytes);
    } catch (error) {
      throw new OutputWriteError(writeReason(error));
    }
  };
  for (const piece of typeof pieces === "string" ? [pieces] : pieces) {
    pending.push(piece);
    size += piece.length;
    if (size >= PIECE_BYTES) flush();
  }
  flush();
}

/** The pieces as one string, for callers in the same process (tests, the bench) that want it whole. */
export function outputText(pieces: string | Iterable<string>): string {
  return typeof pieces === "string" ? pieces : [...pieces].join("");
}

/**
 * The first build of the index in slices of about ten milliseconds, each followed by a yield to
 * the app, so a vault of a hundred thousand notes never freezes Obsidian (a browser calls a task
 * over 50 ms a long task). Slicing costs one task switch per slice, a few percent of the build.
 */
import type { NoteRecord, VaultConventions } from "../core/note";
import { VaultIndex } from "../core/vault-index";

/** How long one slice may run before it yields. */
export const BUILD_SLICE_MS = 10;
/** Notes between looks at the clock: reading it per note would cost more than the note. */
const NOTES_PER_CLOCK_CHECK = 64;

export interface BuildProgress {
  done: number;
  total: number;
}

export interface SlicedBuild<File> {
  files: readonly File[];
  recordOf: (file: File) => NoteRecord | null;
  conventions: VaultConventions;
  /** True once the build is no longer wanted (unloaded, or superseded by a newer build). */
  cancelled: () => boolean;
  onProgress: (progress: BuildProgress) => void;
  /** The window whose event loop to yield to. */
  win: Window;
}

/** A task of its own, without the clamp browsers put on nested `setTimeout(0)` (4 ms each). */
function nextTask(win: Window): Promise<void> {
  const Channel = (win as Window & { MessageChannel?: typeof MessageChannel }).MessageChannel;
  return new Promise((resolve) => {
    if (typeof Channel !== "function") {
      win.setTimeout(resolve, 0);
      return;
    }
    const channel = new Channel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The whole index, or null when the build was cancelled on the way. */
export async function buildInSlices<File>(build: SlicedBuild<File>): Promise<VaultIndex | null> {
  const { files, recordOf, win } = build;
  const index = new VaultIndex(build.conventions);
  const records: NoteRecord[] = [];
  let next = 0;
  while (next < files.length) {
    const sliceEnd = win.performance.now() + BUILD_SLICE_MS;
    // Notes are read and indexed a chunk at a time inside the slice's budget: indexing a whole
    // slice's reads after the clock said stop made slices of 25-30 ms (bench target 12).
    do {
      const chunkEnd = Math.min(next + NOTES_PER_CLOCK_CHECK, files.length);
      records.length = 0;
      for (; next < chunkEnd; next++) {
        const record = recordOf(files[next] as File);
        if (record) records.push(record);
      }
      index.load(records);
    } while (next < files.length && win.performance.now() < sliceEnd);
    build.onProgress({ done: next, total: files.length });
    if (next < files.length) await nextTask(win);
    if (build.cancelled()) return null;
  }
  return index;
}

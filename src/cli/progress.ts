/**
 * A progress line while a large vault is read: on a terminal only, rewritten in place, gone
 * when reading ends. Off a terminal (CI logs, pipes) the CLI stays quiet.
 */

/** Told how many notes are read of how many were found; told `done` once at the end. */
export interface Progress {
  update(read: number, found: number): void;
  done(): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Redrawing more often than this costs time and shows nothing a person can read. */
const REDRAW_EVERY_MS = 100;

const thousands = (count: number): string => count.toLocaleString("en-US");

export function progressLine(read: number, found: number): string {
  return `attack-vault: reading notes: ${thousands(read)} of ${thousands(found)}`;
}

/** A progress line on `stream` when it is a terminal; null otherwise. `now` is injectable for tests. */
export function terminalProgress(stream: ProgressStream, now: () => number = Date.now): Progress | null {
  if (!stream.isTTY) return null;
  let drawnAt = -Infinity;
  let drawn = false;
  return {
    update(read, found) {
      const time = now();
      if (time - drawnAt < REDRAW_EVERY_MS && read < found) return;
      drawnAt = time;
      drawn = true;
      // Carriage return, the line, then clear whatever a longer earlier line left.
      stream.write(`\r${progressLine(read, found)}\x1b[K`);
    },
    done() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}

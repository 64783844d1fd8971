/**
 * Target 12, run as its own process: the plugin's first build (buildInSlices over the fake app's
 * metadata cache, as IndexService runs it) on a vault folder. Prints as JSON, per round: the
 * longest slice of a sliced build, and the wall time of a sliced build against one `load` of
 * every record.
 *
 * A slice is counted in CPU time: on a busy machine a 10 ms slice can take 100 ms of wall time
 * while another process has the core, which says nothing about the slice. Run with
 * --single-threaded-gc, so garbage collection is billed to the slice it interrupts, and with
 * --expose-gc, so every timed build starts from a collected heap.
 */
import { shareWindowGlobals } from "./jsdom-globals";
import { createFakeApp } from "../../test/fakes/obsidian";
import { loadVaultFolder } from "../../test/fakes/load-vault-folder";
import { DEFAULT_CONVENTIONS, type NoteRecord } from "../../src/core/note";
import { VaultIndex } from "../../src/core/vault-index";
import { buildInSlices } from "../../src/obsidian/first-build";
import { noteRecordFrom } from "../../src/obsidian/note-record";
import type { TFile } from "obsidian";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { collectGarbage } from "../measure";

export interface FirstBuildFigures {
  /** The longest slice of a sliced build, in CPU time. */
  longestSliceMs: number;
  slicedMs: number;
  oneCallMs: number;
  /** Garbage-collection pauses inside each timed build (with single-threaded GC, all of its collection work). */
  slicedGcMs: number;
  oneCallGcMs: number;
  notes: number;
}

const now = (): number => performance.now();

/**
 * The garbage-collection pauses of this process, as Node reports them: the sliced build yields,
 * and the engine may collect between its slices what the one-call build leaves for later, so the
 * figure shows how much of each build was collection.
 */
function gcPauses(): (from: number, to: number) => Promise<number> {
  const pauses: Array<{ start: number; ms: number }> = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, ms: entry.duration });
  }).observe({ entryTypes: ["gc"] });
  return async (from, to) => {
    // Entries arrive on a later turn of the event loop (one setImmediate was too soon after a synchronous build).
    await new Promise((resolve) => setTimeout(resolve, 20));
    return pauses.filter((pause) => pause.start >= from && pause.start < to).reduce((sum, pause) => sum + pause.ms, 0);
  };
}

/** This process's CPU time in ms: with single-threaded GC, the main thread's. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * A window for the build to yield through that marks where each slice starts (when the build's
 * next task runs) and ends (its progress report, the slice's last step): the longest slice is the
 * longest stretch the build held the event loop.
 */
function slicedWindow(): { win: Window; sliceEnded: () => void; longest: () => number } {
  let startedAt = cpuNow();
  let longest = 0;
  /** Obsidian's window has MessageChannel (jsdom's has not): a next task without setTimeout's clamp, here through setImmediate. */
  class MarkingChannel {
    readonly port1 = { onmessage: null as null | (() => void), close: (): void => undefined };
    readonly port2 = {
      postMessage: (): void => {
        setImmediate(() => {
          startedAt = cpuNow();
          this.port1.onmessage?.();
        });
      },
    };
  }
  // Only what buildInSlices reads of a window: its clock and a way to yield.
  const win = { performance: window.performance, MessageChannel: MarkingChannel };
  return {
    win: win as unknown as Window,
    sliceEnded: () => {
      longest = Math.max(longest, cpuNow() - startedAt);
    },
    longest: () => longest,
  };
}

async function main(): Promise<void> {
  const [vaultDir, roundsText] = process.argv.slice(2);
  if (!vaultDir) throw new Error("usage: first-build.cjs <vault folder> [rounds]");
  shareWindowGlobals();
  const app = createFakeApp({ files: loadVaultFolder(vaultDir) });
  app.vault.announceLoadedFiles();
  app.metadataCache.indexAll(false);
  await app.metadataCache.whenIdle();
  const files = app.vault.getMarkdownFiles();
  type FakeFile = (typeof files)[number];
  // The fake's files and cache stand in for Obsidian's, as they do for the plugin in every fake-app test.
  const recordOf = (file: FakeFile): NoteRecord => noteRecordFrom(file as unknown as TFile, app.metadataCache.getFileCache(file) as Parameters<typeof noteRecordFrom>[1]);
  const sliced = (slices = slicedWindow()): Promise<VaultIndex | null> =>
    buildInSlices({ files, recordOf, conventions: DEFAULT_CONVENTIONS, cancelled: () => false, onProgress: slices.sliceEnded, win: slices.win });
  const oneCall = (): VaultIndex => {
    const index = new VaultIndex(DEFAULT_CONVENTIONS);
    index.load(files.map(recordOf));
    return index;
  };
  const rounds: FirstBuildFigures[] = [];
  // Each build starts from the same heap: collected, and holding no index of an earlier build. An
  // index left alive made the heap twice as big, and V8 then gave the next build room to run
  // without a full collection (one call took 275 ms after a sliced build, 370 ms after none).
  const gcMsBetween = gcPauses();
  const timed = async (build: () => Promise<VaultIndex | null> | VaultIndex): Promise<{ ms: number; gcMs: number; notes: number }> => {
    collectGarbage();
    const start = now();
    const index = await build();
    const end = now();
    return { ms: end - start, gcMs: await gcMsBetween(start, end), notes: index?.size ?? 0 };
  };
  for (let round = 0; round < Math.max(1, Number(roundsText ?? 1)); round++) {
    // Interleaved as the in-process targets are: which build goes first alternates.
    const first = round % 2 === 0 ? await timed(oneCall) : await timed(() => sliced());
    const second = round % 2 === 0 ? await timed(() => sliced()) : await timed(oneCall);
    const [oneCallRun, slicedRun] = round % 2 === 0 ? [first, second] : [second, first];
    // Collected before the window starts its clock, so the collection is no slice's.
    collectGarbage();
    const slices = slicedWindow();
    await sliced(slices);
    rounds.push({ longestSliceMs: slices.longest(), slicedMs: slicedRun.ms, oneCallMs: oneCallRun.ms, slicedGcMs: slicedRun.gcMs, oneCallGcMs: oneCallRun.gcMs, notes: slicedRun.notes });
  }
  process.stdout.write(JSON.stringify(rounds) + "\n");
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

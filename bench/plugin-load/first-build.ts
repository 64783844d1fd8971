/**
 * Target 12, run as its own process, one build per process: the plugin's first build
 * (buildInSlices over the fake app's metadata cache, as IndexService runs it) or one `load` of
 * every record, on a vault folder, timed once in a fresh app as Obsidian's first build runs once.
 * Two builds in one process were not alike: the second ran with code the first had compiled
 * and memory it had made the engine take, and each kind gained differently from the other (the
 * one-call build 264-354 ms second, 381-430 ms first; the sliced one slower after a one-call
 * build than after another sliced one), so which ran first decided the figure.
 *
 * A slice is counted in the main thread's CPU time: on a busy machine a 10 ms slice can take
 * 100 ms of wall time while another process has the core, which says nothing about the slice. The
 * main thread's alone (Linux's per-thread schedstat), because a fresh process compiles and marks on
 * helper threads as Chromium does, and their time never held the event loop; the engine runs with
 * its default garbage collector, as Obsidian's does, so a pause on the main thread is billed to the
 * slice it interrupts and concurrent marking is not. Elsewhere the process's CPU time stands in.
 * With --expose-gc, so the build starts from a collected heap.
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
import { readFileSync } from "node:fs";
import { collectGarbage } from "../measure";

export type FirstBuildKind = "sliced" | "one-call";

export interface FirstBuildRun {
  build: FirstBuildKind;
  ms: number;
  /** Garbage-collection pauses on the main thread inside the build. */
  gcMs: number;
  /** The longest slice of a sliced build, in CPU time; null for the one-call build. */
  longestSliceMs: number | null;
  /** Whose CPU time the slices are counted in. */
  sliceClock: SliceClock;
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

/** Linux: the main thread's CPU time, in ns, first field of its schedstat (proc(5)). */
const MAIN_THREAD_SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

function mainThreadCpuMs(): number | null {
  try {
    const ns = Number(readFileSync(MAIN_THREAD_SCHEDSTAT, "utf8").split(" ")[0]);
    return Number.isFinite(ns) ? ns / 1e6 : null;
  } catch {
    return null;
  }
}

/** Which CPU clock slices are counted in, decided once: the main thread's where the system says, else the process's. */
export type SliceClock = "main thread" | "process";

function sliceClock(): { clock: SliceClock; nowMs: () => number } {
  if (mainThreadCpuMs() !== null) return { clock: "main thread", nowMs: () => mainThreadCpuMs() ?? 0 };
  return {
    clock: "process",
    nowMs: () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    },
  };
}

const { clock, nowMs: cpuNow } = sliceClock();

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
  const [vaultDir, build] = process.argv.slice(2);
  if (!vaultDir || (build !== "sliced" && build !== "one-call")) throw new Error("usage: first-build.cjs <vault folder> sliced|one-call");
  shareWindowGlobals();
  const app = createFakeApp({ files: loadVaultFolder(vaultDir) });
  app.vault.announceLoadedFiles();
  app.metadataCache.indexAll(false);
  await app.metadataCache.whenIdle();
  const files = app.vault.getMarkdownFiles();
  type FakeFile = (typeof files)[number];
  // The fake's files and cache stand in for Obsidian's, as they do for the plugin in every fake-app test.
  const recordOf = (file: FakeFile): NoteRecord => noteRecordFrom(file as unknown as TFile, app.metadataCache.getFileCache(file) as Parameters<typeof noteRecordFrom>[1]);
  const gcMsBetween = gcPauses();
  // Collected before any clock starts, so the collection is neither the build's nor a slice's.
  collectGarbage();
  const slices = slicedWindow();
  const buildIndex = async (): Promise<VaultIndex | null> => {
    if (build === "sliced") return buildInSlices({ files, recordOf, conventions: DEFAULT_CONVENTIONS, cancelled: () => false, onProgress: slices.sliceEnded, win: slices.win });
    const index = new VaultIndex(DEFAULT_CONVENTIONS);
    index.load(files.map(recordOf));
    return index;
  };
  const start = now();
  const index = await buildIndex();
  const end = now();
  const run: FirstBuildRun = { build, ms: end - start, gcMs: await gcMsBetween(start, end), longestSliceMs: build === "sliced" ? slices.longest() : null, sliceClock: clock, notes: index?.size ?? 0 };
  process.stdout.write(JSON.stringify(run) + "\n");
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

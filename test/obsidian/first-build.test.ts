/** The first build in slices that yield to the app: the same index as one call, whatever the slicing. */
import type { NoteRecord } from "../../src/core/note";
import { DEFAULT_CONVENTIONS } from "../../src/core/note";
import { VaultIndex } from "../../src/core/vault-index";
import { buildInSlices, type BuildProgress } from "../../src/obsidian/first-build";

function records(count: number): NoteRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `Detection Rules/rule ${i}.md`,
    frontmatter: { tags: ["detection_rule", `T${1000 + (i % 50)}`] },
    inlineTags: i % 7 === 0 ? ["extra"] : [],
  }));
}

/** A window whose clock moves `msPerLook` each time it is read, and whose tasks run when the test says. */
function steppedWindow(msPerLook: number) {
  let clock = 0;
  const tasks: Array<() => void> = [];
  const win = { performance: { now: () => (clock += msPerLook) }, setTimeout: (task: () => void) => tasks.push(task) } as unknown as Window;
  return { win, tasks };
}

async function runAll(tasks: Array<() => void>, done: Promise<unknown>): Promise<void> {
  let finished = false;
  void done.then(() => { finished = true; });
  while (!finished) {
    await Promise.resolve();
    tasks.shift()?.();
  }
}

const summary = (index: VaultIndex | null) => index && { size: index.size, T1001: [...index.rulesFor("T1001")].sort(), extra: index.pathsWithTag("extra").size };

describe("building in slices", () => {
  test("gives the index one call would, reporting each slice", async () => {
    const notes = records(1000);
    const { win, tasks } = steppedWindow(5);
    const progress: BuildProgress[] = [];
    const build = buildInSlices({ files: notes, recordOf: (note) => note, conventions: DEFAULT_CONVENTIONS, cancelled: () => false, onProgress: (p) => progress.push({ ...p }), win });
    await runAll(tasks, build);
    const whole = new VaultIndex(DEFAULT_CONVENTIONS);
    whole.load(notes);
    // The clock is read every 64 notes and moves 5 ms a look: a 10 ms slice ends after 128 notes.
    expect([summary(await build), progress.length, progress[0], progress.at(-1)]).toEqual([summary(whole), 8, { done: 128, total: 1000 }, { done: 1000, total: 1000 }]);
  });

  test("indexes each chunk as it is read, so a slice ends when its time is up, not after indexing what it read", async () => {
    const notes = records(256);
    let clock = 0;
    const tasks: Array<() => void> = [];
    const win = { performance: { now: () => (clock += 5) }, setTimeout: (task: () => void) => tasks.push(task) } as unknown as Window;
    // The clock as it was when the index read each note's tags.
    const clockWhenIndexed: number[] = [];
    const watched = notes.map((note, i) => ({
      ...note,
      get frontmatter() {
        clockWhenIndexed[i] ??= clock;
        return note.frontmatter;
      },
    }));
    await runAll(tasks, buildInSlices({ files: watched, recordOf: (note) => note, conventions: DEFAULT_CONVENTIONS, cancelled: () => false, onProgress: () => undefined, win }));
    // Slice one reads the clock at 5 (ends at 15): its first chunk is indexed at 5, its second at 10.
    expect([clockWhenIndexed[0], clockWhenIndexed[64], clockWhenIndexed[128]]).toEqual([5, 10, 20]);
  });

  test("reports progress as a slice's last step: after the slice's reading, before its yield", async () => {
    // Bench target 12 times a slice from its task's start to its progress report, so the report must close the slice.
    let clock = 0;
    const events: string[] = [];
    const tasks: Array<() => void> = [];
    const win = {
      performance: { now: () => (clock += 5) },
      setTimeout: (task: () => void) => tasks.push(() => { events.push("task"); task(); }),
    } as unknown as Window;
    const build = buildInSlices({
      files: records(1000),
      recordOf: (note) => { if (events.at(-1) !== "read") events.push("read"); return note; },
      conventions: DEFAULT_CONVENTIONS, cancelled: () => false, onProgress: () => events.push("report"), win,
    });
    await runAll(tasks, build);
    // The first slice runs in the call itself; each later one in a task of its own.
    expect(events.join(" ")).toMatch(/^read report( task read report)+$/);
  });

  test("stops, giving nothing, once cancelled", async () => {
    let cancelled = false;
    const { win, tasks } = steppedWindow(5);
    const build = buildInSlices({ files: records(1000), recordOf: (note) => note, conventions: DEFAULT_CONVENTIONS, cancelled: () => cancelled, onProgress: () => { cancelled = true; }, win });
    await runAll(tasks, build);
    expect(await build).toBeNull();
  });
});

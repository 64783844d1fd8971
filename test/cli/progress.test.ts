import { progressLine, terminalProgress } from "../../src/cli/progress";

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe("the progress line", () => {
  test("off a terminal there is none", () => {
    expect(terminalProgress(stream(false))).toBeNull();
  });

  test("on a terminal it says notes read of notes found, redrawn in place, and is cleared at the end", () => {
    const out = stream(true);
    let time = 0;
    const progress = terminalProgress(out, () => time)!;
    progress.update(1, 62707);
    time += 50; // too soon: not redrawn
    progress.update(2, 62707);
    time += 100;
    progress.update(1200, 62707);
    progress.update(62707, 62707); // the last note always shows
    progress.done();
    expect(out.written).toEqual([
      `\r${progressLine(1, 62707)}\x1b[K`,
      `\r${progressLine(1200, 62707)}\x1b[K`,
      `\r${progressLine(62707, 62707)}\x1b[K`,
      "\r\x1b[K",
    ]);
    expect(progressLine(1200, 62707)).toBe("attack-vault: reading notes: 1,200 of 62,707");
  });

  test("nothing drawn, nothing to clear", () => {
    const out = stream(true);
    terminalProgress(out)!.done();
    expect(out.written).toEqual([]);
  });
});

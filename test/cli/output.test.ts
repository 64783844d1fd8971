/** What the CLI prints, written as it is made: JSON in pieces, every write checked. */
import { closeSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { jsonOutput, LazyList, OutputWriteError, outputText, writeOutput } from "../../src/cli/output";
import { scratch } from "../support/scratch-vault";

describe("jsonOutput", () => {
  test.each<[string, unknown]>([
    ["an empty list and map", { list: [], map: {} }],
    ["nesting, escapes and numbers", { "a\"b": [1, -0.5, "é\n", null, true, { deep: [[]] }] }],
    ["what JSON.stringify leaves out or turns to null", { gone: undefined, list: [undefined, () => 1], date: new Date(0) }],
  ])("%s: what JSON.stringify(value, null, 2) writes, and a newline", (_name, value) => {
    expect([...jsonOutput(value)].join("")).toBe(JSON.stringify(value, null, 2) + "\n");
  });

  test("a lazy list is written as the list it yields", () => {
    expect(outputText(jsonOutput(new LazyList([1, 2].values())))).toBe("[\n  1,\n  2\n]\n");
  });
});

describe("outputText", () => {
  test.each<[string, string | string[], string]>([
    ["a string as it is", "whole", "whole"],
    ["pieces joined", ["a", "b", "c"], "abc"],
  ])("%s", (_name, pieces, text) => {
    expect(outputText(pieces)).toBe(text);
  });
});

describe("writeOutput", () => {
  test("writes every piece, in order, past the size it gathers to", () => {
    const path = join(scratch(), "out.txt");
    const pieces = Array.from({ length: 20_000 }, (_, n) => `${n}\n`);
    const fd = openSync(path, "w");
    try {
      writeOutput(fd, pieces);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path, "utf8")).toBe(pieces.join(""));
  });

  test("a write that fails is an OutputWriteError that says why", () => {
    const path = join(scratch(), "read-only.txt");
    closeSync(openSync(path, "w"));
    const fd = openSync(path, "r");
    try {
      expect(() => writeOutput(fd, "text")).toThrow(new OutputWriteError("it is not open for writing (EBADF)"));
    } finally {
      closeSync(fd);
    }
  });
});

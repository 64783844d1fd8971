/** JSON files from outside the program: parsed, or refused naming the line and column, never quoting the file. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonErrorOffset, readJsonFile } from "../../src/cli/json-file";
import { FileRefusal } from "../../src/cli/safe-read";
import { scratch } from "../support/scratch-vault";

function fileWith(text: string): string {
  const path = join(scratch(), "data.json");
  writeFileSync(path, text);
  return path;
}

describe("readJsonFile", () => {
  test("the parsed value", () => {
    expect(readJsonFile(fileWith('{ "ruleTag": "sigma" }'), { maxBytes: 100 })).toEqual({ ruleTag: "sigma" });
  });

  test("text that is not JSON is refused at its line and column, without quoting it", () => {
    expect(() => readJsonFile(fileWith('{\n  "secret": nope\n}'), { maxBytes: 100 })).toThrow(new FileRefusal("is not valid JSON (it fails at line 2, column 13)"));
  });
});

describe("jsonErrorOffset", () => {
  test.each([
    ["JSON", '{"a": [1, "x", true, null]}', -1],
    ["a bare number with spaces", " -0.5e3 ", -1],
    ["a leading zero", "01", 1],
    ["a bad escape, at its backslash", '"\\x"', 1],
    ["a trailing comma", "[1,]", 3],
    ["a key that is not a string", "{a: 1}", 1],
    ["text that ends too soon", '{"a": [1', 8],
    ["something after the value", "[] x", 3],
  ])("%s", (_name, text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});

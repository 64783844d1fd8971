/**
 * JSON files from outside the program (the plugin's saved settings, a baseline layer): read through
 * readRegularFile, and when they do not parse, the message names the line and column where they
 * fail. It never quotes them: JSON.parse's own messages show the file's first characters, which
 * could be anything a symbolic link led to.
 */
import { lineAndColumn } from "../core/text-position";
import { FileRefusal, readRegularFile, type SafeReadOptions } from "./safe-read";

export function readJsonFile(path: string, options: SafeReadOptions): unknown {
  const text = readRegularFile(path, options).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const { line, column } = lineAndColumn(text, jsonErrorOffset(text));
    throw new FileRefusal(`is not valid JSON (it fails at line ${line}, column ${column})`);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const ESCAPED = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/**
 * Where `text` stops being JSON (its length when it ends too soon), or -1 when it is JSON. It walks
 * with its own stack, so nesting a million deep costs a million steps and no recursion.
 */
export function jsonErrorOffset(text: string): number {
  let at = 0;
  const closers: string[] = [];
  const skipSpace = (): void => {
    while (at < text.length && (text[at] === " " || text[at] === "\t" || text[at] === "\n" || text[at] === "\r")) at++;
  };
  const string = (): boolean => {
    at++;
    while (at < text.length) {
      const character = text[at] as string;
      if (character === '"') {
        at++;
        return true;
      }
      if (character < " ") return false;
      if (character !== "\\") {
        at++;
        continue;
      }
      const next = text[at + 1] ?? "";
      HEX4.lastIndex = at + 2;
      if (ESCAPED.has(next)) at += 2;
      else if (next === "u" && HEX4.test(text)) at += 6;
      else return false;
    }
    return false;
  };
  // A key and its colon, at a `"`; false (with `at` on the problem) otherwise.
  const key = (): boolean => {
    if (text[at] !== '"' || !string()) return false;
    skipSpace();
    if (text[at] !== ":") return false;
    at++;
    return true;
  };
  for (;;) {
    // A value is expected at `at`.
    skipSpace();
    const character = text[at];
    if (character === "{" || character === "[") {
      at++;
      skipSpace();
      const closer = character === "{" ? "}" : "]";
      if (text[at] !== closer) {
        closers.push(closer);
        if (closer === "}" && !key()) return at;
        continue;
      }
      at++;
    } else if (character === '"') {
      if (!string()) return at;
    } else if (character === "t" || character === "f" || character === "n") {
      const word = character === "t" ? "true" : character === "f" ? "false" : "null";
      if (!text.startsWith(word, at)) return at;
      at += word.length;
    } else {
      NUMBER.lastIndex = at;
      if (!NUMBER.test(text)) return at;
      at = NUMBER.lastIndex;
    }
    // After a value: close what it ends, or go on to the next one.
    for (;;) {
      skipSpace();
      const closer = closers[closers.length - 1];
      if (closer === undefined) return at === text.length ? -1 : at;
      if (text[at] === closer) {
        closers.pop();
        at++;
        continue;
      }
      if (text[at] !== ",") return at;
      at++;
      skipSpace();
      if (closer === "}" && !key()) return at;
      break;
    }
  }
}

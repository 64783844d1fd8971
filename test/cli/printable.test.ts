import { printable } from "../../src/cli/printable";

describe("printable", () => {
  test.each([
    ["plain text stays", "T1059 PowerShell – ünïcode", "T1059 PowerShell – ünïcode"],
    ["an escape sequence is shown, not run", "\u001b[2Jboom", "\\x1b[2Jboom"],
    ["a newline cannot start a new line", "title\nwarning: forged", "title\\x0awarning: forged"],
    ["a carriage return cannot overwrite the line", "a\rb", "a\\x0db"],
    ["C1 controls and DEL", "\u009b\u007f", "\\x9b\\x7f"],
  ])("%s", (_name, text, expected) => {
    expect(printable(text)).toBe(expected);
  });
});

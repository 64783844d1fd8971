import type { QueryErrorKind } from "../../../src/core/query/ast";
import { parseQuery } from "../../../src/core/query/parse";

type ErrorCase = [name: string, text: string, kind: QueryErrorKind, fragment: string, position: number, line: number, column: number];

const nested = (opening: string, count: number) => opening.repeat(count) + "tag:a" + ")".repeat(opening === "(" ? count : 0);

const unsupported: ErrorCase[] = [
  ["content: on line 2", "tag:a\ncontent:foo", "unsupported",
    '"content:" is not supported here: ATT&CK Vault answers from tags, paths and properties, not note text (at line 2, column 1)', 6, 2, 1],
  ["line:", "line:foo", "unsupported", '"line:" is not supported here', 0, 1, 1],
  ["block:", "block:foo", "unsupported", '"block:" is not supported here', 0, 1, 1],
  ["section:", "section:foo", "unsupported", '"section:" is not supported here', 0, 1, 1],
  ["task:", "task:foo", "unsupported", '"task:" is not supported here', 0, 1, 1],
  ["task-todo:", "task-todo:foo", "unsupported", '"task-todo:" is not supported here', 0, 1, 1],
  ["task-done:", "task-done:foo", "unsupported", '"task-done:" is not supported here', 0, 1, 1],
  ["match-case:", "match-case:foo", "unsupported", '"match-case:" is not supported here', 0, 1, 1],
  ["ignore-case:", "ignore-case:foo", "unsupported", '"ignore-case:" is not supported here', 0, 1, 1],
  ["regex", "/T10\\d+/", "unsupported", "Regular expressions", 0, 1, 1],
  ["bare word", "powershell", "unsupported", "write file:powershell or tag:powershell", 0, 1, 1],
  ["bare word after a term", "tag:a  powershell", "unsupported", '"powershell" is a text search', 7, 1, 8],
  ["quoted phrase", '"power shell"', "unsupported", 'write file:"power shell" or path:"power shell"', 0, 1, 1],
  ["unknown operator", "tagg:x", "unsupported", '"tagg:" is not a search operator', 0, 1, 1],
  ["AND keyword", "tag:a AND tag:b", "unsupported", "already ANDed", 6, 1, 7],
  ["operator applied to a group", "tag:(a OR b)", "unsupported", "(tag:a OR tag:b)", 0, 1, 1],
  ["property value group", "[sev:(a OR b)]", "unsupported", "([sev:a] OR [sev:b])", 0, 1, 1],
];

const syntax: ErrorCase[] = [
  ["unclosed quoted value", 'tag:a path:"Use Cases', "syntax", "This quote is never closed", 11, 1, 12],
  ["unclosed quoted phrase", '"abc', "syntax", "This quote is never closed", 0, 1, 1],
  ["escaped quote does not close", 'path:"abc\\"', "syntax", "This quote is never closed", 5, 1, 6],
  ["unclosed (", "tag:a (tag:b", "syntax", 'This "(" is never closed', 6, 1, 7],
  ["outer ( unclosed", "((tag:a)", "syntax", 'This "(" is never closed', 0, 1, 1],
  ["unclosed ( on line 3", "tag:a\n  tag:b\n  (tag:c", "syntax", 'This "(" is never closed', 16, 3, 3],
  ["stray ) after a term", "tag:a)", "syntax", 'This ")" has no matching "("', 5, 1, 6],
  ["stray ) first", ") tag:a", "syntax", 'This ")" has no matching "("', 0, 1, 1],
  ["OR first", "OR tag:a", "syntax", '"OR" needs a term on both sides', 0, 1, 1],
  ["OR last", "tag:a OR", "syntax", '"OR" needs a term on both sides', 6, 1, 7],
  ["OR OR", "tag:a OR OR tag:b", "syntax", '"OR" needs a term on both sides', 9, 1, 10],
  ["OR before )", "(tag:a OR)", "syntax", '"OR" needs a term on both sides', 7, 1, 8],
  ["OR after (", "(OR tag:a)", "syntax", '"OR" needs a term on both sides', 1, 1, 2],
  ["lone -", "-", "syntax", 'A "-" must be followed directly by a term', 0, 1, 1],
  ["- at the end", "tag:a -", "syntax", 'A "-" must be followed directly by a term', 6, 1, 7],
  ["- then a space", "- tag:a", "syntax", 'A "-" must be followed directly by a term', 0, 1, 1],
  ["- before )", "(-)", "syntax", 'A "-" must be followed directly by a term', 1, 1, 2],
  ["- before OR", "-OR tag:a", "syntax", 'A "-" must be followed directly by a term', 0, 1, 1],
  ["tag: alone", "tag:", "syntax", '"tag:" needs a tag after it', 0, 1, 1],
  ["tag: then spaces", "tag:   ", "syntax", '"tag:" needs a tag after it', 0, 1, 1],
  ["tag:#", "tag:#", "syntax", '"tag:" needs a tag after it', 0, 1, 1],
  ["tag: empty quotes", 'tag:""', "syntax", '"tag:" needs a tag after it', 0, 1, 1],
  ["tag: at a line end", "tag:a tag:\ntag:b", "syntax", '"tag:" needs a tag after it', 6, 1, 7],
  ["lone #", "#", "syntax", '"#" needs a tag after it', 0, 1, 1],
  ["path: alone", "path:", "syntax", '"path:" needs a value after it', 0, 1, 1],
  ["file: alone", "file:", "syntax", '"file:" needs a value after it', 0, 1, 1],
  ["[ without ]", "[severity", "syntax", 'This "[" is never closed', 0, 1, 1],
  ["[ closed only on the next line", "tag:a [sev\n]", "syntax", 'This "[" is never closed', 6, 1, 7],
  ["text after a quoted property value", '[sev:"high" x]', "syntax", 'Expected "]" right after the quoted property value', 12, 1, 13],
  ["unclosed quote in a property", '[sev:"high', "syntax", "This quote is never closed", 5, 1, 6],
  ["[] with no name", "[]", "syntax", "needs a property name", 0, 1, 1],
  ["empty parentheses", "()", "syntax", "These parentheses are empty", 0, 1, 1],
  // The 257th opening (index 256) is the first one past the cap; "-" and "(" count alike.
  ["300 nested parentheses", nested("(", 300), "syntax", "nesting deeper than 256", 256, 1, 257],
  ["300 minus signs", nested("-", 300), "syntax", "nesting deeper than 256", 256, 1, 257],
  ["-( pairs", nested("-(", 150), "syntax", "nesting deeper than 256", 256, 1, 257],
  ["CRLF line ends", "tag:a\r\ncontent:x", "unsupported", '"content:" is not supported here', 7, 2, 1],
];

const empty: ErrorCase[] = [
  ["empty text", "", "empty", "This query block is empty", 0, 1, 1],
  ["only whitespace", "  \n\t \n", "empty", "This query block is empty", 0, 1, 1],
];

describe("parseQuery reports errors", () => {
  test.each([...unsupported, ...syntax, ...empty])("%s", (_name, text, kind, fragment, position, line, column) => {
    const result = parseQuery(text);
    expect(result.ok ? null : result.error).toEqual({
      kind,
      message: expect.stringContaining(fragment),
      position,
      line,
      column,
    });
  });
});

describe("every error message ends with its line and column", () => {
  test.each([...unsupported, ...syntax, ...empty])("%s", (_name, text, _kind, _fragment, _position, line, column) => {
    const result = parseQuery(text);
    expect(result.ok ? "" : result.error.message).toMatch(new RegExp(`\\(at line ${line}, column ${column}\\)$`));
  });
});

import { findCodeBlocks } from "../../src/core/query-blocks";

describe("findCodeBlocks", () => {
  test.each([
    ["a plain block", "---\na: 1\n---\n\n```query\ntag: detection_rule\ntag: T1059_001\n```\n", [{ line: 5, query: "tag: detection_rule\ntag: T1059_001" }]],
    ["a trailing space after the language", "```query \ntag: x\n```", [{ line: 1, query: "tag: x" }]],
    ["inside a callout", ">[!info]- Execution\n>```query\n>tag: Execution\n>tag: detection_rule\n>```\n", [{ line: 2, query: "tag: Execution\ntag: detection_rule" }]],
    ["a callout closing fence with a space", "> ```query \n> tag: a\n> ```\n", [{ line: 1, query: "tag: a" }]],
    ["CRLF line endings", "```query\r\ntag: a\r\n```\r\n", [{ line: 1, query: "tag: a" }]],
    ["tilde fences", "~~~query\ntag: a\n~~~", [{ line: 1, query: "tag: a" }]],
    ["other languages are skipped", "```yml\ntags: x\n```\n```query\ntag: y\n```", [{ line: 4, query: "tag: y" }]],
    ["a query fence inside another fence is text", "````md\n```query\ntag: a\n```\n````", []],
    ["an unclosed block runs to the end", "```query\ntag: a", [{ line: 1, query: "tag: a" }]],
    ["leaving the callout ends its block", "> ```query\n> tag: a\nplain", [{ line: 1, query: "tag: a" }]],
    ["an empty block", "```query\n```", [{ line: 1, query: "" }]],
  ])("%s", (_name, markdown, expected) => {
    expect(findCodeBlocks(markdown, ["query"]).map(({ line, query }) => ({ line, query }))).toEqual(expected);
  });
});

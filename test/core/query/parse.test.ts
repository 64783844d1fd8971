import type { QueryNode } from "../../../src/core/query/ast";
import { parseQuery } from "../../../src/core/query/parse";

const tag = (key: string, position: number): QueryNode => ({ type: "tag", tag: key, position });
const path = (value: string, position: number): QueryNode => ({ type: "path", value, position });
const file = (value: string, position: number): QueryNode => ({ type: "file", value, position });
const prop = (name: string, value: string | null, position: number): QueryNode => ({ type: "property", name, value, position });
const and = (...children: QueryNode[]): QueryNode => ({ type: "and", children });
const or = (...children: QueryNode[]): QueryNode => ({ type: "or", children });
const not = (child: QueryNode): QueryNode => ({ type: "not", child });

// Positions are counted by hand: each is the index of the term's first character.
const cases: Array<[string, string, QueryNode]> = [
  // The real vault's blocks (Use Cases/*.md), with a space after the colon.
  ["vault detection block", "tag: detection_rule\ntag: T1059_001", and(tag("detection_rule", 0), tag("t1059_001", 20))],
  ["vault atomic block", "tag: atomic_test\ntag: T1059_001", and(tag("atomic_test", 0), tag("t1059_001", 17))],
  // Detection Rules.md keeps its blocks in callouts; these are the texts once the `>` is stripped.
  ["callout block with trailing space", "tag: Reconnaissance \ntag: detection_rule\n", and(tag("reconnaissance", 0), tag("detection_rule", 21))],
  ["callout block with a stray space line", "tag: Resource_Development\ntag: detection_rule\n ", and(tag("resource_development", 0), tag("detection_rule", 26))],
  ["tag:foo", "tag:foo", tag("foo", 0)],
  ["tag key lower-cased and # dropped", "tag:#Foo", tag("foo", 0)],
  ["space then #", "tag: #Foo", tag("foo", 0)],
  ["quoted tag", 'tag:"Foo Bar"', tag("foo bar", 0)],
  ["bare #tag is a tag search", "#Foo/Bar", tag("foo/bar", 0)],
  ["operator name is case-insensitive", "Tag:Foo", tag("foo", 0)],
  ["AND binds tighter than OR on the left", "tag:a tag:b OR tag:c", or(and(tag("a", 0), tag("b", 6)), tag("c", 15))],
  ["AND binds tighter than OR on the right", "tag:a OR tag:b tag:c", or(tag("a", 0), and(tag("b", 9), tag("c", 15)))],
  ["OR between tabs", "tag:a\tOR\ttag:b", or(tag("a", 0), tag("b", 9))],
  ["blank lines separate terms", "tag:a\n\ntag:b", and(tag("a", 0), tag("b", 7))],
  ["negated term", "-tag:a", not(tag("a", 1))],
  ["double negation", "--tag:a", not(not(tag("a", 2)))],
  ["negated group", "tag:a -(tag:b OR tag:c)", and(tag("a", 0), not(or(tag("b", 8), tag("c", 17))))],
  ["redundant parentheses add no node", "((tag:a))", tag("a", 2)],
  ["group right after a term", "tag:a(tag:b)", and(tag("a", 0), tag("b", 6))],
  ["path", "path:foo", path("foo", 0)],
  ["quoted path keeps its case", 'path:"Use Cases"', path("Use Cases", 0)],
  ["path with a space after the colon", "path: Detection", path("Detection", 0)],
  ["escaped quote in a quoted value", 'path:"a \\"b\\""', path('a "b"', 0)],
  ["file", "file:T1059", file("T1059", 0)],
  ["has-property", "[severity]", prop("severity", null, 0)],
  ["property value", "[severity:high]", prop("severity", "high", 0)],
  ["quoted property value", '[title:"Power Shell"]', prop("title", "Power Shell", 0)],
  ["empty property value means has-property", "[severity:]", prop("severity", null, 0)],
  ["property name and value trimmed", "[ due date : 2024 ]", prop("due date", "2024", 0)],
  ["property terms with OR", "[a] OR [b]", or(prop("a", null, 0), prop("b", null, 7))],
];

describe("parseQuery builds the AST", () => {
  test.each(cases)("%s", (_name, text, expected) => {
    expect(parseQuery(text)).toEqual({ ok: true, value: expected });
  });
});

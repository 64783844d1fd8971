/**
 * The frontmatter converters and Obsidian's property editor write: one `key: value` per line, the
 * value plain, quoted, a `[flow, list]` or a block list of `- items`. Reading it needs no general
 * YAML parser, which costs the headless reader more than reading the file (issue #5, target 3).
 *
 * Anything outside that shape is declined (`null`) and goes to js-yaml, which stays
 * the authority: plain scalars are resolved by js-yaml's own core-schema types, and
 * test/cli/flat-frontmatter.test.ts checks every accepted text against js-yaml itself.
 */
import { CORE_SCHEMA, type Type } from "js-yaml";
import { COLON, CR, DASH, isAsciiDigit, isAsciiLetter, LF, SPACE, UNDERSCORE } from "../core/char-codes";

/** js-yaml's implicit resolvers for plain scalars (null, bool, int, float), in the order its loader tries them. */
const IMPLICIT_TYPES: readonly Type[] | null = (() => {
  const compiled = (CORE_SCHEMA as unknown as { compiledImplicit?: unknown }).compiledImplicit;
  return Array.isArray(compiled) ? (compiled as Type[]) : null;
})();

/** True while js-yaml exposes its resolvers; without them every text is declined, which is slow but right. */
export const FLAT_FRONTMATTER_ENABLED = IMPLICIT_TYPES !== null;

/** Characters js-yaml refuses, line separators it does not split on, and surrogates: declined rather than judged. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNUSUAL_CHARACTER = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFEFF\uFFFE\uFFFF\u2028\u2029]/;
/** A plain scalar may not open with a YAML indicator; `-`, `?` and `:` could, but such values are left to js-yaml. */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
const FLOW_INDICATOR = /[[\]{}#:]/;

// The text is walked by index rather than split and matched: a vault has tens of thousands of
// notes, and every array and string made per line is garbage the collector must chase.
// Only values are cut out of it.

/** The end of `text[start, end)` with trailing spaces left out (YAML's white space; tabs are declined). */
function endWithoutSpaces(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

/** The start of `text[start, end)` with leading spaces left out. */
function startWithoutSpaces(text: string, start: number, end: number): number {
  while (start < end && text.charCodeAt(start) === SPACE) start++;
  return start;
}

function isKeyCharacter(code: number, first: boolean): boolean {
  const letter = isAsciiLetter(code) || code === UNDERSCORE;
  return first ? letter : letter || isAsciiDigit(code) || code === DASH;
}

/** Where the `:` of a `key:` line is (followed by a space or the end), or -1 when the line is something else. */
function keyColon(text: string, start: number, end: number): number {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === COLON && at > start) return at + 1 === end || text.charCodeAt(at + 1) === SPACE ? at : -1;
    if (!isKeyCharacter(code, at === start)) return -1;
  }
  return -1;
}

type Scalar = string | number | boolean | null;
const DECLINED = Symbol("declined");
type Read<T> = T | typeof DECLINED;

/** The first characters of every text the core types resolve (`~`, null, true, false, numbers, `.inf`, `.nan`). */
const MAY_RESOLVE = /^[-+.0-9~nNtTfF]/;

function resolvePlain(text: string): Scalar {
  if (!MAY_RESOLVE.test(text)) return text;
  for (const type of IMPLICIT_TYPES ?? []) if (type.resolve(text)) return type.construct(text) as Scalar;
  return text;
}

/** `"text"` without escapes or `'text'` without doubled quotes, as the text. */
function quoted(text: string): Read<string> {
  const quote = text.charAt(0);
  const closed = text.length >= 2 && text.indexOf(quote, 1) === text.length - 1;
  if (!closed || (quote === '"' && text.includes("\\"))) return DECLINED;
  return text.slice(1, -1);
}

/** A block value on a key's line or a list item's: quoted, or plain without `: `, ` #` or a trailing `:`. */
function blockScalar(text: string): Read<Scalar> {
  // An empty node is null to js-yaml's loader, not to its resolvers.
  if (text === "") return null;
  if (text.startsWith('"') || text.startsWith("'")) return quoted(text);
  if (INDICATOR_START.test(text) || text.includes(": ") || text.includes(" #") || text.endsWith(":")) return DECLINED;
  return resolvePlain(text);
}

/** `[a, "b", c]`: items quoted, or plain without flow indicators, colons or comments; no empty item. */
function flowList(text: string): Read<Scalar[]> {
  const end = text.length - 1;
  if (startWithoutSpaces(text, 1, end) === end) return [];
  const items: Scalar[] = [];
  for (let from = 1; from <= end; ) {
    const comma = text.indexOf(",", from);
    const to = comma === -1 ? end : comma;
    const itemStart = startWithoutSpaces(text, from, to);
    const itemEnd = endWithoutSpaces(text, itemStart, to);
    if (itemStart === itemEnd) return DECLINED;
    const item = text.slice(itemStart, itemEnd);
    const value = item.startsWith('"') || item.startsWith("'") ? quoted(item) : INDICATOR_START.test(item) || FLOW_INDICATOR.test(item) ? DECLINED : resolvePlain(item);
    if (value === DECLINED) return DECLINED;
    items.push(value);
    from = to + 1;
  }
  return items;
}

function inlineValue(text: string): Read<Scalar | Scalar[]> {
  if (text.startsWith("[") && text.endsWith("]")) return flowList(text);
  return blockScalar(text);
}

/** A key js-yaml would keep as written: not `null`/`true`/… (which it turns into other text), not `__proto__`. */
function plainKey(text: string): boolean {
  return text !== "__proto__" && resolvePlain(text) === text;
}

/** The key whose value is still open (a `key:` line with nothing after it), which list items may follow. */
interface OpenKey {
  key: string | null;
  list: Scalar[] | null;
  listIndent: number;
}

/**
 * The properties of a flat frontmatter text (the lines between the `---` lines), or `null` when
 * the text is not of that shape and a YAML parser must read it.
 */
export function readFlatFrontmatter(yaml: string): Record<string, unknown> | null {
  if (!IMPLICIT_TYPES || UNUSUAL_CHARACTER.test(yaml) || !carriageReturnsEndLines(yaml)) return null;
  const properties: Record<string, unknown> = {};
  const open: OpenKey = { key: null, list: null, listIndent: -1 };
  for (let start = 0; start <= yaml.length; ) {
    const lineBreak = yaml.indexOf("\n", start);
    const lineEnd = lineBreak === -1 ? yaml.length : yaml.charCodeAt(lineBreak - 1) === CR ? lineBreak - 1 : lineBreak;
    if (!readLine(yaml, start, endWithoutSpaces(yaml, start, lineEnd), properties, open)) return null;
    start = lineBreak === -1 ? yaml.length + 1 : lineBreak + 1;
  }
  return properties;
}

/** One line, `yaml[start, end)`, into `properties`; false when it is not of the flat shape. */
function readLine(yaml: string, start: number, end: number, properties: Record<string, unknown>, open: OpenKey): boolean {
  if (yaml.startsWith("---", start)) return false;
  const content = startWithoutSpaces(yaml, start, end);
  if (content === end) return true;
  const isListItem = yaml.charCodeAt(content) === DASH && (content + 1 === end || yaml.charCodeAt(content + 1) === SPACE);
  if (isListItem && open.key !== null) {
    const indent = content - start;
    if (open.listIndent >= 0 && indent !== open.listIndent) return false;
    const value = blockScalar(yaml.slice(startWithoutSpaces(yaml, content + 1, end), end));
    if (value === DECLINED) return false;
    open.listIndent = indent;
    if (!open.list) properties[open.key] = open.list = [];
    open.list.push(value);
    return true;
  }
  const colon = keyColon(yaml, start, end);
  const key = colon === -1 ? "" : yaml.slice(start, colon);
  if (colon === -1 || !plainKey(key) || Object.prototype.hasOwnProperty.call(properties, key)) return false;
  const valueStart = startWithoutSpaces(yaml, colon + 1, end);
  open.list = null;
  open.listIndent = -1;
  open.key = valueStart === end ? key : null;
  const value = valueStart === end ? null : inlineValue(yaml.slice(valueStart, end));
  if (value === DECLINED) return false;
  properties[key] = value;
  return true;
}

/** Every carriage return is half of a CRLF line end; a lone one is a line break js-yaml would see and this reader would not. */
function carriageReturnsEndLines(yaml: string): boolean {
  for (let at = yaml.indexOf("\r"); at !== -1; at = yaml.indexOf("\r", at + 1)) if (yaml.charCodeAt(at + 1) !== LF) return false;
  return true;
}

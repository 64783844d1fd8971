/**
 * The frontmatter converters and Obsidian's property editor write: one `key: value` per line, the
 * value plain, quoted, a `[flow, list]` or a block list of `- items`. Reading it needs no general
 * YAML parser, which costs the headless reader more than reading the file (issue #5, target 3).
 *
 * Anything outside that shape is declined (`null`) and goes to gray-matter and js-yaml, which stay
 * the authority: plain scalars are resolved by js-yaml's own core-schema types, and
 * test/cli/flat-frontmatter.test.ts checks every accepted text against js-yaml itself.
 */
import { CORE_SCHEMA, type Type } from "js-yaml";

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
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const LIST_ITEM_LINE = /^( *)- +(.*)$/;
const BLANK_LINE = /^ *$/;
/** A plain scalar may not open with a YAML indicator; `-`, `?` and `:` could, but such values are left to js-yaml. */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'([^']*)'$/;

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

function quoted(text: string): Read<string> {
  const match = DOUBLE_QUOTED.exec(text) ?? SINGLE_QUOTED.exec(text);
  return match ? (match[1] ?? "") : DECLINED;
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
  const inner = text.slice(1, -1);
  if (inner.trim() === "") return [];
  const items: Scalar[] = [];
  for (const part of inner.split(",")) {
    const item = part.trim();
    if (item === "") return DECLINED;
    if (item.startsWith('"') || item.startsWith("'")) {
      const value = quoted(item);
      if (value === DECLINED) return DECLINED;
      items.push(value);
    } else if (INDICATOR_START.test(item) || /[[\]{}#:]/.test(item)) {
      return DECLINED;
    } else {
      items.push(resolvePlain(item));
    }
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

/**
 * The properties of a flat frontmatter text (the lines between the `---` lines), or `null` when
 * the text is not of that shape and a YAML parser must read it.
 */
export function readFlatFrontmatter(yaml: string): Record<string, unknown> | null {
  if (!IMPLICIT_TYPES || UNUSUAL_CHARACTER.test(yaml)) return null;
  const properties: Record<string, unknown> = {};
  // The key whose value is still open: a `key:` line with nothing after it, which list items may follow.
  let openKey: string | null = null;
  let openList: Scalar[] | null = null;
  let listIndent = -1;
  for (const rawLine of yaml.split("\n")) {
    const line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    if (line.includes("\r") || line.startsWith("---")) return null;
    if (BLANK_LINE.test(line)) continue;
    const item = openKey !== null ? LIST_ITEM_LINE.exec(line) : null;
    if (item && openKey !== null) {
      const indent = item[1]?.length ?? 0;
      if (listIndent >= 0 && indent !== listIndent) return null;
      const value = blockScalar((item[2] ?? "").trimEnd());
      if (value === DECLINED) return null;
      listIndent = indent;
      if (!openList) properties[openKey] = openList = [];
      openList.push(value);
      continue;
    }
    const entry = KEY_LINE.exec(line);
    const key = entry?.[1];
    if (!entry || key === undefined || !plainKey(key) || Object.prototype.hasOwnProperty.call(properties, key)) return null;
    const text = (entry[2] ?? "").trimEnd();
    openList = null;
    listIndent = -1;
    if (text === "") {
      openKey = key;
      properties[key] = null;
      continue;
    }
    openKey = null;
    const value = inlineValue(text);
    if (value === DECLINED) return null;
    properties[key] = value;
  }
  return properties;
}

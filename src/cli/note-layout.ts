/**
 * Where a note's parts lie in its bytes: the byte order mark, the frontmatter between its `---`
 * lines, the body. Found before decoding, so the reader decodes the small frontmatter on its own
 * (the properties it keeps then hold no slice of the whole file's text) and decodes a body only
 * when it may hold an inline tag.
 */

import { CR, DASH, HASH, isAsciiDigit, isAsciiLetter, LF, SLASH, SPACE, TAB, UNDERSCORE } from "../core/char-codes";

export interface NoteLayout {
  /** Where the text starts: 3 after a UTF-8 byte order mark, else 0. */
  textStart: number;
  /**
   * The YAML between the `---` lines (the line break before the closing `---` excluded);
   * "unclosed" when an opening `---` has no closing line (Obsidian then reads no properties).
   */
  frontmatter: { start: number; end: number } | "unclosed" | null;
  bodyStart: number;
}

/** Past the end of a `---` line (spaces and tabs may follow) that starts at `at`, or -1 when the line is something else. */
function delimiterLineEnd(bytes: Uint8Array, at: number): number {
  if (bytes[at] !== DASH || bytes[at + 1] !== DASH || bytes[at + 2] !== DASH) return -1;
  let next = at + 3;
  while (bytes[next] === SPACE || bytes[next] === TAB) next++;
  if (next === bytes.length) return next;
  if (bytes[next] === LF) return next + 1;
  if (bytes[next] === CR && bytes[next + 1] === LF) return next + 2;
  return -1;
}

export function noteLayout(bytes: Uint8Array): NoteLayout {
  const textStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const opened = delimiterLineEnd(bytes, textStart);
  // The opening line must end in a line break: a file that is only `---` has no frontmatter.
  if (opened === -1 || opened === bytes.length) return { textStart, frontmatter: null, bodyStart: textStart };
  // The first `---` line after the opening one closes it, even right after it (empty frontmatter).
  const closedAtOnce = delimiterLineEnd(bytes, opened);
  if (closedAtOnce !== -1) return { textStart, frontmatter: { start: opened, end: opened }, bodyStart: closedAtOnce };
  for (let lineBreak = bytes.indexOf(LF, opened); lineBreak !== -1; lineBreak = bytes.indexOf(LF, lineBreak + 1)) {
    const closed = delimiterLineEnd(bytes, lineBreak + 1);
    if (closed === -1) continue;
    const end = lineBreak > opened && bytes[lineBreak - 1] === CR ? lineBreak - 1 : lineBreak;
    return { textStart, frontmatter: { start: opened, end }, bodyStart: closed };
  }
  return { textStart, frontmatter: "unclosed", bodyStart: textStart };
}

/**
 * Why a note that seems to open with frontmatter has none, or null: a `---` line behind a second
 * byte order mark (Obsidian strips only one), or one ended by a lone carriage return. Without
 * this the note would lose its properties in silence.
 */
export function unopenedFrontmatter(bytes: Uint8Array, layout: NoteLayout): string | null {
  if (layout.frontmatter !== null) return null;
  let at = layout.textStart;
  let extraMarks = 0;
  while (bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf) {
    at += 3;
    extraMarks++;
  }
  if (bytes[at] !== DASH || bytes[at + 1] !== DASH || bytes[at + 2] !== DASH) return null;
  let next = at + 3;
  while (bytes[next] === SPACE || bytes[next] === TAB) next++;
  if (bytes[next] === CR && bytes[next + 1] !== LF) {
    return "has line breaks that are lone carriage returns (CR), so its --- line opens no frontmatter and its properties are not read; save it with LF or CRLF line endings";
  }
  if (extraMarks > 0 && delimiterLineEnd(bytes, at) !== -1) {
    return `starts with ${extraMarks + 1} byte order marks (U+FEFF), so its --- line opens no frontmatter and its properties are not read; remove all but one`;
  }
  return null;
}

/** What may stand before a tag's `#`: white space, or the last byte of a no-break space (C2 A0). */
function mayPrecedeTag(byte: number | undefined): boolean {
  return byte === SPACE || byte === TAB || byte === LF || byte === CR || byte === 0xa0;
}

/** ASCII letters, digits, `_`, `-`, `/`: the tag characters a byte alone can show. */
function isAsciiTagByte(byte: number): boolean {
  return isAsciiLetter(byte) || isAsciiDigit(byte) || byte === UNDERSCORE || byte === DASH || byte === SLASH;
}

/**
 * False when no inline tag can be in `bytes` from `from` (a line start) on: every `#` follows
 * something other than white space (`&#92;`, `a#b`), or what follows it is no tag (`##`, `# `,
 * `#{x}`, `#1`). True says only "decode and look": the core's inlineTags decides.
 */
export function mayHoldInlineTag(bytes: Uint8Array, from: number): boolean {
  for (let at = bytes.indexOf(HASH, from); at !== -1; at = bytes.indexOf(HASH, at + 1)) {
    if (at > from && !mayPrecedeTag(bytes[at - 1])) continue;
    for (let next = at + 1; next < bytes.length; next++) {
      const byte = bytes[next] as number;
      // A byte of a multi-byte character may be part of a letter: only decoding can tell.
      if (byte >= 0x80) return true;
      if (!isAsciiTagByte(byte)) break;
      if (!isAsciiDigit(byte)) return true;
    }
  }
  return false;
}

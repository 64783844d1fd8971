/**
 * Note text on its way to a terminal: control characters (escape sequences, carriage returns,
 * newlines) shown as visible escapes, so a title or file name can neither drive the terminal
 * nor forge a line of the report. JSON output needs none of this: JSON escapes them itself.
 */

/** C0 and C1 controls and DEL; tabs and newlines too, since one field must stay on one line; and Unicode's line and paragraph separators, which some viewers break lines at. */
function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

export function printable(text: string): string {
  let out = "";
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (!isControl(code)) out += character;
    else out += code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, "0")}`;
  }
  return out;
}

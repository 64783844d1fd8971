/**
 * ASCII character codes the scanners compare with, named once: the same number in UTF-8 bytes
 * (the headless reader's note layout) and in UTF-16 code units (frontmatter and tag scanners).
 */
export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const HASH = 0x23;
export const DASH = 0x2d;
export const SLASH = 0x2f;
export const COLON = 0x3a;
export const UNDERSCORE = 0x5f;

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * ATT&CK technique IDs as they are spelt in real vaults: `T1059.001`, `T1059_001`,
 * `t1059-001`, Sigma's `attack.t1059.001`, nested tags `attack/t1059/001`.
 * The canonical form is `T1059` or `T1059.001`.
 */

import { isAsciiDigit } from "./char-codes";

// Exactly four digits, then optionally a separator and exactly three; nothing after.
const ID_PATTERN = /^(?:attack[./])?t(\d{4})(?:[._\-/](\d{3}))?$/i;

/** The canonical ID for a spelling, or null when the text is not a technique ID. */
export function parseTechniqueId(text: string): string | null {
  if (isCanonical(text)) return text;
  const match = ID_PATTERN.exec(text.trim().replace(/^#/, ""));
  if (!match) return null;
  const [, technique, sub] = match;
  return sub ? `T${technique}.${sub}` : `T${technique}`;
}

/**
 * `T1059` or `T1059.001` exactly, as ATT&CK, its importer and most notes write an ID: read by its
 * characters, without the pattern or a new string. A thousand threat profiles list 25,000 IDs, and
 * the panel's first render reads them all (bench target 8).
 */
function isCanonical(text: string): boolean {
  const length = text.length;
  if ((length !== 5 && length !== 9) || text.charCodeAt(0) !== CAPITAL_T) return false;
  for (let at = 1; at < length; at++) {
    if (at === 5 ? text.charCodeAt(at) !== DOT : !isAsciiDigit(text.charCodeAt(at))) return false;
  }
  return true;
}

const CAPITAL_T = 0x54;
const DOT = 0x2e;

export function isSubTechnique(id: string): boolean {
  return id.length === 9;
}

/** `T1059` for `T1059.001`; null for a technique that has no parent. */
export function parentTechniqueId(id: string): string | null {
  return isSubTechnique(id) ? id.slice(0, 5) : null;
}

/** The tag a vault of the catalogue's format uses for an ID: `T1059_001`. */
export function techniqueIdAsTag(id: string): string {
  return id.replace(".", "_");
}

/** An ID at the start of a file name such as `T1059.001 - PowerShell.md`; none in `T1059.9999 - x.md`, which is no ID. */
export function techniqueIdAtStartOf(fileName: string): string | null {
  const match = /^(t\d{4}(?:[._-]\d{3})?)(?![._-]?\d)/i.exec(fileName);
  return match?.[1] ? parseTechniqueId(match[1]) : null;
}

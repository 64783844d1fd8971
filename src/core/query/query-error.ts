import type { Position, QueryError, QueryErrorKind } from "./ast";

/** Nesting (parentheses plus `-` prefixes) beyond this is refused, so parsing and evaluation can recurse safely. */
export const MAX_NESTING = 256;

/** Builds an error whose message ends with the 1-based line and column, as the UI shows it verbatim. */
export function queryError(text: string, kind: QueryErrorKind, sentence: string, position: Position): QueryError {
  const { line, column } = lineAndColumn(text, position);
  return { kind, message: `${sentence} (at line ${line}, column ${column})`, position, line, column };
}

/** Lines are split on `\n` only, so a `\r` of a CRLF pair counts as the last column of its line. */
export function lineAndColumn(text: string, position: Position): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(position, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

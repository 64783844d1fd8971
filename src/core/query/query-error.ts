import type { Position, QueryError, QueryErrorKind } from "./ast";
import { lineAndColumn } from "../text-position";

/** Nesting (parentheses plus `-` prefixes) beyond this is refused, so parsing and evaluation can recurse safely. */
export const MAX_NESTING = 256;

/** Builds an error whose message ends with the 1-based line and column, as the UI shows it verbatim. */
export function queryError(text: string, kind: QueryErrorKind, sentence: string, position: Position): QueryError {
  const { line, column } = lineAndColumn(text, position);
  return { kind, message: `${sentence} (at line ${line}, column ${column})`, position, line, column };
}

/**
 * The ```query fences of a note in the editor, where Live Preview draws a block in place of each:
 * top-level fences only (those inside a callout or quote are drawn by Obsidian's callout widget,
 * through the reading view's pipeline), closed, outside the frontmatter. Kept up to date through
 * edits without reading the whole note again, unless an edit touches a fence line.
 */
import type { ChangeDesc, Text } from "@codemirror/state";

export interface QueryFence {
  /** Start of the opening fence's line. */
  from: number;
  /** End of the closing fence's marker. */
  to: number;
  /** The lines between the fences, joined by `\n`. */
  source: string;
}

const OPENING_FENCE = /^( {0,3})(`{3,}|~{3,})[ \t]*([^\s`]*)/;
const CLOSING_FENCE = /^( {0,3})(`{3,}|~{3,})[ \t]*$/;
const QUERY_LANGUAGE = "query";

const FRONTMATTER_DELIMITER = /(?:^|\n)---[ \t]*(?:\n|$)/;

/** Whether lines an edit covers could be, or become, a fence or a frontmatter delimiter. */
function mayDelimit(lines: string): boolean {
  return lines.includes("```") || lines.includes("~~~") || FRONTMATTER_DELIMITER.test(lines);
}

/** Line number after the frontmatter (1 when there is none), as the editor reads it. */
function firstBodyLine(doc: Text): number {
  if (doc.lines < 2 || doc.line(1).text.trimEnd() !== "---") return 1;
  for (let number = 2; number <= doc.lines; number++) {
    if (doc.line(number).text.trimEnd() === "---") return number + 1;
  }
  return 1;
}

export function scanQueryFences(doc: Text): QueryFence[] {
  const fences: QueryFence[] = [];
  let open: { marker: string; language: string; line: number } | null = null;
  for (let number = firstBodyLine(doc); number <= doc.lines; number++) {
    const text = doc.line(number).text;
    if (open) {
      const closing = CLOSING_FENCE.exec(text);
      const marker = closing?.[2];
      if (!marker || marker[0] !== open.marker[0] || marker.length < open.marker.length) continue;
      if (open.language === QUERY_LANGUAGE) {
        const line = doc.line(number);
        fences.push({ from: doc.line(open.line).from, to: line.from + (closing?.[1]?.length ?? 0) + marker.length, source: linesBetween(doc, open.line, number) });
      }
      open = null;
      continue;
    }
    const opening = OPENING_FENCE.exec(text);
    if (opening?.[2]) open = { marker: opening[2], language: opening[3] ?? "", line: number };
  }
  return fences;
}

function linesBetween(doc: Text, openingLine: number, closingLine: number): string {
  if (closingLine - openingLine < 2) return "";
  return doc.sliceString(doc.line(openingLine + 1).from, doc.line(closingLine - 1).to);
}

/** Whether the lines a change covers, before or after it, could open, close or hide a fence. */
function touchesDelimiters(changes: ChangeDesc, before: Text, after: Text): boolean {
  let touches = false;
  changes.iterChangedRanges((fromA, toA, fromB, toB) => {
    if (touches) return;
    touches = mayDelimit(before.sliceString(before.lineAt(fromA).from, before.lineAt(toA).to)) || mayDelimit(after.sliceString(after.lineAt(fromB).from, after.lineAt(toB).to));
  }, true);
  return touches;
}

export interface FenceUpdate {
  fences: QueryFence[];
  /** Fences were found anew, or a block's source changed: its drawing must change, not only move. */
  redraw: boolean;
}

/**
 * The fences after an edit: the same array when the edit moved nothing, mapped positions when it
 * only moved them or changed a block's content, a full scan when it touched a fence line.
 */
export function updateQueryFences(fences: QueryFence[], changes: ChangeDesc, before: Text, after: Text): FenceUpdate {
  if (changes.empty) return { fences, redraw: false };
  if (touchesDelimiters(changes, before, after)) return { fences: scanQueryFences(after), redraw: true };
  let moved = false;
  let redraw = false;
  const next = fences.map((fence) => {
    const from = changes.mapPos(fence.from, 1);
    const to = changes.mapPos(fence.to, -1);
    const contentChanged = changes.touchesRange(fence.from, fence.to) !== false;
    if (from === fence.from && to === fence.to && !contentChanged) return fence;
    moved = true;
    if (!contentChanged) return { from, to, source: fence.source };
    redraw = true;
    return { from, to, source: linesBetween(after, after.lineAt(from).number, after.lineAt(to).number) };
  });
  return { fences: moved ? next : fences, redraw };
}

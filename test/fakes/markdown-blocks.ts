/**
 * A small block-level Markdown reader, shared by the metadata cache (sections, tags outside code)
 * and the renderer. It follows CommonMark closely enough for notes: fences (``` and ~~~),
 * ATX and setext headings, block quotes and callouts, lists, tables, indented code.
 */
export type BlockType = "yaml" | "heading" | "code" | "blockquote" | "callout" | "list" | "table" | "thematicBreak" | "paragraph";

export interface MarkdownBlock {
  type: BlockType;
  /** Line numbers, inclusive, counted in the lines given to `parseBlocks` plus its offset. */
  lineStart: number;
  lineEnd: number;
  lines: string[];
  /** code: the info string's first word ("" for none or indented code). */
  lang?: string;
  /** code: the content lines, fences and fence indent removed. */
  codeLines?: string[];
  /** heading */
  level?: number;
  headingText?: string;
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BLOCKQUOTE = /^ {0,3}>/;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const TABLE_DIVIDER = /^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

const isBlank = (line: string): boolean => line.trim() === "";
const indentOf = (line: string): number => (line.match(/^[ \t]*/)?.[0] ?? "").replace(/\t/g, "    ").length;

/** Index of the closing `---` when the text opens with a frontmatter block, else null. */
export function frontmatterEnd(lines: string[]): number | null {
  if (lines[0]?.trimEnd() !== "---") return null;
  for (let i = 1; i < lines.length; i++) if (lines[i]?.trimEnd() === "---") return i;
  return null;
}

interface Fence { char: string; length: number; indent: number; lang: string }

function openFence(line: string): Fence | null {
  const match = FENCE_OPEN.exec(line);
  if (!match) return null;
  const marker = match[2] ?? "";
  const info = (match[3] ?? "").trim();
  if (marker.startsWith("`") && info.includes("`")) return null;
  return { char: marker.charAt(0), length: marker.length, indent: (match[1] ?? "").length, lang: info.split(/\s+/)[0] ?? "" };
}

function closesFence(line: string, fence: Fence): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!match && match[1]!.charAt(0) === fence.char && match[1]!.length >= fence.length;
}

/** Strip a block quote marker and the one optional space after it. */
export function stripQuote(line: string): string {
  return line.replace(/^ {0,3}> ?/, "");
}

const interruptsParagraph = (line: string): boolean =>
  !!openFence(line) || ATX_HEADING.test(line) || BLOCKQUOTE.test(line) || THEMATIC_BREAK.test(line) || LIST_ITEM.test(line);

/** Split lines into top-level blocks. `offset` is added to line numbers (e.g. after frontmatter). */
export function parseBlocks(lines: string[], offset = 0): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let i = 0;
  const push = (type: BlockType, start: number, end: number, extra: Partial<MarkdownBlock> = {}): void => {
    blocks.push({ type, lineStart: start + offset, lineEnd: end + offset, lines: lines.slice(start, end + 1), ...extra });
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) { i++; continue; }
    const start = i;
    const fence = openFence(line);
    if (fence) {
      let end = i + 1;
      while (end < lines.length && !closesFence(lines[end]!, fence)) end++;
      const closed = end < lines.length;
      const content = lines.slice(i + 1, end).map((l) => l.replace(new RegExp(`^ {0,${fence.indent}}`), ""));
      const last = closed ? end : lines.length - 1;
      push("code", start, last, { lang: fence.lang, codeLines: content });
      i = last + 1;
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      push("heading", start, start, { level: heading[1]!.length, headingText: (heading[2] ?? "").trim() });
      i++;
      continue;
    }
    if (THEMATIC_BREAK.test(line)) { push("thematicBreak", start, start); i++; continue; }
    if (BLOCKQUOTE.test(line)) {
      while (i < lines.length && BLOCKQUOTE.test(lines[i]!)) i++;
      const first = stripQuote(line).trim();
      push(/^\[![^\]]+\]/.test(first) ? "callout" : "blockquote", start, i - 1);
      continue;
    }
    if (LIST_ITEM.test(line)) { i = endOfList(lines, i); push("list", start, i - 1); continue; }
    if (indentOf(line) >= 4) {
      let end = i;
      while (i < lines.length && (isBlank(lines[i]!) || indentOf(lines[i]!) >= 4)) { if (!isBlank(lines[i]!)) end = i; i++; }
      push("code", start, end, { lang: "", codeLines: lines.slice(start, end + 1).map((l) => l.replace(/^(?: {4}|\t)/, "")) });
      i = end + 1;
      continue;
    }
    if (line.includes("|") && TABLE_DIVIDER.test(lines[i + 1] ?? "") && (lines[i + 1] ?? "").includes("-")) {
      i += 2;
      while (i < lines.length && !isBlank(lines[i]!) && lines[i]!.includes("|")) i++;
      push("table", start, i - 1);
      continue;
    }
    i++;
    while (i < lines.length && !isBlank(lines[i]!)) {
      const underline = SETEXT_UNDERLINE.exec(lines[i]!);
      if (underline) {
        const text = lines.slice(start, i).map((l) => l.trim()).join(" ");
        push("heading", start, i, { level: underline[1]!.startsWith("=") ? 1 : 2, headingText: text });
        i++;
        break;
      }
      if (interruptsParagraph(lines[i]!)) break;
      i++;
    }
    if (blocks[blocks.length - 1]?.lineStart !== start + offset) push("paragraph", start, i - 1);
  }
  return blocks;
}

function endOfList(lines: string[], from: number): number {
  let i = from + 1;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      let next = i + 1;
      while (next < lines.length && isBlank(lines[next]!)) next++;
      const following = lines[next];
      if (following === undefined || !(LIST_ITEM.test(following) || indentOf(following) >= 2)) return i;
      i = next;
      continue;
    }
    const nested = openFence(line.trimStart());
    if (nested && indentOf(line) >= 2) {
      i++;
      while (i < lines.length && !closesFence(lines[i]!.trimStart(), nested)) i++;
      i++;
      continue;
    }
    if (!LIST_ITEM.test(line) && indentOf(line) < 2 && interruptsParagraph(line)) return i;
    i++;
  }
  return i;
}

export interface CalloutHeader { type: string; fold: "" | "+" | "-"; title: string }

/** The `[!type]± Title` header of a callout's first (quote-stripped) line. */
export function parseCalloutHeader(firstLine: string): CalloutHeader | null {
  const match = /^\s*\[!([^\]]+)\]([+-]?)\s*(.*)$/.exec(firstLine);
  if (!match) return null;
  return { type: match[1]!.trim().toLowerCase(), fold: (match[2] ?? "") as CalloutHeader["fold"], title: (match[3] ?? "").trim() };
}

/** Inline Markdown the fake understands: code spans, #tags, [[wikilinks]]. */

export interface Span { start: number; end: number }

/** Code spans in a line: a run of N backticks up to the next run of exactly N. */
export function codeSpans(line: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] !== "`") { i++; continue; }
    let run = 0;
    while (line[i + run] === "`") run++;
    let close = -1;
    for (let j = i + run; j < line.length; ) {
      if (line[j] !== "`") { j++; continue; }
      let closeRun = 0;
      while (line[j + closeRun] === "`") closeRun++;
      if (closeRun === run) { close = j; break; }
      j += closeRun;
    }
    if (close < 0) { i += run; continue; }
    spans.push({ start: i, end: close + run });
    i = close + run;
  }
  return spans;
}

/** Replace code spans (and their backticks) with spaces, keeping every other column in place. */
export function maskInlineCode(line: string): string {
  let out = line;
  for (const span of codeSpans(line)) out = out.slice(0, span.start) + " ".repeat(span.end - span.start) + out.slice(span.end);
  return out;
}

// A tag starts at line start or after whitespace; it stops at whitespace or ASCII punctuation other than - _ /.
const TAG = /(^|\s)#([^\s!"#$%&'()*+,.:;<=>?@[\]^`{|}~\\]+)/gu;

export interface FoundTag { tag: string; col: number }

/** Tags in one line of body text (code spans must already be masked). */
export function findTags(line: string): FoundTag[] {
  const tags: FoundTag[] = [];
  for (const match of line.matchAll(TAG)) {
    const body = match[2] ?? "";
    if (/^\d+$/.test(body)) continue; // Obsidian requires a non-numeric character
    tags.push({ tag: "#" + body, col: (match.index ?? 0) + (match[1] ?? "").length });
  }
  return tags;
}

export interface FoundLink { link: string; displayText: string; original: string; col: number }

const WIKILINK = /!?\[\[([^\]|]+?)(?:\|([^\]]*))?\]\]/g;

export function findWikilinks(line: string): FoundLink[] {
  const links: FoundLink[] = [];
  for (const match of line.matchAll(WIKILINK)) {
    if (match[0].startsWith("!")) continue; // embeds are not links
    const link = (match[1] ?? "").trim();
    links.push({ link, displayText: match[2] ?? link, original: match[0], col: match.index ?? 0 });
  }
  return links;
}

export type InlinePiece =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "tag"; text: string }
  | { kind: "link"; link: string; text: string };

/** Split a line into text, code spans, tags and wikilinks for rendering; all stays text. */
export function splitInline(line: string): InlinePiece[] {
  const masked = maskInlineCode(line);
  const marks: Array<{ start: number; end: number; piece: InlinePiece }> = codeSpans(line).map((span) => {
    const source = line.slice(span.start, span.end);
    const ticks = source.match(/^`+/)?.[0].length ?? 1;
    return { ...span, piece: { kind: "code", text: source.slice(ticks, source.length - ticks).trim() } };
  });
  for (const link of findWikilinks(masked)) {
    marks.push({ start: link.col, end: link.col + link.original.length, piece: { kind: "link", link: link.link, text: link.displayText } });
  }
  for (const tag of findTags(masked)) {
    if (marks.some((m) => tag.col >= m.start && tag.col < m.end)) continue;
    marks.push({ start: tag.col, end: tag.col + tag.tag.length, piece: { kind: "tag", text: tag.tag } });
  }
  marks.sort((a, b) => a.start - b.start);
  const pieces: InlinePiece[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    if (mark.start > at) pieces.push({ kind: "text", text: line.slice(at, mark.start) });
    pieces.push(mark.piece);
    at = mark.end;
  }
  if (at < line.length) pieces.push({ kind: "text", text: line.slice(at) });
  return pieces;
}

/** Builds a note's `CachedMetadata` from its text, as Obsidian's indexer does (the parts the fake models). */
import type { CachedMetadata, HeadingCache, LinkCache, Loc, Pos, SectionCache, TagCache } from "obsidian";
import { parseFrontmatterYaml } from "./frontmatter";
import { type MarkdownBlock, frontmatterEnd, parseBlocks, splitLines, stripQuote } from "./markdown-blocks";
import { findTags, findWikilinks, maskInlineCode } from "./markdown-inline";

class LineIndex {
  private readonly starts: number[] = [];
  constructor(readonly lines: string[], newlineLength: number) {
    let offset = 0;
    for (const line of lines) {
      this.starts.push(offset);
      offset += line.length + newlineLength;
    }
  }
  loc(line: number, col: number): Loc {
    return { line, col, offset: (this.starts[line] ?? 0) + col };
  }
  pos(lineStart: number, colStart: number, lineEnd: number, colEnd: number): Pos {
    return { start: this.loc(lineStart, colStart), end: this.loc(lineEnd, colEnd) };
  }
}

/** Lines of body text outside code, with their line numbers; block quotes are looked into. */
function textLines(blocks: MarkdownBlock[]): Array<{ line: number; text: string; col: number }> {
  const out: Array<{ line: number; text: string; col: number }> = [];
  for (const block of blocks) {
    if (block.type === "code" || block.type === "yaml") continue;
    if (block.type === "blockquote" || block.type === "callout") {
      const inner = block.lines.map(stripQuote);
      const nested = parseBlocks(inner, block.lineStart);
      for (const entry of textLines(nested)) {
        const raw = block.lines[entry.line - block.lineStart] ?? "";
        out.push({ ...entry, col: entry.col + (raw.length - (inner[entry.line - block.lineStart] ?? "").length) });
      }
      continue;
    }
    block.lines.forEach((text, i) => out.push({ line: block.lineStart + i, text, col: 0 }));
  }
  return out;
}

export function computeNoteCache(content: string): CachedMetadata {
  const lines = splitLines(content);
  const index = new LineIndex(lines, content.includes("\r\n") ? 2 : 1);
  const cache: CachedMetadata = {};
  const sections: SectionCache[] = [];
  const fmEnd = frontmatterEnd(lines);
  if (fmEnd !== null) {
    // worker.js (public copy id 56547900761): the block is always a `yaml` section, but `frontmatter`
    // and `frontmatterPosition` are set only when its YAML parses to a mapping.
    const position = index.pos(0, 0, fmEnd, 3);
    sections.push({ type: "yaml", position });
    const frontmatter = parseFrontmatterYaml(lines.slice(1, fmEnd).join("\n"));
    if (frontmatter) {
      cache.frontmatter = frontmatter;
      cache.frontmatterPosition = position;
    }
  }
  const bodyStart = fmEnd === null ? 0 : fmEnd + 1;
  const blocks = parseBlocks(lines.slice(bodyStart), bodyStart);
  const headings: HeadingCache[] = [];
  for (const block of blocks) {
    const lastLine = lines[block.lineEnd] ?? "";
    sections.push({ type: block.type, position: index.pos(block.lineStart, 0, block.lineEnd, lastLine.length) });
    if (block.type === "heading") {
      headings.push({ heading: block.headingText ?? "", level: block.level ?? 1, position: index.pos(block.lineStart, 0, block.lineEnd, lastLine.length) });
    }
  }
  const tags: TagCache[] = [];
  const links: LinkCache[] = [];
  for (const entry of textLines(blocks)) {
    const masked = maskInlineCode(entry.text);
    for (const found of findTags(masked)) {
      const col = entry.col + found.col;
      tags.push({ tag: found.tag, position: index.pos(entry.line, col, entry.line, col + found.tag.length) });
    }
    for (const found of findWikilinks(masked)) {
      const col = entry.col + found.col;
      links.push({ link: found.link, original: found.original, displayText: found.displayText, position: index.pos(entry.line, col, entry.line, col + found.original.length) });
    }
  }
  if (tags.length > 0) cache.tags = tags;
  if (links.length > 0) cache.links = links;
  if (headings.length > 0) cache.headings = headings;
  if (sections.length > 0) cache.sections = sections;
  return cache;
}

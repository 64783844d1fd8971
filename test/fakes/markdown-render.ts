/**
 * Markdown blocks → DOM, all note text set as text (no HTML parsing). Code blocks become
 * `pre > code.language-x`; the code block post-processors replace them afterwards, as in Obsidian.
 */
import "./dom";
import { type MarkdownBlock, parseBlocks, parseCalloutHeader, stripQuote } from "./markdown-blocks";
import { splitInline } from "./markdown-inline";
import { setIcon } from "./icons";

/** The source a code block processor receives for each rendered `code` element. */
export const codeBlockSources = new WeakMap<Element, string>();

function renderInline(parent: HTMLElement, line: string): void {
  for (const piece of splitInline(line)) {
    if (piece.kind === "text") parent.appendText(piece.text);
    else if (piece.kind === "code") parent.createEl("code", { text: piece.text });
    else if (piece.kind === "tag") parent.createEl("a", { cls: "tag", text: piece.text, href: piece.text });
    else parent.createEl("a", { cls: "internal-link", text: piece.text, href: piece.link, attr: { "data-href": piece.link } });
  }
}

function renderLines(parent: HTMLElement, lines: string[]): void {
  lines.forEach((line, i) => {
    if (i > 0) parent.createEl("br");
    renderInline(parent, line.trim());
  });
}

function renderCode(parent: HTMLElement, block: MarkdownBlock): HTMLElement {
  const pre = parent.createEl("pre");
  const source = (block.codeLines ?? []).join("\n");
  // The code element ends with a newline, as markdown renderers leave it; readers drop it.
  const code = pre.createEl("code", { text: source + "\n", cls: block.lang ? `language-${block.lang}` : undefined });
  codeBlockSources.set(code, source);
  return pre;
}

function renderList(parent: HTMLElement, block: MarkdownBlock): HTMLElement {
  const ordered = /^\s*\d/.test(block.lines[0] ?? "");
  const list = parent.createEl(ordered ? "ol" : "ul");
  let item: HTMLElement | null = null;
  for (const line of block.lines) {
    const marker = /^\s*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)/.exec(line);
    if (marker || !item) {
      item = list.createEl("li");
      renderInline(item, line.slice(marker?.[0].length ?? 0).trim());
    } else if (line.trim() !== "") {
      item.createEl("br");
      renderInline(item, line.trim());
    }
  }
  return list;
}

function splitRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "");
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

function renderTable(parent: HTMLElement, block: MarkdownBlock): HTMLElement {
  const table = parent.createEl("table");
  const headRow = table.createEl("thead").createEl("tr");
  for (const cell of splitRow(block.lines[0] ?? "")) renderInline(headRow.createEl("th"), cell);
  const body = table.createEl("tbody");
  for (const line of block.lines.slice(2)) {
    const row = body.createEl("tr");
    for (const cell of splitRow(line)) renderInline(row.createEl("td"), cell);
  }
  return table;
}

function renderCallout(parent: HTMLElement, block: MarkdownBlock): HTMLElement {
  const inner = block.lines.map(stripQuote);
  const header = parseCalloutHeader(inner[0] ?? "") ?? { type: "note", fold: "", title: "" };
  const callout = parent.createDiv({ cls: "callout", attr: { "data-callout": header.type, "data-callout-fold": header.fold || null } });
  const titleEl = callout.createDiv("callout-title");
  setIcon(titleEl.createDiv("callout-icon"), "lucide-info");
  const title = header.title || header.type.charAt(0).toUpperCase() + header.type.slice(1);
  titleEl.createDiv({ cls: "callout-title-inner", text: title });
  const contentEl = callout.createDiv("callout-content");
  renderBlocks(contentEl, parseBlocks(inner.slice(1), block.lineStart + 1));
  if (header.fold) {
    callout.addClass("is-collapsible");
    titleEl.createDiv("callout-fold");
    const setCollapsed = (collapsed: boolean): void => {
      callout.toggleClass("is-collapsed", collapsed);
      contentEl.toggle(!collapsed);
    };
    setCollapsed(header.fold === "-");
    titleEl.addEventListener("click", () => setCollapsed(!callout.hasClass("is-collapsed")));
  }
  return callout;
}

/** Render one block into `parent`; returns the element made (null for frontmatter). */
export function renderBlock(parent: HTMLElement, block: MarkdownBlock): HTMLElement | null {
  switch (block.type) {
    case "yaml":
      return null;
    case "heading": {
      const heading = parent.createEl(`h${block.level ?? 1}` as "h1", { attr: { "data-heading": block.headingText ?? "" } });
      renderInline(heading, block.headingText ?? "");
      return heading;
    }
    case "paragraph": {
      const paragraph = parent.createEl("p");
      renderLines(paragraph, block.lines);
      return paragraph;
    }
    case "code":
      return renderCode(parent, block);
    case "blockquote": {
      const quote = parent.createEl("blockquote");
      renderBlocks(quote, parseBlocks(block.lines.map(stripQuote), block.lineStart));
      return quote;
    }
    case "callout":
      return renderCallout(parent, block);
    case "list":
      return renderList(parent, block);
    case "table":
      return renderTable(parent, block);
    case "thematicBreak":
      return parent.createEl("hr");
  }
}

export function renderBlocks(parent: HTMLElement, blocks: MarkdownBlock[]): void {
  for (const block of blocks) renderBlock(parent, block);
}

/** The class Obsidian gives a reading-view section wrapper (`el-p`, `el-h2`, `el-pre`…). */
export function sectionClass(el: HTMLElement | null): string {
  return el ? `el-${el.tagName.toLowerCase()}` : "el-div";
}

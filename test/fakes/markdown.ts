/**
 * Rendering, as Obsidian's app.js does it (deobfuscated, public copy id 56584996308): the static
 * registries of `MarkdownPreviewRenderer`, its code block closures, and the static
 * `MarkdownRenderer.postProcess` every reading-view section, embed and callout goes through, which
 * hands `query` blocks to core Search before any post-processor runs. Markdown itself is drawn only
 * as far as notes of this format need: headings, paragraphs, lists, quotes and callouts, fenced code.
 */
import type { MarkdownSectionInformation } from "obsidian";
import { Component } from "./component";
import { setIcon } from "./utils";

export interface MarkdownPostProcessorContext {
  docId: string;
  sourcePath: string;
  frontmatter: Record<string, unknown> | null | undefined;
  addChild(child: MarkdownRenderChild): void;
  getSectionInfo(el: HTMLElement): MarkdownSectionInformation | null;
  /** Obsidian's private extras, mirrored: async work to await, the section and the view's container. */
  promises: Array<Promise<unknown>>;
  el: HTMLElement;
  containerEl: HTMLElement;
}

export interface MarkdownPostProcessor {
  (el: HTMLElement, ctx: MarkdownPostProcessorContext): Promise<unknown> | void;
  sortOrder?: number;
}

export type CodeBlockHandler = (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => Promise<unknown> | void;

/** Errors thrown (or rejected) by post-processors: Obsidian logs them and renders on. */
export const renderErrors: unknown[] = [];

export class MarkdownRenderChild extends Component {
  constructor(public containerEl: HTMLElement) {
    super();
  }
}

/** The block's source as app.js reads it: the code's text without its final newline. */
const sourceOf = (code: Element): string => (code.textContent ?? "").replace(/\n$/, "");

export class MarkdownPreviewRenderer {
  /** Sorted by `sortOrder` (unset counts as 0), stable: app.js `registerPostProcessor`. */
  static postProcessors: MarkdownPostProcessor[] = [];
  /** language → handler; only Live Preview's code block widget reads it (app.js id 56605790476). */
  static codeBlockPostProcessors: Record<string, CodeBlockHandler> = {};

  static registerPostProcessor(postProcessor: MarkdownPostProcessor, sortOrder?: number): void {
    postProcessor.sortOrder = sortOrder;
    this.postProcessors.push(postProcessor);
    this.postProcessors.sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  }

  static unregisterPostProcessor(postProcessor: MarkdownPostProcessor): void {
    if (this.postProcessors.includes(postProcessor)) this.postProcessors.splice(this.postProcessors.indexOf(postProcessor), 1);
  }

  /** Throws for a language already held, with app.js's message. */
  static registerCodeBlockPostProcessor(language: string, handler: CodeBlockHandler): void {
    if (Object.prototype.hasOwnProperty.call(this.codeBlockPostProcessors, language)) throw new Error(`Code block postprocessor for language ${language} is already registered`);
    this.codeBlockPostProcessors[language] = handler;
  }

  static unregisterCodeBlockPostProcessor(language: string): void {
    delete this.codeBlockPostProcessors[language];
  }

  /**
   * app.js: a closure that finds every `code.language-LANG` in the section (at any depth, so inside
   * callouts too), replaces its parent `<pre>` with `div.block-language-LANG` and calls the handler
   * with the code's text, pushing a returned promise into `ctx.promises`.
   */
  static createCodeBlockPostProcessor(language: string, handler: CodeBlockHandler): MarkdownPostProcessor {
    return (el, ctx) => {
      for (const code of Array.from(el.querySelectorAll("code.language-" + language))) {
        const blockEl = createDiv({ cls: `block-language-${language}` });
        code.parentElement?.replaceWith(blockEl);
        const result = handler(sourceOf(code), blockEl, ctx);
        if (result instanceof Promise) ctx.promises.push(result);
      }
    };
  }
}

export abstract class MarkdownRenderer extends MarkdownRenderChild {
  /**
   * app.js `postProcess`: every `code.language-query` goes to core Search first (`vR`: a header, then
   * results, which the fake leaves empty), whether or not its core plugin is on; then the
   * post-processors run in order, each one's error logged without stopping the others.
   */
  static postProcess(_app: unknown, ctx: MarkdownPostProcessorContext): MarkdownPostProcessorContext {
    for (const code of Array.from(ctx.el.querySelectorAll("code.language-query"))) {
      const el = createDiv({ cls: "internal-query" });
      code.parentElement?.replaceWith(el);
      el.createDiv("internal-query-header").createSpan({ cls: "internal-query-header-title", text: sourceOf(code).trim() });
      ctx.addChild(new MarkdownRenderChild(el.createDiv("search-result-container")));
    }
    for (const postProcessor of MarkdownPreviewRenderer.postProcessors.slice()) {
      try {
        const result = postProcessor(ctx.el, ctx);
        if (result instanceof Promise) ctx.promises.push(result.catch((error: unknown) => void renderErrors.push(error)));
      } catch (error) {
        renderErrors.push(error);
        console.error("[fake obsidian] post-processor threw", error);
      }
    }
    return ctx;
  }
}

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;
const QUOTE = /^ {0,3}> ?/;
const LIST_ITEM = /^\s*(?:[-+*]|\d{1,9}[.)])(?:\s|$)/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Top-level blocks of Markdown lines: a fence to its close, a quote's `>` lines, a list, a heading, a paragraph to a blank line. */
export function markdownBlocks(lines: readonly string[]): string[][] {
  const blocks: string[][] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] ?? "";
    const start = i++;
    if (line.trim() === "") continue;
    const fence = FENCE.exec(line)?.[1];
    if (fence) {
      while (i < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[i] ?? "")) i++;
      i = Math.min(i + 1, lines.length);
    } else if (QUOTE.test(line)) {
      while (i < lines.length && QUOTE.test(lines[i] ?? "")) i++;
    } else if (!HEADING.test(line)) {
      // A paragraph or a list runs to a blank line or a line that opens another block.
      const list = LIST_ITEM.test(line);
      const opens = (next: string): boolean => FENCE.test(next) || QUOTE.test(next) || HEADING.test(next) || (!list && LIST_ITEM.test(next));
      while (i < lines.length && (lines[i] ?? "").trim() !== "" && !opens(lines[i] ?? "")) i++;
    }
    blocks.push(lines.slice(start, i));
  }
  return blocks;
}

/** `[[link|alias]]` as an internal link, `` `code` `` as code; everything else as text. */
function renderInline(parent: HTMLElement, text: string): void {
  let at = 0;
  for (const match of text.matchAll(/\[\[([^\]|]+)(?:\|([^\]]*))?\]\]|`([^`]+)`/g)) {
    parent.appendText(text.slice(at, match.index));
    if (match[3] !== undefined) parent.createEl("code", { text: match[3] });
    else parent.createEl("a", { cls: "internal-link", text: match[2] ?? match[1], attr: { "data-href": match[1] ?? "", href: match[1] ?? "" } });
    at = (match.index ?? 0) + match[0].length;
  }
  parent.appendText(text.slice(at));
}

/** One block into `parent`: code blocks become `pre > code.language-x`, for the post-processors to replace. */
export function renderBlock(parent: HTMLElement, lines: string[]): HTMLElement {
  const first = lines[0] ?? "";
  const fence = FENCE.exec(first);
  if (fence) {
    const closed = lines.length > 1 && new RegExp(`^ {0,3}${fence[1]?.[0]}{${fence[1]?.length},}\\s*$`).test(lines[lines.length - 1] ?? "");
    const code = lines.slice(1, closed ? -1 : undefined).join("\n");
    const pre = parent.createEl("pre");
    pre.createEl("code", { cls: fence[2] ? `language-${fence[2]}` : undefined, text: `${code}\n` });
    return pre;
  }
  const heading = HEADING.exec(first);
  if (heading) {
    const el = parent.createEl(`h${heading[1]?.length ?? 1}` as "h1");
    renderInline(el, heading[2] ?? "");
    return el;
  }
  if (QUOTE.test(first)) return renderQuote(parent, lines.map((line) => line.replace(QUOTE, "")));
  if (LIST_ITEM.test(first)) {
    const list = parent.createEl(/^\s*\d/.test(first) ? "ol" : "ul");
    for (const line of lines) {
      if (LIST_ITEM.test(line) || !list.lastElementChild) renderInline(list.createEl("li"), line.replace(LIST_ITEM, "").trim());
      else renderInline(list.lastElementChild as HTMLElement, ` ${line.trim()}`);
    }
    return list;
  }
  const paragraph = parent.createEl("p");
  lines.forEach((line, i) => {
    if (i > 0) paragraph.createEl("br");
    renderInline(paragraph, line.trim());
  });
  return paragraph;
}

/** A quote, or a callout when it opens with `[!type]`; a callout folded with `-` hides its content until its title is clicked. */
function renderQuote(parent: HTMLElement, lines: string[]): HTMLElement {
  const header = /^\s*\[!([^\]]+)\]([+-]?)\s*(.*)$/.exec(lines[0] ?? "");
  const quote = header ? parent.createDiv({ cls: "callout", attr: { "data-callout": header[1]?.toLowerCase() ?? "note" } }) : parent.createEl("blockquote");
  let content = quote;
  if (header) {
    const title = quote.createDiv("callout-title");
    setIcon(title.createDiv("callout-icon"), "info");
    const type = header[1] ?? "note";
    title.createDiv({ cls: "callout-title-inner", text: header[3] || type.charAt(0).toUpperCase() + type.slice(1) });
    content = quote.createDiv("callout-content");
    if (header[2] === "-") content.hide();
    if (header[2]) title.addEventListener("click", () => content.toggle(!content.isShown()));
  }
  for (const block of markdownBlocks(header ? lines.slice(1) : lines)) renderBlock(content, block);
  return quote;
}

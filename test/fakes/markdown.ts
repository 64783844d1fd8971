/**
 * Rendering entry points: `MarkdownRenderChild`, the static `MarkdownRenderer.postProcess` that
 * every reading-view section goes through, `MarkdownRenderer.render`, and the static registries of
 * `MarkdownPreviewRenderer`: post-processors, and code block handlers by language.
 */
import "./dom";
import type { MarkdownSectionInformation } from "obsidian";
import { Component } from "./component";
import { parseFrontmatterYaml } from "./frontmatter";
import { type MarkdownBlock, frontmatterEnd, parseBlocks, splitLines } from "./markdown-blocks";
import { codeBlockSources, renderBlock } from "./markdown-render";

/** The context handed to post-processors; matches Obsidian's `MarkdownPostProcessorContext`. */
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
  containerEl: HTMLElement;
  constructor(containerEl: HTMLElement) {
    super();
    this.containerEl = containerEl;
  }
}

// Evidence for this file: Obsidian's app.js, deobfuscated, public copy id 56584996308
// (MarkdownPreviewRenderer, MarkdownRenderer.postProcess and .render, the core Search embed).
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
    const index = this.postProcessors.indexOf(postProcessor);
    if (index >= 0) this.postProcessors.splice(index, 1);
  }

  /** Throws for a language already held, with app.js's message. */
  static registerCodeBlockPostProcessor(language: string, handler: CodeBlockHandler): void {
    if (Object.prototype.hasOwnProperty.call(this.codeBlockPostProcessors, language)) {
      throw new Error(`Code block postprocessor for language ${language} is already registered`);
    }
    this.codeBlockPostProcessors[language] = handler;
  }

  static unregisterCodeBlockPostProcessor(language: string): void {
    delete this.codeBlockPostProcessors[language];
  }

  /**
   * app.js: a closure that finds every `code.language-LANG` in the section (at any depth, so inside
   * callouts too), replaces its parent `<pre>` with `div.block-language-LANG` and calls the handler
   * with the code's text (less its final newline), pushing a returned promise into `ctx.promises`.
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

  /** Fake-only: forget every registration, as a freshly started app has none. */
  static resetRegistries(): void {
    this.postProcessors = [];
    this.codeBlockPostProcessors = {};
  }
}

/** The block's source as Obsidian reads it: the code's text without its final newline. */
function sourceOf(code: Element): string {
  const source = codeBlockSources.get(code) ?? code.textContent ?? "";
  return source.endsWith("\n") ? source.slice(0, -1) : source;
}

/** What core Search draws for an embedded query (app.js `vR`): a header, then results, which the fake leaves empty. */
export function renderCoreSearchQuery(query: string, replaced: Element): MarkdownRenderChild {
  const el = createDiv({ cls: "internal-query" });
  replaced.replaceWith(el);
  el.createDiv("internal-query-header").createSpan({ cls: "internal-query-header-title", text: query });
  return new MarkdownRenderChild(el.createDiv("search-result-container"));
}

/** Run one post-processor as Obsidian's loop does, logging what it throws instead of stopping. */
function runPostProcessor(postProcessor: MarkdownPostProcessor, el: HTMLElement, ctx: MarkdownPostProcessorContext): void {
  try {
    const result = postProcessor(el, ctx);
    if (result instanceof Promise) ctx.promises.push(result);
  } catch (error) {
    renderErrors.push(error);
    console.error("[fake obsidian] post-processor threw", error);
  }
}

/** Fake-only: settles every promise a render pushed, logging rejections as Obsidian does. */
export function whenProcessed(ctx: MarkdownPostProcessorContext): Promise<void> {
  return Promise.all(ctx.promises.map((promise) => promise.catch((error: unknown) => { renderErrors.push(error); }))).then(() => undefined);
}

let docCounter = 0;
export function newDocId(): string {
  docCounter++;
  return `fake-doc-${docCounter.toString(16).padStart(8, "0")}`;
}

export interface ParsedDocument { lines: string[]; frontmatter: Record<string, unknown> | undefined; blocks: MarkdownBlock[] }

export function parseDocument(markdown: string): ParsedDocument {
  const lines = splitLines(markdown);
  const fmEnd = frontmatterEnd(lines);
  const frontmatter = fmEnd === null ? undefined : parseFrontmatterYaml(lines.slice(1, fmEnd).join("\n"));
  const bodyStart = fmEnd === null ? 0 : fmEnd + 1;
  return { lines, frontmatter, blocks: parseBlocks(lines.slice(bodyStart), bodyStart) };
}

export abstract class MarkdownRenderer extends MarkdownRenderChild {
  app: unknown;
  hoverPopover: unknown = null;
  abstract get file(): unknown;

  /** The app that `renderMarkdown` (which takes none) renders for; set by `createFakeApp`. */
  static currentApp: unknown = null;

  /**
   * The reading view's pipeline (app.js `t.postProcess`): every `code.language-query` goes to core
   * Search first, whether or not its core plugin is on; then the post-processors run in order.
   * Reading-view sections, embeds and Live Preview's callouts all render through it.
   */
  static postProcess(_app: unknown, ctx: MarkdownPostProcessorContext): MarkdownPostProcessorContext {
    for (const code of Array.from(ctx.el.querySelectorAll("code.language-query"))) {
      if (code.parentElement) ctx.addChild(renderCoreSearchQuery(sourceOf(code).trim(), code.parentElement));
    }
    for (const postProcessor of MarkdownPreviewRenderer.postProcessors.slice()) runPostProcessor(postProcessor, ctx.el, ctx);
    return ctx;
  }

  /** app.js `render`: the post-processors over the whole element; no core Search step, no sections. */
  static async render(_app: unknown, markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
    const doc = parseDocument(markdown);
    for (const block of doc.blocks) renderBlock(el, block);
    const ctx: MarkdownPostProcessorContext = {
      docId: newDocId(),
      sourcePath,
      frontmatter: doc.frontmatter,
      promises: [],
      addChild: (child) => { component.addChild(child); },
      getSectionInfo: () => null,
      containerEl: el,
      el,
    };
    for (const postProcessor of MarkdownPreviewRenderer.postProcessors.slice()) runPostProcessor(postProcessor, el, ctx);
    await whenProcessed(ctx);
  }

  static renderMarkdown(markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
    return MarkdownRenderer.render(MarkdownRenderer.currentApp, markdown, el, sourcePath, component);
  }
}

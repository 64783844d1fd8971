/**
 * Rendering entry points: `MarkdownRenderChild`, `MarkdownRenderer.render`, and the static
 * registries of `MarkdownPreviewRenderer`: post-processors, and code block handlers by language
 * (`codeBlockPostProcessors`), where a second claim on a language throws. When a section is
 * rendered, each fenced block whose language has a handler there goes to that handler first;
 * then the post-processors run over the section.
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

export class MarkdownPreviewRenderer {
  /** Fake mirror of Obsidian's private list, sorted by sortOrder. */
  static postProcessors: MarkdownPostProcessor[] = [];
  /** Obsidian's private registry: language → the handler `(source, el, ctx)` that renders it. */
  static codeBlockPostProcessors: Record<string, CodeBlockHandler> = {};

  static registerPostProcessor(postProcessor: MarkdownPostProcessor, sortOrder?: number): void {
    if (sortOrder !== undefined) postProcessor.sortOrder = sortOrder;
    this.postProcessors.push(postProcessor);
    this.postProcessors.sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  }

  static unregisterPostProcessor(postProcessor: MarkdownPostProcessor): void {
    const index = this.postProcessors.indexOf(postProcessor);
    if (index >= 0) this.postProcessors.splice(index, 1);
  }

  static registerCodeBlockPostProcessor(language: string, handler: CodeBlockHandler): void {
    if (Object.prototype.hasOwnProperty.call(this.codeBlockPostProcessors, language)) {
      throw new Error('Attempting to register a code block processor for "' + language + '" but one already exists');
    }
    this.codeBlockPostProcessors[language] = handler;
  }

  static unregisterCodeBlockPostProcessor(language: string): void {
    delete this.codeBlockPostProcessors[language];
  }

  /** A post-processor that replaces each `code.language-x` block with a fresh `div.block-language-x` for the handler. */
  static createCodeBlockPostProcessor(language: string, handler: CodeBlockHandler): MarkdownPostProcessor {
    return (el, ctx) => {
      for (const code of codeElements(el, language)) handOver(code, language, handler, ctx);
    };
  }

  /** Fake-only: forget every registration, as a freshly started app has none. */
  static resetRegistries(): void {
    this.postProcessors = [];
    this.codeBlockPostProcessors = {};
  }
}

function codeElements(sectionEl: HTMLElement, language: string): HTMLElement[] {
  return sectionEl.findAll("pre > code").filter((code) => code.classList.contains(`language-${language}`));
}

/** The block's source as Obsidian reads it: the code's text without its final newline. */
function sourceOf(code: HTMLElement): string {
  const source = codeBlockSources.get(code) ?? code.textContent ?? "";
  return source.endsWith("\n") ? source.slice(0, -1) : source;
}

function handOver(code: HTMLElement, language: string, handler: CodeBlockHandler, ctx: MarkdownPostProcessorContext): void {
  const blockEl = createDiv({ cls: `block-language-${language}` });
  code.parentElement!.replaceWith(blockEl);
  try {
    const result = handler(sourceOf(code), blockEl, ctx);
    if (result instanceof Promise) ctx.promises.push(result);
  } catch (error) {
    renderErrors.push(error);
    console.error(`[fake obsidian] code block processor for "${language}" threw`, error);
  }
}

/** Give each fenced block whose language is in the registry to its handler. */
function runCodeBlockHandlers(sectionEl: HTMLElement, ctx: MarkdownPostProcessorContext): void {
  for (const code of sectionEl.findAll("pre > code")) {
    const language = Array.from(code.classList).find((cls) => cls.startsWith("language-"))?.slice("language-".length);
    if (!language || !Object.prototype.hasOwnProperty.call(MarkdownPreviewRenderer.codeBlockPostProcessors, language)) continue;
    handOver(code, language, MarkdownPreviewRenderer.codeBlockPostProcessors[language]!, ctx);
  }
}

export interface SectionContextOptions {
  docId: string;
  sourcePath: string;
  frontmatter: Record<string, unknown> | undefined;
  addChild: (child: MarkdownRenderChild) => void;
  getSectionInfo: (el: HTMLElement) => MarkdownSectionInformation | null;
  containerEl: HTMLElement;
}

/** Hand code blocks to their handlers, then run every post-processor on one section; resolves when async work finishes. */
export function postProcessSection(sectionEl: HTMLElement, options: SectionContextOptions): Promise<void> {
  const ctx: MarkdownPostProcessorContext = {
    docId: options.docId,
    sourcePath: options.sourcePath,
    frontmatter: options.frontmatter,
    addChild: options.addChild,
    getSectionInfo: options.getSectionInfo,
    promises: [],
    el: sectionEl,
    containerEl: options.containerEl,
  };
  const pending: Array<Promise<unknown>> = [];
  runCodeBlockHandlers(sectionEl, ctx);
  for (const postProcessor of MarkdownPreviewRenderer.postProcessors.slice()) {
    try {
      const result = postProcessor(sectionEl, ctx);
      if (result instanceof Promise) pending.push(result.catch((error: unknown) => { renderErrors.push(error); }));
    } catch (error) {
      renderErrors.push(error);
      console.error("[fake obsidian] post-processor threw", error);
    }
  }
  for (const promise of ctx.promises) pending.push(promise.catch((error: unknown) => { renderErrors.push(error); }));
  return Promise.all(pending).then(() => undefined);
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

  static async render(_app: unknown, markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
    const doc = parseDocument(markdown);
    const docId = newDocId();
    const pending: Array<Promise<void>> = [];
    for (const block of doc.blocks) {
      const sectionEl = createDiv();
      if (!renderBlock(sectionEl, block)) continue;
      pending.push(postProcessSection(sectionEl, {
        docId,
        sourcePath,
        frontmatter: doc.frontmatter,
        addChild: (child) => { component.addChild(child); },
        // Outside the reading view Obsidian has no section map; callers must cope with null.
        getSectionInfo: () => null,
        containerEl: el,
      }));
      while (sectionEl.firstChild) el.appendChild(sectionEl.firstChild);
    }
    await Promise.all(pending);
  }

  static renderMarkdown(markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
    return MarkdownRenderer.render(MarkdownRenderer.currentApp, markdown, el, sourcePath, component);
  }
}

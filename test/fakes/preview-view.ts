/**
 * The reading view of a markdown note. Each top-level block is a section; on a content change
 * only sections whose text changed are rebuilt, and `rerender` rebuilds all, unloading the
 * children that processors added through `ctx.addChild` with their section.
 */
import "./dom";
import type { MarkdownSectionInformation } from "obsidian";
import type { Component } from "./component";
import { Keymap } from "./utils";
import { MarkdownRenderer, type MarkdownPostProcessorContext, type MarkdownRenderChild, newDocId, parseDocument, whenProcessed } from "./markdown";
import { renderBlock, sectionClass } from "./markdown-render";
import type { MarkdownBlock } from "./markdown-blocks";

interface PreviewSection {
  text: string;
  lineStart: number;
  lineEnd: number;
  el: HTMLElement;
  children: Component[];
}

/** What the preview needs from its view, kept structural to avoid an import cycle. */
export interface PreviewHost {
  app: { workspace: { openLinkText(linktext: string, sourcePath: string, newLeaf?: unknown): Promise<void>; trigger(name: string, ...data: unknown[]): void } };
  file: { path: string } | null;
}

export class MarkdownPreviewView extends MarkdownRenderer {
  previewEl: HTMLElement;
  sizerEl: HTMLElement;
  private readonly host: PreviewHost;
  private data = "";
  private docId = newDocId();
  private sections: PreviewSection[] = [];
  private rendering: Promise<void> = Promise.resolve();

  constructor(host: PreviewHost) {
    super(createDiv("markdown-reading-view"));
    this.host = host;
    this.app = host.app;
    this.previewEl = this.containerEl.createDiv("markdown-preview-view markdown-rendered");
    this.sizerEl = this.previewEl.createDiv("markdown-preview-sizer markdown-preview-section");
    // Listeners on the view's own element (not through registerDomEvent), so DOM listener counts show plugin code only.
    this.previewEl.addEventListener("click", (evt) => this.onLinkClick(evt));
    this.previewEl.addEventListener("auxclick", (evt) => this.onLinkClick(evt));
    this.previewEl.addEventListener("mouseover", (evt) => this.onLinkHover(evt));
  }

  get file(): unknown {
    return this.host.file;
  }

  override onunload(): void {
    this.destroySections(this.sections);
    this.sections = [];
  }

  get(): string { return this.data; }

  set(data: string, clear: boolean): void {
    if (clear) this.clear();
    this.data = data;
    this.renderChanged(false);
  }

  clear(): void {
    this.destroySections(this.sections);
    this.sections = [];
    this.data = "";
    this.docId = newDocId();
  }

  /** Rebuilds every section (full or not): the blocks are destroyed and made anew, as in Obsidian. */
  rerender(_full?: boolean): void {
    this.renderChanged(true);
  }

  getScroll(): number { return 0; }
  applyScroll(_scroll: number): void {}

  /** Fake-only: resolves when the processors of the latest render have finished. */
  whenRendered(): Promise<void> { return this.rendering; }

  private renderChanged(rebuildAll: boolean): void {
    const doc = parseDocument(this.data);
    const reusable = rebuildAll ? [] : this.sections.slice();
    if (rebuildAll) this.destroySections(this.sections);
    const next: PreviewSection[] = [];
    const pending: Array<Promise<void>> = [];
    for (const block of doc.blocks) {
      if (block.type === "yaml") continue;
      const text = block.lines.join("\n");
      const kept = reusable.findIndex((section) => section.text === text);
      if (kept >= 0) {
        const section = reusable.splice(kept, 1)[0]!;
        section.lineStart = block.lineStart;
        section.lineEnd = block.lineEnd;
        next.push(section);
        continue;
      }
      const section = this.buildSection(block, text, doc.frontmatter, pending);
      if (section) next.push(section);
    }
    this.destroySections(reusable);
    this.sections = next;
    for (const section of next) this.sizerEl.appendChild(section.el);
    this.rendering = Promise.all(pending).then(() => undefined);
  }

  private buildSection(block: MarkdownBlock, text: string, frontmatter: Record<string, unknown> | undefined, pending: Array<Promise<void>>): PreviewSection | null {
    const el = createDiv();
    const rendered = renderBlock(el, block);
    if (!rendered) return null;
    el.addClass(sectionClass(rendered));
    const section: PreviewSection = { text, lineStart: block.lineStart, lineEnd: block.lineEnd, el, children: [] };
    this.sizerEl.appendChild(el);
    const ctx: MarkdownPostProcessorContext = {
      docId: this.docId,
      sourcePath: this.host.file?.path ?? "",
      frontmatter,
      promises: [],
      addChild: (child: MarkdownRenderChild) => {
        section.children.push(child);
        this.addChild(child);
      },
      getSectionInfo: (target) => this.sectionInfo(target),
      containerEl: this.sizerEl,
      el,
    };
    // Each section through the static pipeline, called on this class as app.js does (`MarkdownPreviewView.postProcess`).
    MarkdownPreviewView.postProcess(this.app, ctx);
    pending.push(whenProcessed(ctx));
    return section;
  }

  private sectionInfo(target: HTMLElement): MarkdownSectionInformation | null {
    const section = this.sections.find((s) => s.el === target || s.el.contains(target));
    return section ? { text: this.data, lineStart: section.lineStart, lineEnd: section.lineEnd } : null;
  }

  private destroySections(sections: PreviewSection[]): void {
    for (const section of sections) {
      for (const child of section.children) this.removeChild(child);
      section.children = [];
      section.el.detach();
    }
  }

  /**
   * The reading view handles links that Markdown rendered. Links a code block processor built
   * get no click or hover handling for free: the plugin must wire them itself.
   */
  private markdownLinkOf(evt: MouseEvent): Element | null {
    const link = (evt.target as Element | null)?.closest?.("a.internal-link") ?? null;
    return link && !link.closest("[class^='block-language-'], [class*=' block-language-']") ? link : null;
  }

  private onLinkClick(evt: MouseEvent): void {
    const link = this.markdownLinkOf(evt);
    if (!link || (evt.type === "auxclick" && evt.button !== 1)) return;
    evt.preventDefault();
    const linktext = link.getAttribute("data-href") ?? "";
    void this.host.app.workspace.openLinkText(linktext, this.host.file?.path ?? "", Keymap.isModEvent(evt));
  }

  private onLinkHover(evt: MouseEvent): void {
    const link = this.markdownLinkOf(evt);
    if (!link) return;
    this.host.app.workspace.trigger("hover-link", {
      event: evt, source: "preview", hoverParent: this, targetEl: link, linktext: link.getAttribute("data-href") ?? "", sourcePath: this.host.file?.path ?? "",
    });
  }
}

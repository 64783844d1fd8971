/**
 * The reading view of a note: each top-level block is a section, drawn into its own element and
 * passed through the static `postProcess` on this class, as app.js does (`MarkdownPreviewView.postProcess`).
 * New text or `rerender` draws every section again, unloading the children processors added with
 * `ctx.addChild` (harsher than Obsidian, which keeps the sections whose text is unchanged).
 */
import { MarkdownRenderer, markdownBlocks, renderBlock, type MarkdownPostProcessorContext, type MarkdownRenderChild } from "./markdown";

let documents = 0;

export class MarkdownPreviewView extends MarkdownRenderer {
  previewEl: HTMLElement;
  private readonly sizerEl: HTMLElement;
  private data = "";
  private blockChildren: MarkdownRenderChild[] = [];
  private rendering: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: { app: unknown; file: { path: string } | null }) {
    super(createDiv("markdown-reading-view"));
    this.previewEl = this.containerEl.createDiv("markdown-preview-view markdown-rendered");
    this.sizerEl = this.previewEl.createDiv("markdown-preview-sizer markdown-preview-section");
  }

  set(data: string): void {
    if (data === this.data) return;
    this.data = data;
    this.rerender();
  }

  /** Draws every section anew, full or not: the blocks are destroyed and made again. */
  rerender(_full?: boolean): void {
    for (const child of this.blockChildren.splice(0)) this.removeChild(child);
    this.sizerEl.empty();
    const lines = this.data.split(/\r?\n/);
    // The frontmatter is no section of the reading view.
    const close = lines[0]?.trimEnd() === "---" ? lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---") : -1;
    const docId = `fake-doc-${++documents}`;
    const pending: Array<Promise<unknown>> = [];
    for (const block of markdownBlocks(lines.slice(close + 1))) {
      const el = this.sizerEl.createDiv();
      el.addClass(`el-${renderBlock(el, block).tagName.toLowerCase()}`);
      const ctx: MarkdownPostProcessorContext = {
        docId,
        sourcePath: this.host.file?.path ?? "",
        frontmatter: undefined,
        promises: [],
        addChild: (child) => {
          this.blockChildren.push(child);
          this.addChild(child);
        },
        getSectionInfo: () => null,
        containerEl: this.sizerEl,
        el,
      };
      MarkdownPreviewView.postProcess(this.host.app, ctx);
      pending.push(...ctx.promises);
    }
    this.rendering = Promise.all(pending);
  }

  /** Fake-only: resolves when the processors of the latest drawing have finished. */
  async whenRendered(): Promise<void> {
    await this.rendering;
  }
}

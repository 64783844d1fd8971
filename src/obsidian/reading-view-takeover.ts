/**
 * Reading view: ```query blocks away from core Search. Obsidian's static
 * `MarkdownRenderer.postProcess(app, ctx)` gives every `code.language-query` to core Search before
 * it runs any post-processor, so a code block processor registered for `query` never sees one.
 * The patch renames those blocks to our own language just before the original runs; Obsidian's
 * code block closure for that language then renders them, with the usual lifecycle and context.
 * Callouts (both modes) and embeds render through the same static method.
 */
import { around } from "monkey-around";
import { MarkdownPreviewView, type MarkdownPostProcessorContext } from "obsidian";

/** The language a ```query block is renamed to while the plugin renders query blocks. */
export const TAKEN_QUERY_LANGUAGE = "attack-vault-query";

type PostProcess = (this: unknown, app: unknown, ctx: MarkdownPostProcessorContext & { el?: unknown }) => unknown;
type PostProcessOwner = { postProcess: PostProcess };

/** The class that owns the static `postProcess` (MarkdownRenderer, which MarkdownPreviewView extends), or null. */
function postProcessOwner(): PostProcessOwner | null {
  let owner: unknown = MarkdownPreviewView;
  while (typeof owner === "function") {
    const candidate = owner as unknown as Partial<PostProcessOwner>;
    if (Object.prototype.hasOwnProperty.call(owner, "postProcess") && typeof candidate.postProcess === "function") return candidate as PostProcessOwner;
    owner = Object.getPrototypeOf(owner);
  }
  return null;
}

/** Rename each `code.language-query` in `el` so that core Search passes it by. */
export function renameQueryBlocks(el: unknown): void {
  if (!(el instanceof Element)) return;
  for (const code of Array.from(el.querySelectorAll("code.language-query"))) {
    code.classList.replace("language-query", `language-${TAKEN_QUERY_LANGUAGE}`);
  }
}

export class ReadingViewTakeover {
  private uninstall: (() => void) | null = null;

  get isInstalled(): boolean {
    return this.uninstall !== null;
  }

  /** False when this Obsidian has no static `postProcess` to patch. */
  install(): boolean {
    if (this.uninstall) return true;
    const owner = postProcessOwner();
    if (!owner) return false;
    this.uninstall = around(owner, {
      postProcess: (original) =>
        function (this: unknown, app, ctx) {
          renameQueryBlocks(ctx?.el);
          return original.call(this, app, ctx);
        },
    });
    return true;
  }

  /** Removes only this patch: one another plugin made later keeps working. */
  uninstallPatch(): void {
    this.uninstall?.();
    this.uninstall = null;
  }
}

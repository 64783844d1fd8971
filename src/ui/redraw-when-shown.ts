/**
 * Blocks and the panel are drawn from the index, and only while they are shown: written once, as
 * Dataview's views do with its revision counter. Each drawn part remembers the index service's
 * revision it is up to date with. A change that does not touch a part moves that mark along; one
 * that does leaves it behind, and a part that is behind is drawn again now if it is shown, or
 * else as soon as it is shown again (a tab switch, a layout change, scrolled into view). Until the
 * first build is done, each progress report draws the view again while shown.
 */
import type { App, Component } from "obsidian";
import type { IndexChange } from "../core/vault-index";
import type { IndexService } from "../obsidian/index-service";

export class DrawnRevision {
  /** The service revision the part is up to date with; -1 before it is first drawn. */
  private upTo = -1;

  constructor(private readonly service: Pick<IndexService, "revision">) {}

  get isBehind(): boolean {
    return this.upTo !== this.service.revision;
  }

  /** Call on drawing the part from the index. */
  markDrawn(): void {
    this.upTo = this.service.revision;
  }

  /** What was drawn is gone (emptied for a pending state): the next chance draws it again. */
  forget(): void {
    this.upTo = -1;
  }

  /** A change that does not touch the part keeps it up to date, if it was before the change. */
  untouchedBy(): void {
    if (this.upTo === this.service.revision - 1) this.upTo = this.service.revision;
  }
}

export interface DrawnPart {
  mark: DrawnRevision;
  /** Whether an announced change can alter what the part shows. */
  affects(change: IndexChange): boolean;
  /** Draws the part from the index, calling `markDrawn()` on its mark (and on any other part it draws). */
  draw(): void;
}

/**
 * Keeps the parts of a view fresh while `el` (the block's host, the panel's content) is shown; the
 * first part is the whole view, drawn again on a build's progress. Parts behind are drawn in order.
 */
export function redrawWhenShown(owner: Component, app: App, service: IndexService, el: HTMLElement, parts: readonly DrawnPart[]): void {
  const drawWhatIsBehind = (): void => {
    if (!el.isShown()) return;
    for (const part of parts) if (part.mark.isBehind) part.draw();
  };
  owner.registerEvent(
    service.onChange((change) => {
      for (const part of parts) if (!part.affects(change)) part.mark.untouchedBy();
      drawWhatIsBehind();
    }),
  );
  owner.registerEvent(
    service.onProgress(() => {
      if (!service.ready && el.isShown()) parts[0]?.draw();
    }),
  );
  owner.registerEvent(app.workspace.on("layout-change", drawWhatIsBehind));
  owner.registerEvent(app.workspace.on("active-leaf-change", drawWhatIsBehind));
  // The observer of the view's own window: a block in a pop-out window lives in another document.
  const Observer = (el.win as Window & { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
  if (typeof Observer === "function") {
    const observer = new Observer((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) drawWhatIsBehind();
    });
    observer.observe(el);
    owner.register(() => observer.disconnect());
  }
}

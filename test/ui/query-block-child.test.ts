/** @jest-environment jsdom */
/** A query block drawn only when visible watches with the observer of its own window (pop-outs). */
import { QueryBlockChild } from "../../src/ui/query-block-child";
import { installDomHelpers } from "../fakes/obsidian";
import { startPluginOnFolder } from "../plugin/plugin-harness";
import { EXAMPLE_VAULT } from "../support/paths";

/** An IntersectionObserver stand-in that records what it was asked to watch. */
function recordingObserver(observed: Element[]): unknown {
  return class {
    observe(target: Element): void { observed.push(target); }
    disconnect(): void {}
  };
}

test("a block in a pop-out window observes with that window's IntersectionObserver", async () => {
  const { app, plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
  const frame = document.body.createEl("iframe");
  const popout = frame.contentWindow as unknown as typeof globalThis;
  installDomHelpers(popout);
  const byPopout: Element[] = [];
  const byMain: Element[] = [];
  Object.assign(popout, { IntersectionObserver: recordingObserver(byPopout) });
  Object.assign(window, { IntersectionObserver: recordingObserver(byMain) });
  try {
    const el = popout.document.body.createDiv();
    const block = new QueryBlockChild(el, "tag: detection_rule tag: T1059_001", "Note.md", app as never, plugin.service);
    block.load();
    expect([byPopout.includes(el), byMain.includes(el), el.find(".attack-vault-block") !== null]).toEqual([true, false, true]);
    block.unload();
  } finally {
    delete (window as { IntersectionObserver?: unknown }).IntersectionObserver;
  }
});

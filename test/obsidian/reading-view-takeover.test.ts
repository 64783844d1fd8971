/** @jest-environment jsdom */
/** Reading view: ```query blocks renamed away from core Search just before Obsidian's static postProcess runs, and only our patch removed. */
import { MarkdownPreviewView, MarkdownRenderer } from "obsidian";
import { ReadingViewTakeover, renameQueryBlocks, TAKEN_QUERY_LANGUAGE } from "../../src/obsidian/reading-view-takeover";

/** A section holding a ```query block, as the reading view draws it before processing. */
function section(): HTMLElement {
  const el = createDiv();
  el.createEl("pre").createEl("code", { cls: "language-query", text: "tag:x\n" });
  return el;
}

type PostProcess = (app: unknown, ctx: { el: HTMLElement }) => unknown;
const owner = MarkdownRenderer as unknown as { postProcess: PostProcess };

/** The languages of the code blocks postProcess saw, and what it drew. */
function process(): { seen: string[]; drawn: string[] } {
  const original = owner.postProcess;
  const seen: string[] = [];
  const spy: PostProcess = (_app, ctx) => void seen.push(...Array.from(ctx.el.querySelectorAll("code"), (code) => code.className));
  owner.postProcess = spy;
  const takeover = new ReadingViewTakeover();
  takeover.install();
  try {
    const el = section();
    (MarkdownPreviewView as unknown as { postProcess: PostProcess }).postProcess(null, { el });
    return { seen, drawn: Array.from(el.querySelectorAll("code"), (code) => code.className) };
  } finally {
    takeover.uninstallPatch();
    owner.postProcess = original;
  }
}

describe("renameQueryBlocks", () => {
  test("renames every query block, at any depth, and nothing else", () => {
    const el = section();
    el.createDiv("callout").createEl("pre").createEl("code", { cls: "language-query" });
    el.createEl("pre").createEl("code", { cls: "language-js" });
    renameQueryBlocks(el);
    expect(Array.from(el.querySelectorAll("code"), (code) => code.className)).toEqual([`language-${TAKEN_QUERY_LANGUAGE}`, `language-${TAKEN_QUERY_LANGUAGE}`, "language-js"]);
  });

  test("leaves what is not an element alone", () => {
    expect(() => renameQueryBlocks(undefined)).not.toThrow();
  });
});

describe("ReadingViewTakeover", () => {
  test("patches the static postProcess the view inherits, renaming before the original runs", () => {
    expect(process()).toEqual({ seen: [`language-${TAKEN_QUERY_LANGUAGE}`], drawn: [`language-${TAKEN_QUERY_LANGUAGE}`] });
  });

  test("is installed until its patch is removed", () => {
    const takeover = new ReadingViewTakeover();
    const states = [takeover.isInstalled, takeover.install(), takeover.isInstalled];
    takeover.uninstallPatch();
    expect([...states, takeover.isInstalled]).toEqual([false, true, true, false]);
  });

  test("removing ours keeps a patch another plugin made after it", () => {
    const original = owner.postProcess;
    const takeover = new ReadingViewTakeover();
    takeover.install();
    const ours = owner.postProcess;
    const calls: string[] = [];
    const theirs: PostProcess = function (this: unknown, app, ctx) {
      calls.push("theirs");
      return ours.call(this, app, ctx);
    };
    owner.postProcess = theirs;
    takeover.uninstallPatch();
    const el = section();
    try {
      owner.postProcess(null, { el, promises: [], addChild: () => undefined } as never);
      expect({ calls, still: owner.postProcess === theirs, renamed: el.querySelector(`code.language-${TAKEN_QUERY_LANGUAGE}`) }).toEqual({ calls: ["theirs"], still: true, renamed: null });
    } finally {
      owner.postProcess = original;
    }
  });
});

/** @jest-environment jsdom */
/** The reading view and the static pipeline every section goes through (app.js id 56584996308). */
import { Component, createFakeApp, MarkdownPreviewRenderer, MarkdownRenderChild, MarkdownRenderer, MarkdownView, Plugin } from "../fakes/obsidian";
import type { App, MarkdownPostProcessorContext } from "../fakes/obsidian";

class EmptyPlugin extends Plugin {}

const NOTE = ["---", "tags: [x]", "---", "# Rules", "", ">[!info]- Reconnaissance", ">```own ", ">tag: a ", ">tag: b", "> ```", "", "~~~own", "tag: tilde", "~~~"].join("\n");

/** An app whose plugin claims `own` and logs its calls, one child per block, with `path` open in reading view. */
async function opened(files: Record<string, string>, path: string, language = "own") {
  const app = createFakeApp({ files });
  const sources: string[] = [];
  const log: string[] = [];
  const plugin = await app.plugins.loadPlugin(EmptyPlugin);
  plugin.registerMarkdownCodeBlockProcessor(language, (source, el, ctx) => {
    const n = sources.push(source);
    ctx.addChild(new (class extends MarkdownRenderChild {
      override onload(): void { log.push(`load ${n}`); }
      override onunload(): void { log.push(`unload ${n}`); }
    })(el));
  });
  await app.start();
  await app.workspace.getLeaf().openFile(app.vault.getFileByPath(path)!);
  await app.debug.settle();
  return { app, sources, log, view: app.workspace.getActiveViewOfType(MarkdownView)! };
}

const queryTitles = (app: App): string[] => app.workspace.containerEl.findAll(".internal-query-header-title").map((title) => title.textContent ?? "");

describe("code blocks in the reading view", () => {
  test("reach the processor with their source, in a callout and in a ~~~ fence, in a div.block-language-own", async () => {
    const { app, sources } = await opened({ "Rules.md": NOTE }, "Rules.md");
    const blocks = app.workspace.containerEl.findAll(".block-language-own").map((el) => el.parentElement?.className);
    expect([sources, blocks]).toEqual([["tag: a \ntag: b", "tag: tilde"], ["callout-content", "el-pre"]]);
  });

  test("rerender unloads the blocks' children and draws new ones", async () => {
    const { log, view } = await opened({ "Rules.md": NOTE }, "Rules.md");
    view.previewMode.rerender(true);
    expect(log).toEqual(["load 1", "load 2", "unload 1", "unload 2", "load 3", "load 4"]);
  });

  test("closing the leaf unloads the blocks' children", async () => {
    const { app, log } = await opened({ "Rules.md": NOTE }, "Rules.md");
    app.workspace.getLeavesOfType("markdown")[0]?.detach();
    expect(log.slice(2).sort()).toEqual(["unload 1", "unload 2"]);
  });

  test("every query block goes to core Search before any processor, in callouts too, even one registered for `query`", async () => {
    const { app, sources } = await opened({ "Rules.md": NOTE.replaceAll("own", "query") }, "Rules.md", "query");
    expect([queryTitles(app), sources]).toEqual([["tag: a \ntag: b", "tag: tilde"], []]);
  });

  test("the registry for `query` is never read by the reading view", async () => {
    const app = createFakeApp({ files: { "q.md": "```query\ntag: x\n```" } });
    const sources: string[] = [];
    MarkdownPreviewRenderer.codeBlockPostProcessors.query = (source) => void sources.push(source);
    await app.start();
    await app.workspace.getLeaf().openFile(app.vault.getFileByPath("q.md")!);
    await app.debug.settle();
    expect([sources, queryTitles(app)]).toEqual([[], ["tag: x"]]);
  });
});

describe("the static postProcess, patched as a plugin would", () => {
  test("a patch sees each section before core Search, and a block it renames reaches that language's processor", async () => {
    const original = MarkdownRenderer.postProcess;
    MarkdownRenderer.postProcess = function (this: unknown, ...args: Parameters<typeof original>) {
      args[1].el.findAll("code.language-query").forEach((code) => code.classList.replace("language-query", "language-own"));
      return original.apply(this, args);
    };
    try {
      const { app, sources } = await opened({ "q.md": "```query\ntag: x\n```" }, "q.md");
      expect([sources, queryTitles(app)]).toEqual([["tag: x"], []]);
    } finally {
      MarkdownRenderer.postProcess = original;
    }
  });

  test("an error in one post-processor is logged and the others still run", () => {
    createFakeApp();
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const ran: string[] = [];
    MarkdownPreviewRenderer.registerPostProcessor(() => { throw new Error("boom"); });
    MarkdownPreviewRenderer.registerPostProcessor(() => void ran.push("second"));
    const owner = new Component();
    const ctx = { el: createDiv(), addChild: (child: MarkdownRenderChild) => owner.addChild(child), promises: [] } as unknown as MarkdownPostProcessorContext;
    MarkdownRenderer.postProcess(null, ctx);
    const loggedCalls = logged.mock.calls.length;
    logged.mockRestore();
    expect([ran, loggedCalls]).toEqual([["second"], 1]);
  });
});

describe("the code block registry (app.js id 56584996308)", () => {
  test("core Search claims no language: the registry starts empty", () => {
    createFakeApp();
    expect(MarkdownPreviewRenderer.codeBlockPostProcessors).toEqual({});
  });

  test("a second claim throws app.js's message, after its post-processor was registered", async () => {
    const app = createFakeApp();
    MarkdownPreviewRenderer.registerCodeBlockPostProcessor("mermaid", () => undefined);
    const plugin = await app.plugins.loadPlugin(EmptyPlugin);
    expect(() => plugin.registerMarkdownCodeBlockProcessor("mermaid", () => undefined)).toThrow("Code block postprocessor for language mermaid is already registered");
    expect(MarkdownPreviewRenderer.postProcessors).toHaveLength(1);
  });
});

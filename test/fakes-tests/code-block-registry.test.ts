/** @jest-environment jsdom */
import { Component, MarkdownPreviewRenderer, MarkdownRenderer, Plugin, createFakeApp } from "../fakes/obsidian";
import type { App } from "../fakes/obsidian";

class EmptyPlugin extends Plugin {}

const QUERY_TAKEN = 'Attempting to register a code block processor for "query" but one already exists';
const manifest = { id: "attack-vault", name: "ATT&CK Vault", author: "t", version: "1", minAppVersion: "1", description: "" };
const coreSearch = (app: App) => app.internalPlugins.getPluginById("global-search")!;

describe("code block processor registry", () => {
  test("the app starts with core Search enabled, holding `query`", () => {
    const app = createFakeApp();
    expect([coreSearch(app).enabled, app.debug.codeBlockProcessors()]).toEqual([true, ["query"]]);
  });

  test("an app told so starts with core Search disabled and `query` free", () => {
    const app = createFakeApp({ coreSearchEnabled: false });
    expect([coreSearch(app).enabled, app.debug.codeBlockProcessors()]).toEqual([false, []]);
  });

  test("registerMarkdownCodeBlockProcessor throws Obsidian's error while core Search holds `query`", () => {
    const app = createFakeApp();
    const plugin = new EmptyPlugin(app, manifest);
    expect(() => plugin.registerMarkdownCodeBlockProcessor("query", () => undefined)).toThrow(new Error(QUERY_TAKEN));
  });

  test("registerMarkdownCodeBlockProcessor takes `query` once core Search is disabled", async () => {
    const app = createFakeApp();
    await coreSearch(app).disable();
    const plugin = new EmptyPlugin(app, manifest);
    const handler = (): void => undefined;
    plugin.registerMarkdownCodeBlockProcessor("query", handler);
    expect(MarkdownPreviewRenderer.codeBlockPostProcessors.query).toBe(handler);
  });

  test("the static registry throws for any language already held", () => {
    createFakeApp({ coreSearchEnabled: false });
    MarkdownPreviewRenderer.registerCodeBlockPostProcessor("mermaid", () => undefined);
    expect(() => MarkdownPreviewRenderer.registerCodeBlockPostProcessor("mermaid", () => undefined)).toThrow(
      'Attempting to register a code block processor for "mermaid" but one already exists',
    );
  });

  test("unloading the plugin frees `query`, so core Search can enable again", async () => {
    const app = createFakeApp({ coreSearchEnabled: false });
    const plugin = new EmptyPlugin(app, manifest);
    plugin.load();
    plugin.registerMarkdownCodeBlockProcessor("query", () => undefined);
    plugin.unload();
    await coreSearch(app).enable();
    expect(app.debug.codeBlockProcessors()).toEqual(["query"]);
  });

  test("a failed registration leaves no post-processor behind", () => {
    const app = createFakeApp();
    const before = app.debug.postProcessorCount();
    const plugin = new EmptyPlugin(app, manifest);
    expect(() => plugin.registerMarkdownCodeBlockProcessor("query", () => undefined)).toThrow(QUERY_TAKEN);
    expect(app.debug.postProcessorCount()).toBe(before);
  });

  test("rendering asks the registry: a handler swapped in for core Search's renders `query` alone", async () => {
    createFakeApp();
    const sources: string[] = [];
    MarkdownPreviewRenderer.unregisterCodeBlockPostProcessor("query");
    MarkdownPreviewRenderer.registerCodeBlockPostProcessor("query", (source, el) => { sources.push(source); el.setText("ours"); });
    const el = createDiv();
    await MarkdownRenderer.render(null, "```query\ntag: x\n```", el, "note.md", new Component());
    expect([sources, el.textContent, el.findAll(".internal-query").length]).toEqual([["tag: x"], "ours", 0]);
  });
});

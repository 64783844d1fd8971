/** @jest-environment jsdom */
// Evidence: Obsidian's app.js, deobfuscated, public copy id 56584996308 (MarkdownPreviewRenderer),
// and Plugin.registerMarkdownCodeBlockProcessor as quoted in public copy id 20652110327.
import { MarkdownPreviewRenderer, MarkdownView, Plugin, createFakeApp } from "../fakes/obsidian";

class EmptyPlugin extends Plugin {}

const manifest = { id: "attack-vault", name: "ATT&CK Vault", author: "t", version: "1", minAppVersion: "1", description: "" };

describe("code block processor registry", () => {
  test("core Search claims no language: the registry starts empty, with core Search on", () => {
    const app = createFakeApp();
    expect([app.internalPlugins.getPluginById("global-search")?.enabled, app.debug.codeBlockProcessors()]).toEqual([true, []]);
  });

  test("registerMarkdownCodeBlockProcessor adds a post-processor and claims the language; unloading undoes both", () => {
    const app = createFakeApp();
    const plugin = new EmptyPlugin(app, manifest);
    plugin.load();
    plugin.registerMarkdownCodeBlockProcessor("query", () => undefined);
    const registered = [app.debug.codeBlockProcessors(), app.debug.postProcessorCount()];
    plugin.unload();
    expect([registered, [app.debug.codeBlockProcessors(), app.debug.postProcessorCount()]]).toEqual([[["query"], 1], [[], 0]]);
  });

  test("a second claim throws app.js's message, after its post-processor was registered", () => {
    const app = createFakeApp();
    MarkdownPreviewRenderer.registerCodeBlockPostProcessor("mermaid", () => undefined);
    const plugin = new EmptyPlugin(app, manifest);
    expect(() => plugin.registerMarkdownCodeBlockProcessor("mermaid", () => undefined)).toThrow(new Error("Code block postprocessor for language mermaid is already registered"));
    expect(app.debug.postProcessorCount()).toBe(1);
  });

  test("the reading view never reads the registry: a handler swapped in for `query` there changes nothing drawn", async () => {
    const app = createFakeApp({ files: { "q.md": "```query\ntag: x\n```" } });
    const sources: string[] = [];
    MarkdownPreviewRenderer.codeBlockPostProcessors.query = (source) => { sources.push(source); };
    await app.start();
    await app.workspace.getLeaf().openFile(app.vault.getFileByPath("q.md")!);
    await app.debug.settle();
    const content = app.workspace.getActiveViewOfType(MarkdownView)!.contentEl;
    expect([sources, content.findAll(".internal-query").length]).toEqual([[], 1]);
  });
});

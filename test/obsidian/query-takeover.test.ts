/** @jest-environment jsdom */
/**
 * ```query blocks taken from core Search in the reading view, where Obsidian really hands them to
 * it: the static `MarkdownRenderer.postProcess` (modelled in test/fakes/markdown.ts from app.js).
 */
import { Component, MarkdownRenderer, MarkdownView } from "../fakes/obsidian";
import type { App, MarkdownPostProcessorContext } from "../fakes/obsidian";
import { EXAMPLE_VAULT } from "../support/paths";
import { openNote, settle, startPlugin, startPluginOnFolder, vaultFiles } from "../plugin/plugin-harness";

const POWERSHELL = "Use Cases/T1059.001 - Command and Scripting Interpreter- PowerShell.md";

/** A reading-view section holding one query block, through the static pipeline as the reading view sends it. */
function postProcessSection(app: App, query: string): HTMLElement {
  const el = createDiv();
  el.createEl("pre").createEl("code", { cls: "language-query", text: `${query}\n` });
  const owner = new Component();
  owner.load();
  const ctx: MarkdownPostProcessorContext = {
    docId: "d", sourcePath: "Section.md", frontmatter: undefined, promises: [], el, containerEl: el,
    addChild: (child) => { owner.addChild(child); }, getSectionInfo: () => null,
  };
  MarkdownRenderer.postProcess(app, ctx);
  return el;
}

const drawnBy = (el: HTMLElement): string[] => [
  ...el.findAll(".attack-vault-block").map(() => "plugin"),
  ...el.findAll(".internal-query").map(() => "core Search"),
];

describe("reading view: the static postProcess hands query blocks to the plugin", () => {
  test("a section holding pre > code.language-query gets the plugin's block, not core Search's", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    expect(drawnBy(postProcessSection(app, "tag: detection_rule tag: T1059_001"))).toEqual(["plugin"]);
  });

  test("with the plugin unloaded, the same section gets core Search's block", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    await app.plugins.unloadPlugin("attack-vault");
    expect(drawnBy(postProcessSection(app, "tag: detection_rule tag: T1059_001"))).toEqual(["core Search"]);
  });

  test("with Render query blocks off, core Search's; on again, the plugin's, without a reload", async () => {
    const { app, plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    await plugin.updateSettings({ takeOverQueryBlocks: false });
    const off = drawnBy(postProcessSection(app, "tag: x"));
    await plugin.updateSettings({ takeOverQueryBlocks: true });
    expect([off, drawnBy(postProcessSection(app, "tag: x"))]).toEqual([["core Search"], ["plugin"]]);
  });

  test("another plugin's later patch of postProcess keeps working after ours is gone", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    const seenByOther: number[] = [];
    const before = MarkdownRenderer.postProcess;
    MarkdownRenderer.postProcess = function (this: unknown, ...args: Parameters<typeof before>) {
      seenByOther.push(args[1].el.findAll("code").length);
      return before.apply(this, args);
    };
    try {
      await app.plugins.unloadPlugin("attack-vault");
      const drawn = drawnBy(postProcessSection(app, "tag: x"));
      expect([seenByOther, drawn]).toEqual([[1], ["core Search"]]);
    } finally {
      MarkdownRenderer.postProcess = before;
    }
  });

  test("query blocks inside callouts render as the plugin's blocks", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    const content = await openNote(app, "Detection Rules.md");
    const inCallouts = content.findAll(".callout .attack-vault-block").length;
    expect([inCallouts, content.findAll(".internal-query").length]).toEqual([13, 0]);
  });
});

describe("open notes switch over at once", () => {
  test("loading, toggling and unloading re-render open notes and reconfigure the editors", async () => {
    const { app, plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    const content = await openNote(app, POWERSHELL);
    const counts = (): [string[], number, number] => [drawnBy(content), app.workspace.editorExtensions.flat().length, app.workspace.updateOptionsCount];
    const taken = counts();
    await plugin.updateSettings({ takeOverQueryBlocks: false });
    await settle(app);
    const released = counts();
    await plugin.updateSettings({ takeOverQueryBlocks: true });
    await settle(app);
    const takenAgain = counts();
    await app.plugins.unloadPlugin("attack-vault");
    await settle(app);
    expect([taken, released, takenAgain, counts()]).toEqual([
      [["plugin", "plugin"], 1, 1],
      [["core Search", "core Search"], 0, 2],
      [["plugin", "plugin"], 1, 3],
      [["core Search", "core Search"], 0, 4],
    ]);
  });

  test("attack-query blocks always render with the plugin, even with the takeover off", async () => {
    const files = { ...vaultFiles(EXAMPLE_VAULT), "Own.md": "```attack-query\ntag: detection_rule tag: T1059_001\n```\n" };
    const { app } = await startPlugin(files, { pluginData: { takeOverQueryBlocks: false } });
    const content = await openNote(app, "Own.md");
    expect(content.findAll(".block-language-attack-query .attack-vault-block a.internal-link").length).toBeGreaterThan(0);
  });

  test("the view of the open note is the one re-rendered", async () => {
    const { app, plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    await openNote(app, POWERSHELL);
    const view = app.workspace.getActiveViewOfType(MarkdownView)!;
    const rerenders: boolean[] = [];
    const original = view.previewMode.rerender.bind(view.previewMode);
    view.previewMode.rerender = (full?: boolean) => { rerenders.push(full === true); original(full); };
    await plugin.updateSettings({ takeOverQueryBlocks: false });
    expect(rerenders).toEqual([true]);
  });
});

/** @jest-environment jsdom */
import { ItemView, MarkdownView, Plugin, WorkspaceLeaf, createFakeApp } from "../fakes/obsidian";
import type { App } from "../fakes/obsidian";

class EmptyPlugin extends Plugin {}

class PanelView extends ItemView {
  constructor(leaf: WorkspaceLeaf, private readonly log: string[] = []) {
    super(leaf);
  }
  getViewType(): string { return "attack-panel"; }
  getDisplayText(): string { return "ATT&CK"; }
  protected override async onOpen(): Promise<void> { this.log.push("onOpen"); this.contentEl.createDiv({ text: "panel" }); }
  protected override async onClose(): Promise<void> { this.log.push("onClose"); }
  override onunload(): void { this.log.push("onunload"); }
}

async function startedApp(files: Record<string, string> = {}): Promise<App> {
  const app = createFakeApp({ files });
  await app.start();
  return app;
}

describe("openLinkText", () => {
  test.each([
    [false],
    ["tab" as const],
    ["split" as const],
    [true],
  ])("records the call (newLeaf %p) and opens the target as the active file", async (newLeaf) => {
    const app = await startedApp({ "Use Cases/T1001 - Data Obfuscation.md": "x", "Rules/r.md": "" });
    await app.workspace.openLinkText("T1001 - Data Obfuscation", "Rules/r.md", newLeaf);
    expect([app.workspace.openedLinks, app.workspace.getActiveFile()?.path]).toEqual([
      [{ linktext: "T1001 - Data Obfuscation", sourcePath: "Rules/r.md", newLeaf }],
      "Use Cases/T1001 - Data Obfuscation.md",
    ]);
  });

  test("newLeaf 'tab' opens a second leaf in the main area", async () => {
    const app = await startedApp({ "a.md": "", "b.md": "" });
    await app.workspace.openLinkText("a", "", false);
    await app.workspace.openLinkText("b", "", "tab");
    expect(app.workspace.getLeavesOfType("markdown").map((leaf) => (leaf.view as MarkdownView).file?.path)).toEqual(["a.md", "b.md"]);
  });

  test("a link to a missing note creates it, as a click in Obsidian does", async () => {
    const app = await startedApp();
    await app.workspace.openLinkText("New note", "", false);
    expect(app.vault.writes.map((w) => `${w.kind} ${w.path}`)).toEqual(["create New note.md"]);
  });
});

describe("hover-link", () => {
  test("workspace.trigger('hover-link') is recorded with its payload", () => {
    const app = createFakeApp();
    const payload = { event: new MouseEvent("mouseover"), source: "attack-vault", hoverParent: {}, targetEl: createDiv(), linktext: "T1001", sourcePath: "a.md" };
    app.workspace.trigger("hover-link", payload);
    expect(app.workspace.hoverEvents).toEqual([payload]);
  });

  test("registerHoverLinkSource is recorded and removed on unload", async () => {
    const app = createFakeApp();
    const plugin = await app.plugins.loadPlugin(EmptyPlugin);
    plugin.registerHoverLinkSource("attack-vault", { display: "ATT&CK Vault", defaultMod: true });
    const registered = { ...app.workspace.hoverLinkSources };
    await app.plugins.unloadPlugin(plugin.manifest.id);
    expect([registered, app.workspace.hoverLinkSources]).toEqual([{ "attack-vault": { display: "ATT&CK Vault", defaultMod: true } }, {}]);
  });
});

describe("leaves and views", () => {
  test("a right leaf's view is built by the registered factory and lives in div.mod-right-split", async () => {
    const app = await startedApp();
    const plugin = await app.plugins.loadPlugin(EmptyPlugin);
    plugin.registerView("attack-panel", (leaf) => new PanelView(leaf));
    const leaf = app.workspace.getRightLeaf(false)!;
    await leaf.setViewState({ type: "attack-panel", active: true });
    expect([leaf.view instanceof PanelView, leaf.view.containerEl.closest(".mod-right-split") !== null, (leaf.view as PanelView).contentEl.textContent])
      .toEqual([true, true, "panel"]);
  });

  test("a second leaf in the sidebar is hidden until revealed", async () => {
    const app = await startedApp();
    const plugin = await app.plugins.loadPlugin(EmptyPlugin);
    plugin.registerView("attack-panel", (leaf) => new PanelView(leaf));
    await app.workspace.getRightLeaf(false)!.setViewState({ type: "empty" });
    const leaf = app.workspace.getRightLeaf(false)!;
    await leaf.setViewState({ type: "attack-panel" });
    const before = leaf.view.containerEl.isShown();
    await app.workspace.revealLeaf(leaf);
    expect([before, leaf.view.containerEl.isShown()]).toEqual([false, true]);
  });

  test("detach calls onClose, then unloads the view", async () => {
    const app = await startedApp();
    const log: string[] = [];
    const plugin = await app.plugins.loadPlugin(EmptyPlugin);
    plugin.registerView("attack-panel", (leaf) => new PanelView(leaf, log));
    const leaf = app.workspace.getRightLeaf(false)!;
    await leaf.setViewState({ type: "attack-panel" });
    leaf.detach();
    expect([log, app.workspace.getLeavesOfType("attack-panel")]).toEqual([["onOpen", "onClose", "onunload"], []]);
  });

  test("unloading the plugin closes its views and unregisters the type", async () => {
    const app = await startedApp();
    const log: string[] = [];
    const plugin = await app.plugins.loadPlugin(EmptyPlugin);
    plugin.registerView("attack-panel", (leaf) => new PanelView(leaf, log));
    await app.workspace.getRightLeaf(false)!.setViewState({ type: "attack-panel" });
    await app.plugins.unloadPlugin(plugin.manifest.id);
    expect([log, app.debug.registeredViews()]).toEqual([["onOpen", "onClose", "onunload"], ["empty", "markdown"]]);
  });

  test("getViewState reports the view type and its state", async () => {
    const app = await startedApp({ "a.md": "" });
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(app.vault.getFileByPath("a.md")!);
    expect(leaf.getViewState()).toEqual(expect.objectContaining({ type: "markdown", state: { file: "a.md" } }));
  });

  test("opening a file fires file-open and active-leaf-change", async () => {
    const app = await startedApp({ "a.md": "" });
    const log: string[] = [];
    app.workspace.on("file-open", (file: { path: string } | null) => log.push(`file-open ${file?.path}`));
    app.workspace.on("active-leaf-change", () => log.push("active-leaf-change"));
    await app.workspace.getLeaf("tab").openFile(app.vault.getFileByPath("a.md")!);
    expect(log).toEqual(["active-leaf-change", "file-open a.md"]);
  });

  test("an open note view adds nothing to the listener counts, which show plugin code only", async () => {
    const app = await startedApp({ "a.md": "[[b]] #tag" });
    const before = [app.debug.listenerCount(), app.debug.domListenerCount()];
    await app.workspace.getLeaf().openFile(app.vault.getFileByPath("a.md")!);
    expect([app.debug.listenerCount(), app.debug.domListenerCount()]).toEqual(before);
  });

  test("the document has the app layout: main area and right sidebar", () => {
    createFakeApp();
    expect(["div.app-container .workspace-split.mod-root", "div.app-container div.mod-right-split", "div.app-container .side-dock-actions"].map((s) => document.querySelectorAll(s).length))
      .toEqual([1, 1, 1]);
  });
});

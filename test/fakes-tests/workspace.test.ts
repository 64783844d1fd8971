/** @jest-environment jsdom */
/** Leaves, links and menus, as the plugin uses them. */
import { createFakeApp, ItemView, Menu, Plugin, shownMenus, type WorkspaceLeaf } from "../fakes/obsidian";

class EmptyPlugin extends Plugin {}

class PanelView extends ItemView {
  constructor(leaf: WorkspaceLeaf, private readonly log: string[]) {
    super(leaf);
  }
  getViewType(): string { return "panel"; }
  getDisplayText(): string { return "Panel"; }
  protected override async onOpen(): Promise<void> { this.log.push("onOpen"); }
  protected override async onClose(): Promise<void> { this.log.push("onClose"); }
  override onunload(): void { this.log.push("onunload"); }
}

async function withPanel() {
  const app = createFakeApp({ files: { "Use Cases/T1001 - Data Obfuscation.md": "x", "Rules/r.md": "" } });
  await app.start();
  const log: string[] = [];
  const plugin = await app.plugins.loadPlugin(EmptyPlugin, { id: "p" });
  plugin.registerView("panel", (leaf) => new PanelView(leaf, log));
  return { app, log };
}

describe("leaves", () => {
  test("a second tab of the sidebar is hidden until revealed (obsidian.d.ts revealLeaf)", async () => {
    const { app } = await withPanel();
    await app.workspace.getRightLeaf(false).setViewState({ type: "empty" });
    const leaf = app.workspace.getRightLeaf(false);
    await leaf.setViewState({ type: "panel" });
    const before = leaf.view.containerEl.isShown();
    await app.workspace.revealLeaf(leaf);
    expect([before, leaf.view.containerEl.isShown(), leaf.view.containerEl.closest(".mod-right-split") !== null]).toEqual([false, true, true]);
  });

  test("a note opened in a new tab hides the one before it until that is active again", async () => {
    const { app } = await withPanel();
    await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath("Rules/r.md")!);
    const first = app.workspace.activeLeaf;
    await app.workspace.getLeaf("tab").openFile(app.vault.getFileByPath("Use Cases/T1001 - Data Obfuscation.md")!);
    const hidden = first.containerEl.isShown();
    app.workspace.setActiveLeaf(first);
    expect([hidden, first.containerEl.isShown()]).toEqual([false, true]);
  });

  test("detach calls onClose, then unloads the view; unloading the plugin closes its views", async () => {
    const { app, log } = await withPanel();
    const leaf = app.workspace.getRightLeaf(false);
    await leaf.setViewState({ type: "panel" });
    leaf.detach();
    await app.workspace.getRightLeaf(false).setViewState({ type: "panel" });
    await app.plugins.unloadPlugin("p");
    expect([log, app.workspace.getLeavesOfType("panel")]).toEqual([["onOpen", "onClose", "onunload", "onOpen", "onClose", "onunload"], []]);
  });
});

describe("links", () => {
  test("openLinkText records the call and opens the note", async () => {
    const { app } = await withPanel();
    await app.workspace.openLinkText("Use Cases/T1001 - Data Obfuscation.md", "Rules/r.md", "tab");
    expect([app.workspace.openedLinks, app.workspace.getActiveFile()?.path]).toEqual([
      [{ linktext: "Use Cases/T1001 - Data Obfuscation.md", sourcePath: "Rules/r.md", newLeaf: "tab" }],
      "Use Cases/T1001 - Data Obfuscation.md",
    ]);
  });

  test("a link to a missing note creates it, as a click in Obsidian does", async () => {
    const { app } = await withPanel();
    await app.workspace.openLinkText("New note", "", false);
    expect(app.vault.noteWrites().map((write) => `${write.kind} ${write.path}`)).toEqual(["create New note.md"]);
  });

  test("the link menu: the app's open items, then file-menu with the source link-context-menu", async () => {
    const { app } = await withPanel();
    const sources: string[] = [];
    app.workspace.on("file-menu", (_menu: Menu, file: { path: string }, source: string) => sources.push(`${source} ${file.path}`));
    const menu = new Menu();
    const handled = app.workspace.handleLinkContextMenu(menu, "Rules/r.md", "");
    menu.showAtMouseEvent(new MouseEvent("contextmenu"));
    menu.items[0]?.dom.click();
    expect([handled, menu.items.map((item) => item.title), sources, shownMenus.length, app.workspace.openedLinks.map((link) => link.newLeaf)]).toEqual([
      true, ["Open in new tab", "Open to the right", "Open in new window"], ["link-context-menu Rules/r.md"], 1, ["tab"],
    ]);
  });
});

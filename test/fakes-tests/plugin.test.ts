/** @jest-environment jsdom */
/** Plugins load, register and are undone on unload, as the plugin's leak tests rely on. */
import { Component, createFakeApp, Events, ItemView, listenerErrors, Plugin, type App } from "../fakes/obsidian";

class EmptyPlugin extends Plugin {}

class PanelView extends ItemView {
  getViewType(): string { return "attack-panel"; }
  getDisplayText(): string { return "ATT&CK"; }
}

/** A plugin that uses every kind of registration, so unloading it must undo them all. */
class BusyPlugin extends Plugin {
  override async onload(): Promise<void> {
    this.addCommand({ id: "open", name: "Open", callback: () => undefined });
    this.addRibbonIcon("shield", "ATT&CK", () => undefined);
    this.registerView("attack-panel", (leaf) => new PanelView(leaf));
    this.registerHoverLinkSource("attack-vault", { display: "ATT&CK Vault", defaultMod: true });
    this.registerMarkdownCodeBlockProcessor("attack", () => undefined);
    this.registerEditorExtension([]);
    this.registerEvent(this.app.vault.on("modify", () => undefined));
    this.registerEvent(this.app.metadataCache.on("resolved", () => undefined));
    this.registerEvent(this.app.workspace.on("file-menu", () => undefined));
    this.registerDomEvent(document, "keydown", () => undefined);
    const interval = window.setInterval(() => undefined, 60_000);
    this.register(() => window.clearInterval(interval));
  }
}

const started = async (): Promise<App> => {
  const app = createFakeApp();
  await app.start();
  return app;
};

describe("plugins", () => {
  test("every registration shows in the app's footprint, and unloading leaves it as it was", async () => {
    const app = await started();
    const before = app.debug.footprint();
    await app.plugins.loadPlugin(BusyPlugin, { id: "attack-vault" });
    const loaded = app.debug.footprint();
    await app.plugins.unloadPlugin("attack-vault");
    expect([Object.keys(before).filter((key) => JSON.stringify(before[key]) === JSON.stringify(loaded[key])), app.debug.footprint()]).toEqual([[], before]);
  });

  test("an onload that throws leaves the plugin unloaded and its registrations undone", async () => {
    const app = await started();
    class Failing extends Plugin {
      override onload(): void {
        this.addCommand({ id: "x", name: "X", callback: () => undefined });
        throw new Error("boom");
      }
    }
    await expect(app.plugins.loadPlugin(Failing, { id: "failing" })).rejects.toThrow("boom");
    expect([app.plugins.plugins, app.commands.commands]).toEqual([{}, {}]);
  });

  test("addCommand prefixes id and name with the plugin's; executeCommandById runs the callback", async () => {
    const app = await started();
    const plugin = await app.plugins.loadPlugin(EmptyPlugin, { id: "attack-vault", name: "ATT&CK Vault" });
    let ran = 0;
    const command = plugin.addCommand({ id: "open", name: "Open", callback: () => void ran++ });
    expect([command.id, command.name, app.commands.executeCommandById("attack-vault:open"), ran]).toEqual(["attack-vault:open", "ATT&CK Vault: Open", true, 1]);
  });

  test("loadData gives the seeded data; saveData is a data.json write outside the notes", async () => {
    const app = createFakeApp({ pluginData: { seeded: { techniqueTag: "techniques" } } });
    const plugin = await app.plugins.loadPlugin(EmptyPlugin, { id: "seeded" });
    const seeded = await plugin.loadData();
    await plugin.saveData({ a: 1 });
    expect([seeded, await plugin.loadData(), app.vault.writes.map((write) => write.path), app.vault.noteWrites()]).toEqual([
      { techniqueTag: "techniques" }, { a: 1 }, [".obsidian/plugins/seeded/data.json"], [],
    ]);
  });
});

describe("Component and Events (app.js ids 56292484235, 56172161012)", () => {
  test("unload: children first, then cleanups last-registered-first, then onunload", () => {
    const log: string[] = [];
    const parent = new (class extends Component { override onunload(): void { log.push("parent onunload"); } })();
    parent.addChild(new (class extends Component { override onunload(): void { log.push("child onunload"); } })());
    parent.register(() => log.push("first registered"));
    parent.register(() => log.push("second registered"));
    parent.load();
    parent.unload();
    expect(log).toEqual(["child onunload", "second registered", "first registered", "parent onunload"]);
  });

  test("a listener that throws is logged, and the others still hear the event", () => {
    createFakeApp();
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const events = new Events();
    const heard: string[] = [];
    events.on("e", () => { throw new Error("boom"); });
    events.on("e", () => heard.push("second"));
    events.trigger("e");
    const loggedCalls = logged.mock.calls.length;
    logged.mockRestore();
    expect([heard, listenerErrors.length, loggedCalls]).toEqual([["second"], 1, 1]);
  });
});

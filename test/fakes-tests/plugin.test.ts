/** @jest-environment jsdom */
import { ItemView, Menu, Plugin, PluginSettingTab, Setting, createFakeApp } from "../fakes/obsidian";
import type { App, TFile } from "../fakes/obsidian";

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
    this.registerEvent(this.app.vault.on("modify", () => undefined));
    this.registerEvent(this.app.metadataCache.on("resolved", () => undefined));
    this.registerEvent(this.app.workspace.on("file-menu", () => undefined));
    this.registerDomEvent(document, "keydown", () => undefined);
    this.registerInterval(window.setInterval(() => undefined, 60_000));
    this.app.workspace.onLayoutReady(() => undefined);
  }
}

const footprint = (app: App): Record<string, unknown> => app.debug.footprint();

describe("plugin loading", () => {
  test("loadPlugin constructs, records and loads the plugin", async () => {
    const app = createFakeApp();
    const plugin = await app.plugins.loadPlugin(EmptyPlugin, { id: "attack-vault" });
    expect([app.plugins.plugins["attack-vault"], plugin._loaded, plugin.app, plugin.manifest.id]).toEqual([plugin, true, app, "attack-vault"]);
  });

  test("every registration of a busy plugin shows in the app's footprint", async () => {
    const app = createFakeApp();
    await app.start();
    const before = footprint(app);
    await app.plugins.loadPlugin(BusyPlugin, { id: "attack-vault" });
    const loaded = footprint(app);
    // The busy plugin registers everything but a `query` processor, which core Search keeps.
    const unchanged = Object.keys(before).filter((key) => JSON.stringify(before[key]) === JSON.stringify(loaded[key]));
    expect(unchanged).toEqual(["queryHandler"]);
  });

  test("unloading the plugin leaves the app as it found it", async () => {
    const app = createFakeApp();
    await app.start();
    const before = footprint(app);
    await app.plugins.loadPlugin(BusyPlugin, { id: "attack-vault" });
    await app.plugins.unloadPlugin("attack-vault");
    expect(footprint(app)).toEqual(before);
  });

  test("an onload that throws leaves the plugin unloaded and unrecorded", async () => {
    const app = createFakeApp();
    class Failing extends Plugin {
      override onload(): void {
        this.addCommand({ id: "x", name: "X", callback: () => undefined });
        throw new Error("boom");
      }
    }
    await expect(app.plugins.loadPlugin(Failing, { id: "failing" })).rejects.toThrow("boom");
    expect([app.plugins.plugins, app.debug.commandIds()]).toEqual([{}, []]);
  });
});

describe("commands", () => {
  test("addCommand prefixes id and name and stores the command under <pluginId>:<id>", async () => {
    const app = createFakeApp();
    const plugin = await app.plugins.loadPlugin(EmptyPlugin, { id: "attack-vault", name: "ATT&CK Vault" });
    const command = plugin.addCommand({ id: "open-matrix", name: "Open matrix", callback: () => undefined });
    expect([command.id, command.name, app.commands.commands["attack-vault:open-matrix"]]).toEqual(["attack-vault:open-matrix", "ATT&CK Vault: Open matrix", command]);
  });

  test.each([
    ["a callback runs", { callback: true }, true, ["callback"]],
    ["a checkCallback that allows runs with checking=false", { check: true }, true, ["check true", "check false"]],
    ["a checkCallback that refuses does not run", { check: false }, false, ["check true"]],
  ])("executeCommandById: %s", async (_name, shape, expectedResult, expectedLog) => {
    const app = createFakeApp();
    const plugin = await app.plugins.loadPlugin(EmptyPlugin, { id: "p" });
    const log: string[] = [];
    plugin.addCommand("callback" in shape
      ? { id: "c", name: "C", callback: () => { log.push("callback"); } }
      : { id: "c", name: "C", checkCallback: (checking) => { log.push(`check ${checking}`); return shape.check; } });
    expect([app.commands.executeCommandById("p:c"), log]).toEqual([expectedResult, expectedLog]);
  });
});

describe("plugin data and writes", () => {
  test("loadData returns the seeded data, or null without any", async () => {
    const app = createFakeApp({ pluginData: { seeded: { techniqueTag: "techniques" } } });
    const seeded = await app.plugins.loadPlugin(EmptyPlugin, { id: "seeded" });
    const fresh = await app.plugins.loadPlugin(EmptyPlugin, { id: "fresh" });
    expect([await seeded.loadData(), await fresh.loadData()]).toEqual([{ techniqueTag: "techniques" }, null]);
  });

  test("saveData is a data.json write outside the notes", async () => {
    const app = createFakeApp();
    const plugin = await app.plugins.loadPlugin(EmptyPlugin, { id: "attack-vault" });
    await plugin.saveData({ a: 1 });
    expect([await plugin.loadData(), app.vault.writes.map((w) => w.path), app.vault.noteWrites()])
      .toEqual([{ a: 1 }, [".obsidian/plugins/attack-vault/data.json"], []]);
  });

  test("processFrontMatter is recorded as a write to the note", async () => {
    const app = createFakeApp({ files: { "a.md": "---\nx: 1\n---\nbody" } });
    await app.fileManager.processFrontMatter(app.vault.getFileByPath("a.md")!, (fm) => { fm.status = "done"; });
    expect([app.vault.noteWrites().map((w) => `${w.kind} ${w.path}`), app.vault.contentOf("a.md")]).toEqual([
      ["processFrontMatter a.md", "modify a.md"],
      "---\nx: 1\nstatus: done\n---\nbody",
    ]);
  });
});

describe("UI entry points", () => {
  test("a ribbon icon is in the document's left ribbon and runs its callback on click", async () => {
    const app = createFakeApp();
    const plugin = await app.plugins.loadPlugin(EmptyPlugin);
    let clicks = 0;
    const icon = plugin.addRibbonIcon("shield", "Open ATT&CK", () => { clicks++; });
    icon.click();
    expect([icon.closest(".app-container .side-dock-ribbon") !== null, icon.getAttr("aria-label"), clicks]).toEqual([true, "Open ATT&CK", 1]);
  });

  test("a file-menu listener fills the file's context menu", async () => {
    const app = createFakeApp({ files: { "a.md": "" } });
    const plugin = await app.plugins.loadPlugin(EmptyPlugin);
    plugin.registerEvent(app.workspace.on("file-menu", (menu: Menu, file: TFile) => {
      menu.addItem((item) => item.setTitle(`Coverage of ${file.basename}`).setIcon("shield"));
    }));
    const menu = app.openFileMenu(app.vault.getFileByPath("a.md")!);
    expect(menu.items.map((item) => (item === "separator" ? item : item.title))).toEqual(["Coverage of a"]);
  });

  test("the settings tab displays into the settings window and its text field reports typing", async () => {
    const app = createFakeApp();
    const plugin = await app.plugins.loadPlugin(EmptyPlugin, { id: "attack-vault" });
    const typed: string[] = [];
    plugin.addSettingTab(new (class extends PluginSettingTab {
      override display(): void {
        new Setting(this.containerEl).setName("Technique tag").addText((text) => text.setValue("techniques").onChange((value) => typed.push(value)));
      }
    })(app, plugin));
    app.setting.openTabById("attack-vault");
    const input = document.querySelector(".mod-settings .setting-item input") as HTMLInputElement;
    input.value = "ttp";
    input.dispatchEvent(new Event("input"));
    expect([document.querySelector(".mod-settings .setting-item-name")?.textContent, typed]).toEqual(["Technique tag", ["ttp"]]);
  });
});

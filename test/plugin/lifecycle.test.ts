/** @jest-environment jsdom */
/** Load, index after layout-ready, unload: nothing left behind, no note written. */
import AttackVaultPlugin from "../../src/main";
import { TYPING_PAUSE_MS } from "../../src/settings";
import { createFakeApp, type App } from "../fakes/obsidian";
import { EXAMPLE_VAULT } from "../support/paths";
import { countDrawings, MANIFEST, openCoverage, openNote, settle, startPluginOnFolder, vaultFiles } from "./plugin-harness";

const footprint = (app: App): Record<string, unknown> => app.debug.footprint();

describe("lifecycle", () => {
  test("onload does no indexing: the index fills only once the layout is ready", async () => {
    const app = createFakeApp({ files: vaultFiles(EXAMPLE_VAULT) });
    const plugin = await app.plugins.loadPlugin(AttackVaultPlugin, MANIFEST);
    expect([plugin.service.ready, plugin.service.index.size]).toEqual([false, 0]);
    await app.start();
    await settle(app);
    expect(plugin.service.ready).toBe(true);
    expect(plugin.service.index.size).toBe(app.vault.getMarkdownFiles().length);
  });

  test("unloading after blocks, the panel and live changes leaves the app as it was", async () => {
    const app = createFakeApp({ files: vaultFiles(EXAMPLE_VAULT) });
    await app.start();
    const before = footprint(app);
    await app.plugins.loadPlugin(AttackVaultPlugin, MANIFEST);
    await settle(app);
    const harness = { app, plugin: app.plugins.plugins["attack-vault"] as unknown as AttackVaultPlugin };
    await openNote(app, "Use Cases/T1059.001 - Command and Scripting Interpreter- PowerShell.md");
    await openCoverage(harness);
    app.vault.createNow("Detection Rules/late.md", "---\ntags: [t1572, detection_rule]\n---\n");
    await app.plugins.unloadPlugin("attack-vault");
    await settle(app);
    expect(footprint(app)).toEqual(before);
  });

  test("a full session writes no note: only the plugin's own settings", async () => {
    const { app, plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    await openNote(app, "Detection Rules.md");
    await openCoverage({ app, plugin });
    await plugin.updateSettings({ rollUpSubTechniques: false });
    await app.plugins.unloadPlugin("attack-vault");
    expect(app.vault.noteWrites()).toEqual([]);
  });
});

describe("settings", () => {
  test("the tab shows every setting, in sentence case", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    app.setting.openTabById("attack-vault");
    const names = Array.from(app.setting.containerEl.querySelectorAll(".setting-item-name"), (el) => el.textContent ?? "");
    expect(names).toEqual([
      "Note kinds",
      "Technique tag",
      "Detection rule tag",
      "Test tag",
      "Technique ID properties",
      "Covered technique properties",
      "Folders to leave out",
      "Threat profiles",
      "Threat profile tag",
      "Profile techniques property",
      "Display",
      "Render query blocks",
      "Roll up sub-techniques",
    ]);
  });

  test("changing the rule tag rebuilds the index and redraws open blocks", async () => {
    const { app, plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    const content = await openNote(app, "Use Cases/T1059.001 - Command and Scripting Interpreter- PowerShell.md");
    app.setting.openTabById("attack-vault");
    const ruleTag = app.setting.containerEl.querySelectorAll<HTMLInputElement>("input[type=text]")[1];
    if (!ruleTag) throw new Error("no rule tag input");
    ruleTag.value = "sigma_rule";
    ruleTag.dispatchEvent(new Event("input"));
    await new Promise((resolve) => setTimeout(resolve, TYPING_PAUSE_MS + 50));
    await settle(app);
    // The block still lists what its tags match, but they are no longer rule notes.
    expect(content.querySelector(".attack-vault-block-title")?.textContent).toBe("Notes");
    expect(plugin.service.index.rulesFor("T1059.001").size).toBe(0);
    expect(plugin.settings.ruleTag).toBe("sigma_rule");
  });

  test("the vault's saved settings are read, with defaults for what they leave out", async () => {
    const { plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    expect(plugin.settings.excludedFolders).toEqual(["Templates"]);
    expect(plugin.settings.ruleTag).toBe("detection_rule");
  });
});

describe("settings that change only the drawing", () => {
  test("turning rollup off redraws the panel without rebuilding the index", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    const view = await openCoverage(harness);
    const index = harness.plugin.service.index;
    const row = () => harness.app.workspace.containerEl.querySelector('.attack-vault-technique[data-technique="T1059"] .attack-vault-status-text')?.textContent;
    expect(row()).toBe("Rules and tests");
    const drawings = countDrawings(view.contentEl, ".attack-vault-matrix");
    await harness.plugin.updateSettings({ rollUpSubTechniques: false });
    await settle(harness.app);
    expect([row(), harness.plugin.service.index === index, drawings()]).toEqual(["No rule", true, 1]);
  });
});

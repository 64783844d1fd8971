/** @jest-environment jsdom */
/** Taking ```query over from core Search, and giving it back. */
import { MarkdownPreviewRenderer } from "../fakes/obsidian";
import { EXAMPLE_VAULT } from "../support/paths";
import { openNote, settle, startPluginOnFolder, vaultFiles, startPlugin } from "./plugin-harness";

const POWERSHELL = "Use Cases/T1059.001 - Command and Scripting Interpreter- PowerShell.md";
const processors = (): Record<string, unknown> => MarkdownPreviewRenderer.codeBlockPostProcessors as Record<string, unknown>;

describe("the query processor takeover", () => {
  test("core Search holds query before the plugin loads, so a plain registration would throw", async () => {
    const { app } = await startPlugin(vaultFiles(EXAMPLE_VAULT), { start: false, pluginData: { takeOverQueryBlocks: false } });
    expect(() => app.plugins.plugins["attack-vault"]?.registerMarkdownCodeBlockProcessor("query", () => undefined)).toThrow(/already exists/);
  });

  test("with the plugin on, query blocks render as our lists; unloading puts core Search's processor back", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    const coreSearch = app.internalPlugins.getPluginById("global-search");
    const content = await openNote(app, POWERSHELL);
    expect(content.querySelectorAll(".attack-vault-block")).toHaveLength(2);
    await app.plugins.unloadPlugin("attack-vault");
    await settle(app);
    expect(content.querySelectorAll(".attack-vault-block")).toHaveLength(0);
    expect(content.querySelectorAll(".internal-query")).toHaveLength(2);
    expect(coreSearch?.enabled).toBe(true);
  });

  test("turning the setting off gives query back to core Search and rebuilds open notes; on takes it again", async () => {
    const { app, plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    const content = await openNote(app, POWERSHELL);
    await plugin.updateSettings({ takeOverQueryBlocks: false });
    await settle(app);
    expect([content.querySelectorAll(".attack-vault-block").length, content.querySelectorAll(".internal-query").length]).toEqual([0, 2]);
    await plugin.updateSettings({ takeOverQueryBlocks: true });
    await settle(app);
    expect([content.querySelectorAll(".attack-vault-block").length, content.querySelectorAll(".internal-query").length]).toEqual([2, 0]);
  });

  test("core Search enabled while we hold query neither throws nor takes it; unload hands it over", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT, { coreSearchEnabled: false });
    const coreSearch = app.internalPlugins.getPluginById("global-search");
    await coreSearch?.enable();
    const content = await openNote(app, POWERSHELL);
    expect(content.querySelectorAll(".attack-vault-block")).toHaveLength(2);
    await app.plugins.unloadPlugin("attack-vault");
    await settle(app);
    expect(content.querySelectorAll(".internal-query")).toHaveLength(2);
  });

  test("core Search disabled while we hold query: unload leaves no query processor behind", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    await app.internalPlugins.getPluginById("global-search")?.disable();
    expect(Object.keys(processors())).toContain("query");
    await app.plugins.unloadPlugin("attack-vault");
    expect(Object.keys(processors())).not.toContain("query");
  });

  test("attack-query blocks always render with our renderer, even with the takeover off", async () => {
    const files = { ...vaultFiles(EXAMPLE_VAULT), "Own.md": "```attack-query\ntag: detection_rule tag: T1059_001\n```\n" };
    const { app } = await startPlugin(files, { pluginData: { takeOverQueryBlocks: false } });
    const content = await openNote(app, "Own.md");
    expect(content.querySelectorAll(".attack-vault-block a.internal-link").length).toBeGreaterThan(0);
  });
});

/** @jest-environment jsdom */
/** Navigator layer export from the plugin: a new file in the vault, never a note touched, an existing file replaced only when asked. */
import { exportLayer } from "../../src/obsidian/layer-export";
import { askToOverwrite } from "../../src/ui/overwrite-modal";
import { openModals, type App } from "../fakes/obsidian";
import { layerProblems } from "../schemas/navigator-layer";
import { EXAMPLE_VAULT } from "../support/paths";
import { openCoverage, settle, startPluginOnFolder } from "../plugin/plugin-harness";

describe("exporting a Navigator layer from the plugin", () => {
  const layerFiles = (app: App) => app.vault.getFiles().filter((file) => file.path.startsWith("ATT&CK layers/"));

  test("the command writes a new, valid layer file and touches no note", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    expect(app.commands.executeCommandById("attack-vault:export-navigator-layer")).toBe(true);
    await settle(app);
    const [file] = layerFiles(app);
    if (!file) throw new Error("no layer written");
    const layer = JSON.parse(await app.vault.read(file)) as Record<string, unknown>;
    expect(layerProblems(layer)).toEqual([]);
    expect(app.vault.writes.filter((write) => write.path.endsWith(".md"))).toEqual([]);
  });

  test.each([
    ["Keep both", ["ATT&CK layers/same 2.json", "ATT&CK layers/same.json"], "old"],
    ["Cancel", ["ATT&CK layers/same.json"], "old"],
    ["Overwrite", ["ATT&CK layers/same.json"], "new"],
  ])("an existing file is replaced only when asked: %s", async (button, expectedFiles, firstContent) => {
    const { app, plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    const date = "2026-01-01";
    const name = `ATT&CK layers/ATT&CK coverage ${date}.json`;
    await app.vault.createFolder("ATT&CK layers");
    await app.vault.create(name, "old");
    const done = exportLayer(app as never, { index: plugin.service.index, rollup: true, scoring: "count", filter: {}, date }, (path) => askToOverwrite(app as never, path));
    await settle(app);
    const modal = openModals.at(-1);
    const choice = Array.from(modal?.contentEl.querySelectorAll("button") ?? []).find((el) => el.textContent === button);
    choice?.click();
    await done;
    const paths = layerFiles(app).map((file) => file.path.replace(`ATT&CK coverage ${date}`, "same")).sort();
    expect(paths).toEqual(expectedFiles);
    const first = (await app.vault.read(app.vault.getFileByPath(name)!)) === "old" ? "old" : "new";
    expect(first).toBe(firstContent);
  });

  test("the panel's export button exports what the panel shows", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const select = harness.app.workspace.containerEl.querySelector<HTMLSelectElement>(".attack-vault-filter-platform");
    if (!select) throw new Error("no platform picker");
    select.value = "Linux";
    select.dispatchEvent(new Event("change"));
    harness.app.workspace.containerEl.querySelector<HTMLButtonElement>(".attack-vault-export")?.click();
    await settle(harness.app);
    const [file] = layerFiles(harness.app);
    const layer = JSON.parse(await harness.app.vault.read(file!)) as { filters?: { platforms: string[] } };
    expect(layer.filters?.platforms).toEqual(["Linux"]);
  });
});

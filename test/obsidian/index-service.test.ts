/** @jest-environment jsdom */
/**
 * The layout can be ready before the metadata cache has read the notes (a cold cache, a new device,
 * a `git pull` of rules): until the cache resolves, blocks and the panel say so instead of showing
 * gaps that are not there, and the API is not ready.
 */
import AttackVaultPlugin from "../../src/main";
import { createFakeApp } from "../fakes/obsidian";
import { MANIFEST, openCoverage, openNote, settle, vaultFiles } from "../plugin/plugin-harness";
import { EXAMPLE_VAULT } from "../support/paths";

const POWERSHELL = "Use Cases/T1059.001 - Command and Scripting Interpreter- PowerShell.md";

async function startedBeforeTheCache() {
  const app = createFakeApp({ files: vaultFiles(EXAMPLE_VAULT) });
  const plugin = await app.plugins.loadPlugin(AttackVaultPlugin, MANIFEST);
  await app.start({ layoutBeforeCache: true });
  return { app, plugin };
}

describe("before the metadata cache has resolved", () => {
  test("blocks and the panel say Indexing, and the API is not ready", async () => {
    const harness = await startedBeforeTheCache();
    const content = await openNote(harness.app, POWERSHELL);
    const panel = await openCoverage(harness);
    expect([
      content.findAll(".attack-vault-block .attack-vault-pending").length,
      content.findAll(".attack-vault-gap").length,
      panel.contentEl.find(".attack-vault-pending")?.textContent,
      harness.plugin.api.ready,
    ]).toEqual([2, 0, "Indexing the vault…", false]);
  });

  test("once it resolves, the same blocks and panel show the vault", async () => {
    const harness = await startedBeforeTheCache();
    const content = await openNote(harness.app, POWERSHELL);
    const panel = await openCoverage(harness);
    await harness.app.debug.finishIndexing();
    await settle(harness.app);
    expect([
      content.findAll(".attack-vault-pending").length,
      content.findAll(".attack-vault-block a.internal-link").length > 0,
      panel.contentEl.findAll(".attack-vault-technique").length > 0,
      harness.plugin.api.ready,
    ]).toEqual([0, true, true, true]);
  });

  test("a plugin enabled after the cache resolved is ready at once", async () => {
    const app = createFakeApp({ files: vaultFiles(EXAMPLE_VAULT) });
    await app.start();
    const plugin = await app.plugins.loadPlugin(AttackVaultPlugin, MANIFEST);
    expect([app.metadataCache.resolved, plugin.api.ready]).toEqual([true, true]);
  });
});

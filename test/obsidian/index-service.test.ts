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

describe("the first build, in slices", () => {
  /** 600 rule notes for T1001, and one technique note; the clock moves 5 ms a look, so slices hold 128 notes. */
  async function slowlyBuilt() {
    const files: Record<string, string> = { "Use Cases/T1001 - Data Obfuscation.md": "---\ntags: [T1001, techniques]\n---\n" };
    for (let i = 0; i < 600; i++) files[`Detection Rules/rule ${i}.md`] = "---\ntags: [detection_rule, t1001]\n---\n";
    let clock = 0;
    jest.spyOn(window.performance, "now").mockImplementation(() => (clock += 5));
    const app = createFakeApp({ files });
    const plugin = await app.plugins.loadPlugin(AttackVaultPlugin, MANIFEST);
    return { app, plugin };
  }

  afterEach(() => jest.restoreAllMocks());

  test("says how far it is while it runs, then shows the vault", async () => {
    const { app, plugin } = await slowlyBuilt();
    const seen: string[] = [];
    plugin.service.onProgress(() => {
      if (!plugin.service.ready) seen.push(plugin.api.ready ? "ready" : `${plugin.service.progress?.done} of ${plugin.service.progress?.total}`);
    });
    await app.start();
    await settle(app);
    // Reports are at most every 100 ms (of this clock): the first slice's, then the last's.
    expect([seen, plugin.api.ready, plugin.api.rulesFor("T1001").length]).toEqual([["128 of 601", "601 of 601"], true, 600]);
  });

  test("keeps what changed while it ran: a note it had read, and one it had not", async () => {
    const { app, plugin } = await slowlyBuilt();
    plugin.registerEvent(plugin.service.onProgress((progress) => {
      if (progress.done !== 128) return;
      void app.vault.modify(app.vault.getFileByPath("Detection Rules/rule 0.md")!, "---\ntags: [detection_rule, t1002]\n---\n");
      void app.vault.delete(app.vault.getFileByPath("Detection Rules/rule 599.md")!);
    }));
    await app.start();
    await settle(app);
    expect([plugin.api.rulesFor("T1001").length, plugin.api.rulesFor("T1002").map((rule) => rule.path)]).toEqual([598, ["Detection Rules/rule 0.md"]]);
  });
});

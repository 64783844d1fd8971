/**
 * Target 7's second half, run as its own process: loads the plugin (src/main.ts) into the fake app
 * in jsdom with a vault folder, and prints as JSON how long onload took, how many notes the index
 * held right after it, and how long the first build after layout-ready took, until the index was ready.
 */
import { shareWindowGlobals } from "./jsdom-globals";
import { createFakeApp } from "../../test/fakes/obsidian";
import { loadVaultFolder } from "../../test/fakes/load-vault-folder";
import AttackVaultPlugin from "../../src/main";

export interface PluginLoadFigures {
  onloadMs: number;
  notesAfterOnload: number;
  readyAfterOnload: boolean;
  buildMs: number;
  notesAfterBuild: number;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

async function loadOnce(files: Record<string, string>): Promise<PluginLoadFigures> {
  const app = createFakeApp({ files });
  const started = now();
  const plugin = await app.plugins.loadPlugin(AttackVaultPlugin, { id: "attack-vault", name: "ATT&CK Vault" });
  const onloadMs = now() - started;
  const notesAfterOnload = plugin.service.index.size;
  const readyAfterOnload = plugin.service.ready;
  // What app.start() does, timed from layout-ready to the index being ready: the first build
  // starts once the layout is ready and the cache has resolved, and runs in slices.
  app.vault.announceLoadedFiles();
  app.metadataCache.indexAll(false);
  const layoutReady = now();
  app.workspace.markLayoutReady();
  await app.metadataCache.whenIdle();
  while (!plugin.service.ready) await new Promise((resolve) => setImmediate(resolve));
  const buildMs = now() - layoutReady;
  const figures = { onloadMs, notesAfterOnload, readyAfterOnload, buildMs, notesAfterBuild: plugin.service.index.size };
  app.destroy();
  return figures;
}

async function main(): Promise<void> {
  const [vaultDir, roundsText] = process.argv.slice(2);
  if (!vaultDir) throw new Error("usage: plugin-load.cjs <vault folder> [rounds]");
  shareWindowGlobals();
  const files = loadVaultFolder(vaultDir);
  const rounds: PluginLoadFigures[] = [];
  for (let round = 0; round < Math.max(1, Number(roundsText ?? 1)); round++) rounds.push(await loadOnce(files));
  process.stdout.write(JSON.stringify(rounds) + "\n");
  // The fake's timers (announce delay, resolved) must not keep the process alive.
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/**
 * The plugin in the fake app, fed from a real vault folder: load, start like Obsidian,
 * open notes in reading view, and wait for the index's coalesced announcements.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AttackVaultPlugin from "../../src/main";
import { ANNOUNCE_DELAY_MS } from "../../src/obsidian/index-service";
import { COVERAGE_VIEW_TYPE, type CoverageView } from "../../src/ui/coverage-view";
import { createFakeApp, MarkdownView, type App } from "../fakes/obsidian";
import { loadVaultFolder } from "../fakes/load-vault-folder";
import { REPO_ROOT } from "../support/paths";

export const MANIFEST = JSON.parse(readFileSync(join(REPO_ROOT, "manifest.json"), "utf8")) as { id: string; version: string };

export interface Harness {
  app: App;
  plugin: AttackVaultPlugin;
}

function savedPluginData(vaultDir: string): unknown {
  const file = join(vaultDir, ".obsidian/plugins/attack-vault/data.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

const folderCache = new Map<string, Record<string, string>>();

/** The vault's files, read once per test file (the real vault is 17 MB). */
export function vaultFiles(vaultDir: string): Record<string, string> {
  let files = folderCache.get(vaultDir);
  if (!files) folderCache.set(vaultDir, (files = loadVaultFolder(vaultDir)));
  return { ...files };
}

export async function startPlugin(
  files: Record<string, string>,
  options: { pluginData?: unknown; start?: boolean } = {},
): Promise<Harness> {
  const app = createFakeApp({
    files,
    pluginData: options.pluginData === undefined ? {} : { [MANIFEST.id]: options.pluginData },
  });
  const plugin = await app.plugins.loadPlugin(AttackVaultPlugin, MANIFEST);
  if (options.start !== false) {
    await app.start();
    await settle(app);
  }
  return { app, plugin };
}

export async function startPluginOnFolder(vaultDir: string): Promise<Harness> {
  return startPlugin(vaultFiles(vaultDir), { pluginData: savedPluginData(vaultDir) });
}

/** Let a running build finish, the index announce its coalesced change and the views redraw. */
export async function settle(app: App): Promise<void> {
  await app.debug.settle();
  const plugin = app.plugins.getPlugin(MANIFEST.id) as AttackVaultPlugin | null;
  while (plugin?.service.building) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setTimeout(resolve, ANNOUNCE_DELAY_MS + 30));
  await app.debug.settle();
}

/** Open a note in reading view in the main area and return its content element. */
export async function openNote(app: App, path: string): Promise<HTMLElement> {
  const file = app.vault.getFileByPath(path);
  if (!file) throw new Error(`no note at ${path}`);
  await app.workspace.getLeaf(false).openFile(file);
  await settle(app);
  const view = app.workspace.getActiveViewOfType(MarkdownView);
  if (!view) throw new Error("no markdown view");
  return view.contentEl;
}

export async function openCoverage(harness: Harness): Promise<CoverageView> {
  await harness.plugin.openCoverage();
  await settle(harness.app);
  const leaf = harness.app.workspace.getLeavesOfType(COVERAGE_VIEW_TYPE)[0];
  if (!leaf) throw new Error("the coverage view did not open");
  return leaf.view as unknown as CoverageView;
}

/** The rendered blocks of a note, in order: their header text and link targets. */
export function renderedBlocks(contentEl: HTMLElement): Array<{ header: string; links: string[]; gap: string | null; error: string | null }> {
  return Array.from(contentEl.querySelectorAll<HTMLElement>(".attack-vault-block")).map((block) => ({
    header: block.querySelector(".attack-vault-block-header")?.textContent ?? "",
    links: Array.from(block.querySelectorAll("a.internal-link"), (link) => link.getAttribute("data-href") ?? ""),
    gap: block.querySelector(".attack-vault-gap")?.textContent ?? null,
    error: block.querySelector(".attack-vault-error-message")?.textContent ?? null,
  }));
}

/**
 * How many times a view draws, seen in the DOM: each drawing adds its `selector` element anew
 * (the panel's `.attack-vault-matrix`, a block's `.attack-vault-block`) under `root` from now on.
 */
export function countDrawings(root: HTMLElement, selector: string): () => number {
  let drawings = 0;
  const observer = new MutationObserver((records) => count(records));
  const count = (records: MutationRecord[]): void => {
    for (const record of records) for (const node of Array.from(record.addedNodes)) if (node instanceof Element && (node.matches(selector) || node.querySelector(selector))) drawings++;
  };
  observer.observe(root, { childList: true, subtree: true });
  return () => {
    count(observer.takeRecords());
    return drawings;
  };
}

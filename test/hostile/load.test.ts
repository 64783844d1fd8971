/** @jest-environment jsdom */
/**
 * 5,000 note changes fired at the fake app, in one burst and spread over about a second: the index
 * ends equal to one rebuilt from the final vault, and the open blocks and the panel redraw a number
 * of times bounded by the bursts, not once per change.
 */
import { VaultIndex } from "../../src/core/vault-index";
import { noteRecordFrom } from "../../src/obsidian/note-record";
import { QueryBlockChild } from "../../src/ui/query-block-child";
import { loadVaultFolder } from "../fakes/load-vault-folder";
import { MarkdownView, type App } from "../fakes/obsidian";
import { buildHostileVault, removeVault } from "../fixtures/hostile-vault";
import { countDrawings, openCoverage, openNote, renderedBlocks, settle, startPlugin, type Harness } from "../plugin/plugin-harness";
import { dumpIndex } from "./index-dump";

const CHANGES = 5_000;
const TECHNIQUE_TAGS = ["t1059_001", "t1105", "t1572", "t1486"];
const POWERSHELL_NOTE = "Use Cases/T1059.001 - Command and Scripting Interpreter- PowerShell.md";

const goodDir = buildHostileVault({ hostile: false });
const goodFiles = loadVaultFolder(goodDir);
removeVault(goodDir);

const note = (tags: string[]): string => `---\ntitle: "Load"\nlevel: "high"\ntags: [${tags.join(", ")}]\n---\n\nbody #load/inline\n`;

/**
 * Change number `n` of a deterministic mix: create a rule, retag it, turn it into a test, rename
 * it, delete it. Each touches a technique an open block or the panel shows.
 */
function fireChange(app: App, n: number): void {
  const slot = Math.floor(n / 5);
  const path = `Detection Rules/load_${slot}.md`;
  const renamed = `Detection Rules/load_${slot}_renamed.md`;
  const tag = TECHNIQUE_TAGS[n % TECHNIQUE_TAGS.length] ?? "t1059_001";
  const file = app.vault.getFileByPath(path) ?? app.vault.getFileByPath(renamed);
  switch (n % 5) {
    case 0:
      app.vault.createNow(path, note([tag, "detection_rule"]));
      return;
    case 1:
      if (file) app.vault.modifyNow(file, note(["t1059_001", tag, "detection_rule"]));
      return;
    case 2:
      if (file) app.vault.modifyNow(file, note([tag, "atomic_test"]));
      return;
    case 3:
      if (file) void app.vault.rename(file, renamed);
      return;
    default:
      // Every other slot keeps its note, so the final vault holds some of each kind.
      if (file && slot % 2 === 0) app.vault.deleteNow(file);
  }
}

function rebuiltIndex(harness: Harness): VaultIndex {
  const { app, plugin } = harness;
  const index = new VaultIndex(plugin.service.index.conventions);
  // The fake's TFile stands in for Obsidian's, whose typings ask for more than the index reads.
  type ObsidianFile = Parameters<typeof noteRecordFrom>[0];
  for (const file of app.vault.getMarkdownFiles()) index.upsert(noteRecordFrom(file as unknown as ObsidianFile, app.metadataCache.getFileCache(file)));
  return index;
}

const PROBE_TAGS = [...TECHNIQUE_TAGS, "detection_rule", "atomic_test", "load", "load/inline"];

describe.each([
  ["in one burst", 1],
  ["in 50 bursts over about a second", 50],
])("5,000 changes %s", (_name, bursts) => {
  test("leave the index equal to a rebuild, and the blocks and panel redrawn at most once per burst, showing what a fresh render shows", async () => {
    const harness = await startPlugin(goodFiles);
    const content = await openNote(harness.app, POWERSHELL_NOTE);
    const panel = await openCoverage(harness);
    const blockRenders = jest.spyOn(QueryBlockChild.prototype, "render");
    const panelDrawings = countDrawings(panel.contentEl, ".attack-vault-matrix");
    const perBurst = CHANGES / bursts;
    for (let burst = 0; burst < bursts; burst++) {
      for (let n = burst * perBurst; n < (burst + 1) * perBurst; n++) fireChange(harness.app, n);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await settle(harness.app);
    const rendersPerBlock = new Map<unknown, number>();
    for (const block of blockRenders.mock.contexts) rendersPerBlock.set(block, (rendersPerBlock.get(block) ?? 0) + 1);
    blockRenders.mockRestore();
    const panelRedraws = panelDrawings();
    const live = { blocks: renderedBlocks(content), panel: panel.contentEl.querySelector(".attack-vault-coverage-body")?.textContent };
    harness.app.workspace.getActiveViewOfType(MarkdownView)?.previewMode.rerender(true);
    panel.render();
    await settle(harness.app);
    const fresh = { blocks: renderedBlocks(content), panel: panel.contentEl.querySelector(".attack-vault-coverage-body")?.textContent };
    expect({
      index: dumpIndex(harness.plugin.service.index, PROBE_TAGS),
      shown: live,
      someBlockRedrawn: rendersPerBlock.size > 0,
      blockRedrawsWithinBursts: Math.max(...rendersPerBlock.values()) <= bursts,
      panelRedrawsWithinBursts: panelRedraws <= bursts,
    }).toEqual({ index: dumpIndex(rebuiltIndex(harness), PROBE_TAGS), shown: fresh, someBlockRedrawn: true, blockRedrawsWithinBursts: true, panelRedrawsWithinBursts: true });
  });
});

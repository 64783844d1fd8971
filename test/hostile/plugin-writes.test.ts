/** @jest-environment jsdom */
/**
 * A full plugin session never writes a note: load, start, open every technique note, open the
 * panel, change each filter, unload. The fake records every vault write; the folder's files hash
 * the same before and after.
 */
import { loadVaultFolder } from "../fakes/load-vault-folder";
import { buildHostileVault, GENERATED, hashFolder, removeVault } from "../fixtures/hostile-vault";
import { openCoverage, openNote, settle, startPlugin, type Harness } from "../plugin/plugin-harness";
import { EXAMPLE_VAULT } from "../support/paths";
import { unfoldPanel } from "./plugin-dom";

const hostileVault = buildHostileVault({ hostile: true });
afterAll(() => removeVault(hostileVault));

/** Every choice of every picker, the gaps box on and off, a typed filter, then "Clear filters". */
async function changeEveryFilter(panel: HTMLElement): Promise<number> {
  let changes = 0;
  for (const picker of ["platform", "tactic"]) {
    const select = panel.querySelector<HTMLSelectElement>(`.attack-vault-filter-${picker}`);
    for (const value of Array.from(select?.options ?? [], (option) => option.value)) {
      if (!select) break;
      select.value = value;
      select.dispatchEvent(new Event("change"));
      changes++;
    }
  }
  const gaps = panel.querySelector<HTMLInputElement>(".attack-vault-filter-gaps input");
  for (const checked of [true, false]) {
    if (!gaps) break;
    gaps.checked = checked;
    gaps.dispatchEvent(new Event("change"));
    changes++;
  }
  const text = panel.querySelector<HTMLInputElement>(".attack-vault-filter-text");
  if (text) {
    text.value = "<img src=x onerror=alert(1)> T14";
    text.dispatchEvent(new Event("input"));
    await new Promise((resolve) => setTimeout(resolve, 250));
    changes++;
  }
  panel.querySelector<HTMLElement>(".attack-vault-filter-clear")?.click();
  return changes + 1;
}

async function fullSession(harness: Harness): Promise<{ techniqueNotes: number; filterChanges: number }> {
  const { app, plugin } = harness;
  const techniqueNotes = [...plugin.service.index.notes()].filter((note) => note.kind === "technique" && note.path !== GENERATED.huge);
  for (const note of techniqueNotes) await openNote(app, note.path);
  const panel = (await openCoverage(harness)).contentEl;
  unfoldPanel(panel);
  const filterChanges = await changeEveryFilter(panel);
  await settle(app);
  await app.plugins.unloadPlugin("attack-vault");
  await settle(app);
  return { techniqueNotes: techniqueNotes.length, filterChanges };
}

describe.each([
  ["the hostile vault", hostileVault],
  ["the example vault", EXAMPLE_VAULT],
])("a full plugin session over %s", (_name, vault) => {
  test("writes no note and leaves every file as it was", async () => {
    const before = hashFolder(vault);
    // The hostile vault's own data.json is not JSON, as it is meant to be; the plugin starts with defaults.
    const harness = await startPlugin(loadVaultFolder(vault));
    const session = await fullSession(harness);
    expect({ writes: harness.app.vault.noteWrites(), hashes: hashFolder(vault), sessionDidWork: session.techniqueNotes > 5 && session.filterChanges > 5 }).toEqual({
      writes: [],
      hashes: before,
      sessionDidWork: true,
    });
  });
});

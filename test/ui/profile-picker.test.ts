/** @jest-environment jsdom */
/** The panel's threat profile picker: searchable, chosen by mouse or keyboard, live, combined with the other filters, kept with the workspace. */
import { EXAMPLE_VAULT } from "../support/paths";
import { openCoverage, settle, startPluginOnFolder, type Harness } from "../plugin/plugin-harness";
import { COVERAGE_VIEW_TYPE } from "../../src/ui/coverage-view";
import { matchingProfiles } from "../../src/ui/profile-picker";
import { threatProfiles } from "../../src/core/threat-profiles";

const panel = (harness: Harness): HTMLElement => {
  const leaf = harness.app.workspace.getLeavesOfType(COVERAGE_VIEW_TYPE)[0];
  if (!leaf) throw new Error("no coverage leaf");
  return (leaf.view as unknown as { contentEl: HTMLElement }).contentEl;
};
const box = (el: HTMLElement): HTMLInputElement => {
  const input = el.querySelector<HTMLInputElement>(".attack-vault-filter-profile");
  if (!input) throw new Error("no profile picker");
  return input;
};
const options = (el: HTMLElement): string[] => Array.from(el.querySelectorAll(".attack-vault-profile-option .attack-vault-profile-name"), (option) => option.textContent ?? "");
const rowIds = (el: HTMLElement): string[] => [...new Set(Array.from(el.querySelectorAll<HTMLElement>(".attack-vault-coverage-body .attack-vault-technique"), (row) => row.dataset.technique ?? ""))].sort();
const type = (input: HTMLInputElement, text: string): void => {
  input.value = text;
  input.dispatchEvent(new Event("input"));
};
const key = (input: HTMLInputElement, name: string): void => void input.dispatchEvent(new KeyboardEvent("keydown", { key: name }));

async function panelOpen(): Promise<{ harness: Harness; el: HTMLElement; input: HTMLInputElement }> {
  const harness = await startPluginOnFolder(EXAMPLE_VAULT);
  await openCoverage(harness);
  const el = panel(harness);
  return { harness, el, input: box(el) };
}

describe("the threat profile picker", () => {
  test("sits beside the platform and tactic pickers and lists the vault's profiles when focused", async () => {
    const { el, input } = await panelOpen();
    expect(input.parentElement?.parentElement).toBe(el.querySelector(".attack-vault-filter-platform")?.parentElement);
    input.focus();
    expect(input.getAttribute("aria-expanded")).toBe("true");
    expect(options(el)).toEqual(["APT29 (G0016)", "Our threat model"]);
  });

  test.each([
    ["a name", "apt", ["APT29 (G0016)"]],
    ["an ATT&CK ID", "g0016", ["APT29 (G0016)"]],
    ["an alias", "cozy", ["APT29 (G0016)"]],
    ["part of a name", "threat", ["Our threat model"]],
    ["nothing that matches", "FIN7", []],
  ])("narrows as you type %s", async (_name, text, expected) => {
    const { el, input } = await panelOpen();
    input.focus();
    type(input, text);
    expect(options(el)).toEqual(expected);
  });

  test("choosing with the keyboard narrows the matrix to the profile's techniques and names it in the summary", async () => {
    const { harness, el, input } = await panelOpen();
    input.focus();
    type(input, "cozy");
    key(input, "ArrowDown");
    key(input, "Enter");
    await settle(harness.app);
    const apt29 = harness.plugin.service.index.get("Threat Profiles/G0016 - APT29.md")?.techniqueIds ?? [];
    expect(rowIds(el)).toEqual([...apt29].sort());
    expect(el.querySelector(".attack-vault-summary-profile")?.textContent).toBe("APT29: 12 techniques, 7 with rules (58.3%), 5 gaps");
    expect(input.value).toBe("APT29 (G0016)");
    expect(input.getAttribute("aria-expanded")).toBe("false");
  });

  test("choosing with the mouse does the same, and the choice combines with the tactic filter", async () => {
    const { harness, el, input } = await panelOpen();
    input.focus();
    el.querySelectorAll<HTMLElement>(".attack-vault-profile-option")[1]?.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }));
    await settle(harness.app);
    const tactic = el.querySelector<HTMLSelectElement>(".attack-vault-filter-tactic");
    if (!tactic) throw new Error("no tactic picker");
    tactic.value = "Impact";
    tactic.dispatchEvent(new Event("change"));
    expect(rowIds(el)).toEqual(["T1486", "T1490"]);
    expect(el.querySelector(".attack-vault-summary-profile")?.textContent).toBe("Our threat model: 11 techniques, 9 with rules (81.8%), 2 gaps; 1 more technique has no note in the vault");
    expect(el.querySelector(".attack-vault-summary-row.is-filtered .attack-vault-summary-techniques")?.textContent).toBe("2 techniques");
  });

  test("Escape closes the list and keeps the choice; emptying the box drops it; Clear filters too", async () => {
    const { harness, el, input } = await panelOpen();
    input.focus();
    type(input, "apt");
    key(input, "Enter");
    await settle(harness.app);
    const chosen = rowIds(el);
    input.focus();
    type(input, "our");
    key(input, "Escape");
    expect([input.value, rowIds(el)]).toEqual(["APT29 (G0016)", chosen]);
    type(input, "");
    await settle(harness.app);
    expect(el.querySelector(".attack-vault-summary-profile")).toBeNull();
    input.focus();
    type(input, "apt");
    key(input, "Enter");
    el.querySelector<HTMLButtonElement>(".attack-vault-filter-clear")?.click();
    input.blur();
    expect([input.value, el.querySelector(".attack-vault-summary-profile")]).toEqual(["", null]);
  });

  test("is live: a new profile is listed, and an edit to the chosen one redraws the matrix", async () => {
    const { harness, el, input } = await panelOpen();
    await harness.app.vault.create("Threat Profiles/Tunnelers.md", "---\ntags: [threat_profile]\ntechniques: [T1572]\n---\n");
    await settle(harness.app);
    input.focus();
    type(input, "tunnel");
    expect(options(el)).toEqual(["Tunnelers"]);
    key(input, "Enter");
    await settle(harness.app);
    expect(rowIds(el)).toEqual(["T1572"]);
    const file = harness.app.vault.getFileByPath("Threat Profiles/Tunnelers.md");
    if (!file) throw new Error("no profile");
    await harness.app.vault.modify(file, "---\ntags: [threat_profile]\ntechniques: [T1572, T1071]\n---\n");
    await settle(harness.app);
    expect(rowIds(el)).toEqual(["T1071", "T1572"]);
  });

  test("a new profile that lists no technique yet is in the list at once, and a deleted chosen one drops the filter", async () => {
    const { harness, el, input } = await panelOpen();
    await harness.app.vault.create("Threat Profiles/Blank slate.md", "---\ntags: [threat_profile]\n---\n");
    await settle(harness.app);
    input.focus();
    type(input, "blank");
    expect(options(el)).toEqual(["Blank slate"]);
    type(input, "our");
    key(input, "Enter");
    await settle(harness.app);
    expect(el.querySelector(".attack-vault-summary-profile")).not.toBeNull();
    const chosen = harness.app.vault.getFileByPath("Threat Profiles/Our threat model.md");
    if (!chosen) throw new Error("no profile");
    await harness.app.vault.delete(chosen);
    await settle(harness.app);
    expect(el.querySelector(".attack-vault-summary-profile")).toBeNull();
    expect(rowIds(el).length).toBeGreaterThan(20);
  });

  test("the export button with a profile chosen writes a layer named for it that scores only its techniques", async () => {
    const { harness, input } = await panelOpen();
    input.focus();
    type(input, "apt29");
    key(input, "Enter");
    await settle(harness.app);
    harness.app.workspace.containerEl.querySelector<HTMLButtonElement>(".attack-vault-export")?.click();
    await settle(harness.app);
    const file = harness.app.vault.getFiles().find((candidate) => candidate.path.startsWith("ATT&CK layers/"));
    expect(file?.name).toMatch(/^ATT&CK coverage \d{4}-\d{2}-\d{2} G0016 - APT29\.json$/);
    const layer = JSON.parse(await harness.app.vault.read(file!)) as { name: string; description: string; techniques: Array<{ techniqueID: string; score?: number }> };
    expect(layer.name).toContain("APT29");
    expect(layer.description).toContain("APT29: 12 techniques, 7 with rules (58.3%), 5 gaps");
    const apt29 = new Set(harness.plugin.service.index.get("Threat Profiles/G0016 - APT29.md")?.techniqueIds);
    expect(layer.techniques.filter((entry) => entry.score !== undefined && !apt29.has(entry.techniqueID))).toEqual([]);
  });

  test("the choice is view state, restored with the workspace", async () => {
    const { harness, input } = await panelOpen();
    input.focus();
    type(input, "our");
    key(input, "Enter");
    const view = harness.app.workspace.getLeavesOfType(COVERAGE_VIEW_TYPE)[0]?.view;
    const saved = view?.getState();
    expect(saved).toMatchObject({ profile: "Threat Profiles/Our threat model.md" });
    harness.app.workspace.detachLeavesOfType(COVERAGE_VIEW_TYPE);
    await harness.app.workspace.getRightLeaf(false)?.setViewState({ type: COVERAGE_VIEW_TYPE, state: saved });
    await settle(harness.app);
    expect(panel(harness).querySelector(".attack-vault-summary-profile")?.textContent).toMatch(/^Our threat model: 11 techniques/);
  });

  test("a vault without profiles shows no picker", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await harness.plugin.updateSettings({ profileTag: "adversary" });
    await settle(harness.app);
    await openCoverage(harness);
    expect(panel(harness).querySelector(".attack-vault-profile-picker")?.classList.contains("is-hidden")).toBe(true);
  });
});

describe("matching profiles", () => {
  test("names that start with the text come before those that hold it", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await harness.app.vault.create("Threat Profiles/Zebra APT.md", "---\ntags: [threat_profile]\ntechniques: [T1572]\n---\n");
    await settle(harness.app);
    expect(matchingProfiles(threatProfiles(harness.plugin.service.index), "apt").map((profile) => profile.name)).toEqual(["APT29", "Zebra APT"]);
  });
});

/** @jest-environment jsdom */
/** The panel's "Top gaps": techniques with no rule ranked by how many profiles list them, names on hover, live, under the panel's filters. */
import { EXAMPLE_VAULT } from "../support/paths";
import { countDrawings, openCoverage, settle, startPluginOnFolder, type Harness } from "../plugin/plugin-harness";
import { COVERAGE_VIEW_TYPE } from "../../src/ui/coverage-view";
import { TOP_GAPS_SHOWN } from "../../src/ui/top-gaps-section";

const panel = (harness: Harness): HTMLElement => {
  const leaf = harness.app.workspace.getLeavesOfType(COVERAGE_VIEW_TYPE)[0];
  if (!leaf) throw new Error("no coverage leaf");
  return (leaf.view as unknown as { contentEl: HTMLElement }).contentEl;
};
const gaps = (el: HTMLElement) =>
  Array.from(el.querySelectorAll<HTMLElement>(".attack-vault-top-gap"), (item) => ({
    id: item.dataset.technique,
    count: item.querySelector(".attack-vault-top-gap-count")?.textContent,
    hover: item.querySelector(".attack-vault-top-gap-names")?.textContent,
  }));

describe("top gaps in the panel", () => {
  test("rank the techniques with no rule by how many profiles list them, with their names on hover", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const el = panel(harness);
    expect(el.querySelector(".attack-vault-top-gaps > summary")?.textContent).toBe("Top gaps (7)");
    expect(gaps(el).slice(0, 3)).toEqual([
      { id: "T1027", count: "2 profiles", hover: "APT29 and Our threat model" },
      { id: "T1018", count: "1 profile", hover: "APT29" },
      { id: "T1041", count: "1 profile", hover: "APT29" },
    ]);
  });

  test("come before the matrix, and a technique's name opens its note", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const el = panel(harness);
    const section = el.querySelector(".attack-vault-top-gaps-section");
    expect(section?.nextElementSibling?.classList.contains("attack-vault-coverage-body")).toBe(true);
    section?.querySelector<HTMLElement>('.attack-vault-top-gap[data-technique="T1027"] a.internal-link')?.click();
    expect(harness.app.workspace.openedLinks.at(-1)?.linktext).toBe("Use Cases/T1027 - Obfuscated Files or Information.md");
  });

  test("a technique the vault has no note for is ranked, and says so", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const item = panel(harness).querySelector('.attack-vault-top-gap[data-technique="T1583.001"]');
    expect(item?.querySelector(".attack-vault-technique-name")?.textContent).toBe("Acquire Infrastructure: Domains (no note in the vault)");
  });

  test("follow a profile's edit, and a new rule takes a gap off the list", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    const view = await openCoverage(harness);
    await harness.app.vault.create("Threat Profiles/Tunnelers.md", "---\ntags: [threat_profile]\ntechniques: [T1572, T1027]\n---\n");
    await harness.app.vault.create("Threat Profiles/Spies.md", "---\ntags: [threat_profile]\ntechniques: [T1572]\n---\n");
    await settle(harness.app);
    expect(gaps(panel(harness)).slice(0, 2).map((gap) => [gap.id, gap.count])).toEqual([["T1027", "3 profiles"], ["T1572", "3 profiles"]]);
    const drawings = countDrawings(view.contentEl, ".attack-vault-matrix");
    await harness.app.vault.create("Detection Rules/tunnel.md", "---\ntitle: Tunnel\nlevel: high\ntags: [t1572, detection_rule]\n---\n");
    await settle(harness.app);
    expect(drawings()).toBe(1);
    expect(gaps(panel(harness)).map((gap) => gap.id)).not.toContain("T1572");
  });

  test("a chosen profile keeps its own gaps, still ranked across every profile", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    const view = await openCoverage(harness);
    await view.setState({ profile: "Threat Profiles/Our threat model.md" }, { history: false });
    expect(gaps(panel(harness)).map((gap) => [gap.id, gap.count])).toEqual([["T1027", "2 profiles"], ["T1562.001", "1 profile"], ["T1583.001", "1 profile"]]);
  });

  test("a long list shows the first ten and more on asking", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    const ids = ["T1018", "T1021", "T1027", "T1041", "T1053", "T1059", "T1070", "T1071", "T1087", "T1110.001", "T1136", "T1218", "T1543"];
    await harness.app.vault.create("Threat Profiles/Everything.md", `---\ntags: [threat_profile]\ntechniques: [${ids.join(", ")}]\n---\n`);
    await harness.plugin.updateSettings({ rollUpSubTechniques: false });
    await settle(harness.app);
    await openCoverage(harness);
    const el = panel(harness);
    expect(gaps(el)).toHaveLength(TOP_GAPS_SHOWN);
    el.querySelector<HTMLButtonElement>(".attack-vault-top-gaps .attack-vault-show-all")?.click();
    expect(gaps(el).length).toBeGreaterThan(TOP_GAPS_SHOWN);
  });

  test("a vault without profiles has no such section", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await harness.plugin.updateSettings({ profileTag: "adversary" });
    await settle(harness.app);
    await openCoverage(harness);
    expect(panel(harness).querySelector(".attack-vault-top-gaps")).toBeNull();
  });
});

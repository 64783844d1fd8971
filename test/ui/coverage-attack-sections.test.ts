/** @jest-environment jsdom */
/** The panel's ATT&CK sections: techniques the vault has no note for, and IDs it only references. */
import { EXAMPLE_VAULT } from "../support/paths";
import { openCoverage, settle, startPluginOnFolder } from "../plugin/plugin-harness";

describe("the panel beyond the vault's notes", () => {
  test("lists ATT&CK techniques the vault has no note for, folded until opened", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const section = harness.app.workspace.containerEl.querySelector<HTMLDetailsElement>(".attack-vault-attack-section.is-missing");
    expect(section?.querySelector("summary")?.textContent).toMatch(/^ATT&CK v18\.1 techniques with no note in the vault \(\d+\)$/);
    expect(section?.querySelectorAll("li")).toHaveLength(0);
    section!.open = true;
    section!.dispatchEvent(new Event("toggle"));
    const items = Array.from(section!.querySelectorAll("li"), (li) => li.textContent ?? "");
    expect(items).toContainEqual(expect.stringMatching(/^T1001 Data Obfuscation/));
    expect(items.filter((text) => text.startsWith("T1059.001"))).toEqual([]);
  });
});

describe("IDs the vault only references", () => {
  test("are named from ATT&CK, with their rules", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    harness.app.vault.createNow("Detection Rules/unnoted.md", '---\ntitle: "Unnoted"\ntags: [t1001_001, detection_rule]\n---\n');
    await settle(harness.app);
    await openCoverage(harness);
    const section = harness.app.workspace.containerEl.querySelector<HTMLDetailsElement>(".attack-vault-attack-section.is-referenced");
    if (!section) throw new Error("no section for referenced IDs");
    section.open = true;
    section.dispatchEvent(new Event("toggle"));
    const item = Array.from(section.querySelectorAll("li")).find((li) => li.textContent?.startsWith("T1001.001"));
    expect(item?.textContent).toContain("Data Obfuscation: Junk Data");
    expect(item?.querySelector("a.internal-link")?.getAttribute("data-href")).toBe("Detection Rules/unnoted.md");
  });
});

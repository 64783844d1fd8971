/** @jest-environment jsdom */
/** The coverage panel: summary, matrix by tactic, statuses readable without colour, filters kept across reloads. */
import { readFileSync } from "node:fs";
import { COVERAGE_VIEW_TYPE } from "../../src/ui/coverage-view";
import { EXAMPLE_VAULT, REPO_ROOT } from "../support/paths";
import { countDrawings, openCoverage, settle, startPluginOnFolder, type Harness } from "../plugin/plugin-harness";

const truth = JSON.parse(readFileSync(`${REPO_ROOT}/test/fixtures/example-vault.expected.json`, "utf8")) as { techniqueNotes: number; tactics: string[] };

const panel = (harness: Harness): HTMLElement => {
  const leaf = harness.app.workspace.getLeavesOfType(COVERAGE_VIEW_TYPE)[0];
  if (!leaf) throw new Error("no coverage leaf");
  return (leaf.view as unknown as { contentEl: HTMLElement }).contentEl;
};
const visibleIds = (el: HTMLElement): string[] =>
  Array.from(el.querySelectorAll<HTMLElement>(".attack-vault-technique"))
    .filter((row) => row.isShown())
    .map((row) => row.dataset.technique ?? "");
const unique = (ids: string[]): string[] => [...new Set(ids)].sort();

async function setSelect(select: HTMLSelectElement | null, value: string): Promise<void> {
  if (!select) throw new Error("no such picker");
  select.value = value;
  select.dispatchEvent(new Event("change"));
}

describe("the coverage panel", () => {
  test("opens in the right sidebar from the command and the ribbon", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    expect(harness.app.commands.executeCommandById("attack-vault:open-coverage")).toBe(true);
    await settle(harness.app);
    const leaves = harness.app.workspace.getLeavesOfType(COVERAGE_VIEW_TYPE);
    expect(leaves).toHaveLength(1);
    expect(panel(harness).closest(".mod-right-split")).toBe(harness.app.workspace.rightSplit.containerEl);
    leaves[0]?.detach();
    expect(harness.app.workspace.getLeavesOfType(COVERAGE_VIEW_TYPE)).toHaveLength(0);
    const ribbon = document.querySelector<HTMLElement>('.side-dock-ribbon-action[aria-label="Open ATT&CK coverage"]');
    if (!ribbon) throw new Error("no ribbon icon");
    ribbon.click();
    await settle(harness.app);
    expect(harness.app.workspace.getLeavesOfType(COVERAGE_VIEW_TYPE)).toHaveLength(1);
  });

  test("summarises techniques, rules and tests as counts and percentages", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const summary = panel(harness).querySelector(".attack-vault-summary-row.is-overall")?.textContent ?? "";
    expect(summary).toContain(`${truth.techniqueNotes} techniques`);
    expect(summary).toMatch(/\d+ \([\d.]+%\) with a detection rule/);
    expect(summary).toMatch(/\d+ \([\d.]+%\) with a test/);
  });

  test("groups techniques by tactic in ATT&CK order", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const tactics = Array.from(panel(harness).querySelectorAll(".attack-vault-tactic-name"), (el) => el.textContent);
    expect(tactics).toEqual(truth.tactics);
  });

  test("every status has a mark and words, not colour alone", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const statuses = new Set(Array.from(panel(harness).querySelectorAll(".attack-vault-status"), (el) => `${el.querySelector(".attack-vault-status-mark")?.textContent} ${el.querySelector(".attack-vault-status-text")?.textContent}`));
    expect([...statuses].sort()).toEqual(["! Tests, no rule", "◐ Rules, no test", "✓ Rules and tests", "✗ No rule"]);
  });

  test("sub-techniques fold under their parent, which says when its rules come only from them", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const parent = panel(harness).querySelector<HTMLElement>('.attack-vault-technique[data-technique="T1059"]');
    expect(parent?.textContent).toContain("(via sub-techniques)");
    expect(visibleIds(panel(harness))).not.toContain("T1059.001");
    parent?.querySelector<HTMLElement>(".attack-vault-subs-toggle")?.click();
    expect(visibleIds(panel(harness))).toContain("T1059.001");
  });

  test.each([
    ["a platform", async (el: HTMLElement) => setSelect(el.querySelector(".attack-vault-filter-platform"), "macOS"), { kept: ["T1059"], dropped: ["T1047"] }],
    ["a tactic", async (el: HTMLElement) => setSelect(el.querySelector(".attack-vault-filter-tactic"), "Impact"), { kept: ["T1486", "T1490"], dropped: "all others" as const }],
    [
      "only gaps",
      async (el: HTMLElement) => {
        const box = el.querySelector<HTMLInputElement>(".attack-vault-filter-gaps input");
        if (!box) throw new Error("no checkbox");
        box.checked = true;
        box.dispatchEvent(new Event("change"));
      },
      { kept: ["T1572"], dropped: ["T1059.001"] },
    ],
  ])("filtering by %s narrows the matrix and shows filtered counts", async (_name, apply, { kept, dropped }: { kept: string[]; dropped: string[] | "all others" }) => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const before = unique(visibleIds(panel(harness)));
    await apply(panel(harness));
    const after = unique(visibleIds(panel(harness)));
    expect(after.length).toBeLessThan(before.length);
    // What the filter keeps stays; what it drops is gone (named, or everything but what it keeps).
    expect(after.filter((id) => kept.includes(id))).toEqual(kept);
    expect(after.filter((id) => (dropped === "all others" ? !kept.includes(id) : dropped.includes(id)))).toEqual([]);
    expect(panel(harness).querySelector(".attack-vault-summary-row.is-filtered")).not.toBeNull();
  });

  test("typing an ID narrows the matrix and keeps the focus in the box", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const box = panel(harness).querySelector<HTMLInputElement>(".attack-vault-filter-text");
    if (!box) throw new Error("no text filter");
    box.focus();
    box.value = "T1486";
    box.dispatchEvent(new Event("input"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(unique(visibleIds(panel(harness)))).toEqual(["T1486"]);
    expect(document.activeElement).toBe(box);
  });

  test("filters are view state, restored when the panel is reopened", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    const view = await openCoverage(harness);
    await setSelect(panel(harness).querySelector(".attack-vault-filter-tactic"), "Impact");
    const saved = view.getState();
    expect(saved).toMatchObject({ tactic: "Impact" });
    const leaf = harness.app.workspace.getLeavesOfType(COVERAGE_VIEW_TYPE)[0];
    leaf?.detach();
    const restored = harness.app.workspace.getRightLeaf(false);
    await restored?.setViewState({ type: COVERAGE_VIEW_TYPE, state: saved });
    await settle(harness.app);
    expect(panel(harness).querySelector<HTMLSelectElement>(".attack-vault-filter-tactic")?.value).toBe("Impact");
  });

  test("lists the vault's problems, each opening its note", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    harness.app.vault.createNow("Use Cases/T1486 - Copy.md", "---\ntags: [T1486, techniques, Impact]\ntactics: Impact\n---\n");
    await settle(harness.app);
    await openCoverage(harness);
    const problems = panel(harness).querySelector(".attack-vault-problems");
    expect(problems?.textContent).toContain("claims T1486");
    const duplicate = Array.from(problems?.querySelectorAll<HTMLElement>("a.internal-link") ?? []).find((link) => link.dataset.href?.startsWith("Use Cases/T1486 - "));
    duplicate?.click();
    expect(harness.app.workspace.openedLinks.at(-1)?.linktext).toBe(duplicate?.dataset.href);
    expect(problems?.textContent).toContain("registry_set_defender_realtime_disabled.md has frontmatter that Obsidian could not read");
  });
});

describe("problems follow the vault", () => {
  test("a note that names no technique, whose frontmatter breaks, appears in the problems at once", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    const view = await openCoverage(harness);
    const drawings = countDrawings(view.contentEl, ".attack-vault-matrix");
    await harness.app.vault.create("Inbox/meeting.md", "---\ntags: [, meeting]\n---\nnotes\n");
    await settle(harness.app);
    expect(panel(harness).querySelector(".attack-vault-problems")?.textContent).toContain("Inbox/meeting.md has frontmatter that Obsidian could not read");
    // The matrix is not drawn again for a note that moves no coverage.
    expect(drawings()).toBe(0);
  });
});

describe("go to next uncovered technique", () => {
  test("opens the technique notes with no rule in ID order, from the active note", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    const opened: string[] = [];
    for (let i = 0; i < 3; i++) {
      harness.app.commands.executeCommandById("attack-vault:next-uncovered-technique");
      await settle(harness.app);
      opened.push(harness.app.workspace.openedLinks.at(-1)?.linktext ?? "");
    }
    const ids = opened.map((path) => /T\d{4}(\.\d{3})?/.exec(path)?.[0]);
    expect(ids).toEqual(["T1018", "T1027", "T1041"]);
  });
});

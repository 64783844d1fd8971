/** @jest-environment jsdom */
/** Creating, retagging, renaming and deleting a rule note updates open blocks and the panel, without re-rendering the note. */
import { EXAMPLE_VAULT } from "../support/paths";
import { countDrawings, openCoverage, openNote, renderedBlocks, settle, startPluginOnFolder, type Harness } from "./plugin-harness";

const GAP_NOTE_PREFIX = "Use Cases/T1572 ";
const NEW_RULE = "Detection Rules/new_tunnel_rule.md";
const rule = (tags: string) => `---\ntitle: "Tunnel over DNS"\nstatus: "test"\nlevel: "high"\ntags: [${tags}]\n---\n\n## Tunnel over DNS\n`;

async function gapNoteOpen(): Promise<{ harness: Harness; content: HTMLElement; blockEl: () => Element | null }> {
  const harness = await startPluginOnFolder(EXAMPLE_VAULT);
  const path = harness.app.vault.getMarkdownFiles().find((file) => file.path.startsWith(GAP_NOTE_PREFIX))?.path ?? "";
  const content = await openNote(harness.app, path);
  return { harness, content, blockEl: () => content.querySelector(".block-language-attack-vault-query") };
}

function panelRow(harness: Harness, id: string): string {
  const row = harness.app.workspace.containerEl.querySelector(`.attack-vault-technique[data-technique="${id}"] .attack-vault-status-text`);
  return row?.textContent ?? "(no row)";
}

describe("live updates", () => {
  test("a new rule for an uncovered technique turns the block and the panel covered; the note is not re-rendered", async () => {
    const { harness, content, blockEl } = await gapNoteOpen();
    await openCoverage(harness);
    const hostBefore = blockEl();
    expect(renderedBlocks(content)[0]?.gap).toBe("No detection rule covers T1572");
    expect(panelRow(harness, "T1572")).toBe("No rule");
    await harness.app.vault.create(NEW_RULE, rule("command_and_control, t1572, detection_rule"));
    await settle(harness.app);
    expect(renderedBlocks(content)[0]?.links).toEqual([NEW_RULE]);
    expect(blockEl()).toBe(hostBefore);
    expect(panelRow(harness, "T1572")).toBe("Rules, no test");
  });

  test("retagging the rule away brings the gap back", async () => {
    const { harness, content } = await gapNoteOpen();
    await harness.app.vault.create(NEW_RULE, rule("t1572, detection_rule"));
    await settle(harness.app);
    const file = harness.app.vault.getFileByPath(NEW_RULE);
    if (!file) throw new Error("rule not created");
    await harness.app.vault.modify(file, rule("t1071, detection_rule"));
    await settle(harness.app);
    expect(renderedBlocks(content)[0]).toMatchObject({ links: [], gap: "No detection rule covers T1572" });
  });

  test("renaming the rule updates the link target; deleting it restores the gap in block and panel", async () => {
    const { harness, content } = await gapNoteOpen();
    await openCoverage(harness);
    await harness.app.vault.create(NEW_RULE, rule("t1572, detection_rule"));
    await settle(harness.app);
    const file = harness.app.vault.getFileByPath(NEW_RULE);
    if (!file) throw new Error("rule not created");
    await harness.app.vault.rename(file, "Detection Rules/renamed_rule.md");
    await settle(harness.app);
    expect(renderedBlocks(content)[0]?.links).toEqual(["Detection Rules/renamed_rule.md"]);
    const renamed = harness.app.vault.getFileByPath("Detection Rules/renamed_rule.md");
    if (!renamed) throw new Error("rename lost the file");
    await harness.app.vault.delete(renamed);
    await settle(harness.app);
    expect(renderedBlocks(content)[0]?.gap).toBe("No detection rule covers T1572");
    expect(panelRow(harness, "T1572")).toBe("No rule");
  });

  test("a change no block depends on does not redraw the block", async () => {
    const { harness, content } = await gapNoteOpen();
    const before = content.querySelector(".attack-vault-block");
    await harness.app.vault.create("Inbox/meeting.md", "---\ntags: [meeting]\n---\nnotes\n");
    await settle(harness.app);
    expect(content.querySelector(".attack-vault-block")).toBe(before);
  });

  test("a burst of changes redraws the panel once, not once per change", async () => {
    const { harness } = await gapNoteOpen();
    const view = await openCoverage(harness);
    const drawings = countDrawings(view.contentEl, ".attack-vault-matrix");
    for (let i = 0; i < 50; i++) harness.app.vault.createNow(`Detection Rules/burst_${i}.md`, rule("t1572, detection_rule"));
    await settle(harness.app);
    expect(drawings()).toBe(1);
    expect(panelRow(harness, "T1572")).toBe("Rules, no test");
  });
});

describe("blocks that are not shown", () => {
  test("do no work while hidden and catch up when their tab is shown again", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    const { app } = harness;
    const gapPath = app.vault.getMarkdownFiles().find((file) => file.path.startsWith(GAP_NOTE_PREFIX))?.path ?? "";
    const content = await openNote(app, gapPath);
    const gapLeaf = app.workspace.getLeaf(false);
    const otherLeaf = app.workspace.getLeaf("tab");
    await otherLeaf.openFile(app.vault.getFileByPath("Detection Rules.md")!);
    app.workspace.setActiveLeaf(otherLeaf);
    await settle(app);
    const hiddenBlock = content.querySelector(".attack-vault-block");
    expect(content.querySelector<HTMLElement>(".block-language-attack-vault-query")?.isShown()).toBe(false);
    await app.vault.create(NEW_RULE, rule("t1572, detection_rule"));
    await settle(app);
    expect(content.querySelector(".attack-vault-block")).toBe(hiddenBlock);
    app.workspace.setActiveLeaf(gapLeaf);
    await settle(app);
    expect(renderedBlocks(content)[0]?.links).toEqual([NEW_RULE]);
  });
});

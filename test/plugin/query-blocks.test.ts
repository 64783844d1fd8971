/** @jest-environment jsdom */
/** Query blocks rendered by the plugin in the fake app's reading view, from the example vault. */
import { severityRank } from "../../src/core/sigma-level";
import { EXAMPLE_VAULT } from "../support/paths";
import { openNote, renderedBlocks, settle, startPluginOnFolder } from "./plugin-harness";

const POWERSHELL = "Use Cases/T1059.001 - Command and Scripting Interpreter- PowerShell.md";

describe("a technique note's blocks", () => {
  test("list its detection rules and atomic tests with counts in the header", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    const blocks = renderedBlocks(await openNote(app, POWERSHELL));
    expect(blocks.map((block) => block.header.replace(/\s+/g, " "))).toEqual([
      `Detection rules · ${blocks[0]?.links.length}`,
      `Atomic tests · ${blocks[1]?.links.length}`,
    ]);
    expect(blocks[0]?.links.length).toBeGreaterThan(0);
    expect(blocks[0]?.links.filter((path) => !path.startsWith("Detection Rules/"))).toEqual([]);
    expect(blocks[1]?.links.filter((path) => !path.startsWith("Testing Runbooks/"))).toEqual([]);
  });

  test("rules are sorted by level, most severe first", async () => {
    const { app, plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    const [rules] = renderedBlocks(await openNote(app, POWERSHELL));
    const ranks = (rules?.links ?? []).map((path) => severityRank(plugin.service.index.get(path)?.level ?? null));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  test("a technique with no rule shows the gap in the user's words", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    const path = app.vault.getMarkdownFiles().find((file) => file.path.startsWith("Use Cases/T1572 "))?.path ?? "";
    const [rules] = renderedBlocks(await openNote(app, path));
    expect(rules).toMatchObject({ links: [], gap: "No detection rule covers T1572" });
  });

  test("blocks inside callouts render the same", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    const content = await openNote(app, "Detection Rules.md");
    const callouts = content.querySelectorAll(".callout .attack-vault-block");
    expect(callouts.length).toBeGreaterThan(5);
  });

  test("a query error shows its message and position, never a stack", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    await app.vault.create("Broken query.md", "```query\ntag: detection_rule\n(tag: T1059\n```\n");
    await settle(app);
    const [block] = renderedBlocks(await openNote(app, "Broken query.md"));
    expect(block?.error).toMatch(/line 2, column 1/);
    expect(block?.error).not.toMatch(/\bat .*\.(ts|js)/);
  });
});

/** @jest-environment jsdom */
/**
 * technique: in the plugin: attack-query blocks and the API answer it; ```query blocks keep
 * core Search's semantics, refuse it naming both fixes, and hint when tag: holds a dotted ID.
 */
import { runCli } from "../../src/cli/main";
import { EXAMPLE_VAULT } from "../support/paths";
import { openNote, renderedBlocks, settle, startPluginOnFolder } from "./plugin-harness";

const fence = (language: string, query: string): string => `\`\`\`${language}\n${query}\n\`\`\`\n`;

async function blocksOf(note: string): Promise<{ blocks: ReturnType<typeof renderedBlocks>; hints: string[][] }> {
  const harness = await startPluginOnFolder(EXAMPLE_VAULT);
  await harness.app.vault.create("Queries.md", note);
  await settle(harness.app);
  const content = await openNote(harness.app, "Queries.md");
  content.querySelectorAll<HTMLButtonElement>(".attack-vault-show-all").forEach((button) => button.click());
  const hints = Array.from(content.querySelectorAll(".attack-vault-block"), (block) => Array.from(block.querySelectorAll(".attack-vault-hint"), (hint) => hint.textContent ?? ""));
  return { blocks: renderedBlocks(content), hints };
}

describe("technique: in the plugin", () => {
  test("an attack-query block lists what the CLI's query and the API list for it", async () => {
    const query = "tag:detection_rule technique:t1059_001";
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    const fromApi = harness.plugin.api.query(query);
    const fromCli = (JSON.parse(runCli(["query", EXAMPLE_VAULT, query, "--json"]).stdout) as { results: string[] }).results;
    const { blocks } = await blocksOf(fence("attack-query", query));
    expect(fromCli.length).toBeGreaterThan(0);
    expect({ block: [...(blocks[0]?.links ?? [])].sort(), api: fromApi.ok ? fromApi.paths : [] }).toEqual({ block: fromCli, api: fromCli });
  });

  test("a ```query block refuses technique:, naming tag: and attack-query blocks", async () => {
    const { blocks } = await blocksOf(fence("query", "tag:detection_rule technique:T1059.001"));
    expect(blocks[0]).toMatchObject({ header: "Not supported here", links: [], error: expect.stringMatching(/attack-query blocks, the CLI and the API.*tag:T1059_001/) });
  });

  test("a ```query block with tag:T1059.001 lists what core Search would (nothing) and says how to fix it", async () => {
    const { blocks, hints } = await blocksOf(fence("query", "tag:detection_rule tag:T1059.001"));
    expect(blocks[0]).toMatchObject({ links: [], gap: "No detection rule covers T1059.001" });
    expect(hints[0]).toEqual([expect.stringMatching(/Write tag:T1059_001, .*or, in an attack-query block, technique:T1059\.001/)]);
  });

  test("the API's answer carries the same hint", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    const answer = harness.plugin.api.query("tag:T1059.001");
    expect(answer).toEqual({ ok: true, paths: [], hints: [expect.stringMatching(/or technique:T1059\.001, ATT&CK Vault's own/)] });
  });
});

/** @jest-environment jsdom */
/** The index the plugin builds from Obsidian's metadata cache answers every block exactly as `attack-vault blocks`. */
import { runCli } from "../../src/cli/main";
import { runQuery } from "../../src/core/query/evaluate";
import { EXAMPLE_VAULT, hasRealVault, REAL_VAULT } from "../support/paths";
import { startPluginOnFolder } from "./plugin-harness";
import type { BlockAnswer } from "../support/block-answer";


const vaults = [["the example vault", EXAMPLE_VAULT], ...(hasRealVault ? [["the real vault", REAL_VAULT]] : [])];

describe.each(vaults)("%s", (_name, vaultDir) => {
  test("every query block gets the CLI's answer from the plugin's index", async () => {
    const { plugin } = await startPluginOnFolder(vaultDir ?? "");
    const blocks = JSON.parse(runCli(["blocks", vaultDir ?? "", "--json"]).stdout) as BlockAnswer[];
    expect(blocks.length).toBeGreaterThan(0);
    const differing = blocks.filter((block) => {
      const answer = runQuery(block.query, plugin.service.index);
      const fromPlugin = answer.ok ? { results: answer.value } : { error: answer.error.message };
      const fromCli = block.results ? { results: block.results } : { error: block.error };
      return JSON.stringify(fromPlugin) !== JSON.stringify(fromCli);
    });
    expect(differing.map((block) => `${block.note}:${block.line}`)).toEqual([]);
  });
});

/** @jest-environment jsdom */
/** The plugin on the real catalogue vault gives exactly what `attack-vault blocks` gives. */
import { runCli } from "../../src/cli/main";
import { describeWithRealVault, REAL_VAULT } from "../support/paths";
import { openCoverage, openNote, renderedBlocks, startPluginOnFolder } from "./plugin-harness";
import type { BlockAnswer } from "../support/block-answer";

const POWERSHELL = "Use Cases/T1059.001 - Command and Scripting Interpreter- PowerShell.md";


describeWithRealVault("the plugin on the real vault", () => {
  const cliBlocks = JSON.parse(runCli(["blocks", REAL_VAULT, "--json"]).stdout) as BlockAnswer[];

  test("the T1059.001 note renders the same notes as the CLI, for both blocks, after show all", async () => {
    const { app } = await startPluginOnFolder(REAL_VAULT);
    const content = await openNote(app, POWERSHELL);
    content.querySelectorAll<HTMLButtonElement>(".attack-vault-show-all").forEach((button) => button.click());
    const rendered = renderedBlocks(content).map((block) => [...block.links].sort());
    const fromCli = cliBlocks.filter((block) => block.note === POWERSHELL).map((block) => block.results ?? []);
    expect(rendered).toEqual(fromCli);
    expect(rendered[0]).toHaveLength(175);
  });

  test("a long list shows the first rules and a show-all button with the full count", async () => {
    const { app } = await startPluginOnFolder(REAL_VAULT);
    const content = await openNote(app, POWERSHELL);
    expect(content.querySelector(".attack-vault-block-count")?.textContent).toBe(" · 175");
    expect(content.querySelector(".attack-vault-show-all")?.textContent).toBe("Show all 175");
    expect(content.querySelectorAll(".attack-vault-block")[0]?.querySelectorAll("a.internal-link").length).toBeLessThan(175);
  });

  test("the panel counts the vault's 625 techniques", async () => {
    const harness = await startPluginOnFolder(REAL_VAULT);
    await openCoverage(harness);
    expect(harness.app.workspace.containerEl.querySelector(".attack-vault-summary-techniques")?.textContent).toBe("625 techniques");
  });
});

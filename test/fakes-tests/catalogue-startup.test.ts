/** @jest-environment jsdom */
/** The fake app on the real catalogue vault: every note indexed, and its callouts' query blocks drawn by core Search. */
import { createFakeApp, MarkdownView, Plugin } from "../fakes/obsidian";
import { loadVaultFolder } from "../fakes/load-vault-folder";
import { REAL_VAULT, describeWithRealVault, hasRealVault } from "../support/paths";

class EmptyPlugin extends Plugin {}

describeWithRealVault("the fake app on the use-case catalogue", () => {
  const files = hasRealVault ? loadVaultFolder(REAL_VAULT) : {};

  test("starts with every note indexed, a technique note's tags in its frontmatter", async () => {
    const app = createFakeApp({ files });
    await app.start();
    const notes = app.vault.getMarkdownFiles();
    const technique = app.metadataCache.getFileCache(app.vault.getFileByPath("Use Cases/T1001 - Data Obfuscation.md")!);
    expect([notes.filter((file) => app.metadataCache.getFileCache(file) !== null).length, technique?.frontmatter?.tags]).toEqual([notes.length, ["T1001", "techniques", "Command_and_Control"]]);
  });

  test("Detection Rules.md hands each callout's query block to core Search, never to a processor for `query`", async () => {
    const app = createFakeApp({ files });
    const sources: string[] = [];
    (await app.plugins.loadPlugin(EmptyPlugin)).registerMarkdownCodeBlockProcessor("query", (source) => void sources.push(source));
    await app.start();
    await app.workspace.getLeaf().openFile(app.vault.getFileByPath("Detection Rules.md")!);
    await app.debug.settle();
    const titles = app.workspace.getActiveViewOfType(MarkdownView)!.contentEl.findAll(".callout .internal-query-header-title").map((title) => title.textContent);
    expect([titles.length, titles[0], sources]).toEqual([14, "tag: Reconnaissance \ntag: detection_rule", []]);
  });
});

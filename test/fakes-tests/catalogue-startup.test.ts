/** @jest-environment jsdom */
import { MarkdownView, Plugin, createFakeApp, getAllTags } from "../fakes/obsidian";
import { loadVaultFolder } from "../fakes/load-vault-folder";
import { REAL_VAULT, describeWithRealVault, hasRealVault } from "../support/paths";

class EmptyPlugin extends Plugin {}

describeWithRealVault("the fake app on the use-case catalogue", () => {
  const files = hasRealVault ? loadVaultFolder(REAL_VAULT) : {};

  test("starts with every note indexed", async () => {
    const app = createFakeApp({ files });
    await app.start();
    const notes = app.vault.getMarkdownFiles();
    expect([notes.length, notes.filter((f) => app.metadataCache.getFileCache(f) !== null).length]).toEqual([3731, 3731]);
  });

  test("a technique note's tags come from its frontmatter list", async () => {
    const app = createFakeApp({ files });
    await app.start();
    const note = app.vault.getFileByPath("Use Cases/T1001 - Data Obfuscation.md")!;
    expect(getAllTags(app.metadataCache.getFileCache(note)!)).toEqual(["#T1001", "#techniques", "#Command_and_Control"]);
  });

  test("Detection Rules.md hands each callout's query block to core Search, never to a processor for `query`", async () => {
    const app = createFakeApp({ files });
    const sources: string[] = [];
    const plugin = await app.plugins.loadPlugin(EmptyPlugin);
    plugin.registerMarkdownCodeBlockProcessor("query", (source) => { sources.push(source); });
    await app.start();
    await app.workspace.getLeaf().openFile(app.vault.getFileByPath("Detection Rules.md")!);
    await app.debug.settle();
    const content = app.workspace.getActiveViewOfType(MarkdownView)!.contentEl;
    const titles = Array.from(content.querySelectorAll(".callout .internal-query-header-title"), (title) => title.textContent);
    expect([titles.length, titles[0], sources]).toEqual([14, "tag: Reconnaissance \ntag: detection_rule", []]);
  });
});

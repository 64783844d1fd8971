/** @jest-environment jsdom */
import { MarkdownView, Plugin, createFakeApp, getAllTags } from "../fakes/obsidian";
import { loadVaultFolder } from "../fakes/load-vault-folder";
import { describeWithRealVault, REAL_VAULT } from "../support/paths";

class EmptyPlugin extends Plugin {}

describeWithRealVault("the fake app on the use-case catalogue", () => {
  const files = loadVaultFolder(REAL_VAULT);

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

  test("Detection Rules.md sends each callout's query block to the processor", async () => {
    const app = createFakeApp({ files, coreSearchEnabled: false });
    const sources: string[] = [];
    const plugin = await app.plugins.loadPlugin(EmptyPlugin);
    plugin.registerMarkdownCodeBlockProcessor("query", (source) => { sources.push(source); });
    await app.start();
    await app.workspace.getLeaf().openFile(app.vault.getFileByPath("Detection Rules.md")!);
    expect([app.workspace.getActiveViewOfType(MarkdownView) !== null, sources[0]]).toEqual([true, "tag: Reconnaissance \ntag: detection_rule"]);
  });
});

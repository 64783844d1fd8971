/** @jest-environment jsdom */
import { TFile, createFakeApp } from "../fakes/obsidian";
import type { App, TAbstractFile } from "../fakes/obsidian";

/** Every vault and metadata event, as "source:event path". */
function recordEvents(app: App): string[] {
  const log: string[] = [];
  for (const name of ["create", "modify", "delete"]) app.vault.on(name, (file: TAbstractFile) => log.push(`vault:${name} ${file.path}`));
  app.vault.on("rename", (file: TAbstractFile, oldPath: string) => log.push(`vault:rename ${oldPath} -> ${file.path}`));
  app.metadataCache.on("changed", (file: TFile) => log.push(`changed ${file.path}`));
  app.metadataCache.on("deleted", (file: TFile) => log.push(`deleted ${file.path}`));
  app.metadataCache.on("resolved", () => log.push("resolved"));
  return log;
}

async function startedApp(files: Record<string, string>): Promise<{ app: App; log: string[] }> {
  const app = createFakeApp({ files });
  await app.start();
  return { app, log: recordEvents(app) };
}

describe("vault and metadata events", () => {
  test("rename fires only the vault's rename", async () => {
    const { app, log } = await startedApp({ "a.md": "#tag", "folder/x.md": "" });
    await app.vault.rename(app.vault.getFileByPath("a.md")!, "folder/b.md");
    await app.debug.settle();
    expect(log).toEqual(["vault:rename a.md -> folder/b.md"]);
  });

  test("a renamed note keeps its cache under the new path", async () => {
    const { app } = await startedApp({ "a.md": "#tag" });
    const file = app.vault.getFileByPath("a.md")!;
    await app.vault.rename(file, "b.md");
    expect(app.metadataCache.getFileCache(file)?.tags?.[0]?.tag).toBe("#tag");
  });

  test("changes in one tick fire modify each, then changed each, then resolved once", async () => {
    const { app, log } = await startedApp({ "a.md": "", "b.md": "" });
    await Promise.all([app.vault.modify(app.vault.getFileByPath("a.md")!, "x"), app.vault.modify(app.vault.getFileByPath("b.md")!, "y")]);
    await app.debug.settle();
    expect(log).toEqual(["vault:modify a.md", "vault:modify b.md", "changed a.md", "changed b.md", "resolved"]);
  });

  test("changed does not fire during the write itself", async () => {
    const { app, log } = await startedApp({ "a.md": "" });
    const writing = app.vault.modify(app.vault.getFileByPath("a.md")!, "x");
    const seenDuringWrite = log.slice();
    await writing;
    expect(seenDuringWrite).toEqual(["vault:modify a.md"]);
  });

  test("a new note fires create, then changed once indexed, then resolved", async () => {
    const { app, log } = await startedApp({});
    await app.vault.create("Notes/new.md", "#fresh");
    await app.debug.settle();
    expect(log).toEqual(["vault:create Notes", "vault:create Notes/new.md", "changed Notes/new.md", "resolved"]);
  });

  test("changed carries the new content and its cache", async () => {
    const { app } = await startedApp({ "a.md": "" });
    const seen: unknown[] = [];
    app.metadataCache.on("changed", (_file: TFile, data: string, cache: { tags?: Array<{ tag: string }> }) => seen.push([data, cache.tags?.map((t) => t.tag)]));
    await app.vault.modify(app.vault.getFileByPath("a.md")!, "now #tagged");
    expect(seen).toEqual([["now #tagged", ["#tagged"]]]);
  });

  test("delete fires the vault's delete, then deleted with the previous cache", async () => {
    const { app, log } = await startedApp({ "a.md": "#gone" });
    const previous: unknown[] = [];
    app.metadataCache.on("deleted", (_file: TFile, prevCache: { tags?: Array<{ tag: string }> } | null) => previous.push(prevCache?.tags?.[0]?.tag));
    await app.vault.delete(app.vault.getFileByPath("a.md")!);
    await app.debug.settle();
    expect([log, previous]).toEqual([["vault:delete a.md", "deleted a.md", "resolved"], ["#gone"]]);
  });

  test("create on an existing path throws Obsidian's error", async () => {
    const { app } = await startedApp({ "a.md": "" });
    await expect(app.vault.create("a.md", "x")).rejects.toThrow("File already exists.");
  });
});

describe("startup", () => {
  test("start announces each file with create, runs layout-ready callbacks, then fires resolved once", async () => {
    const app = createFakeApp({ files: { "f/a.md": "", "b.md": "" } });
    const log = recordEvents(app);
    app.workspace.onLayoutReady(() => log.push("layout ready"));
    await app.start();
    expect(log).toEqual(["vault:create f", "vault:create f/a.md", "vault:create b.md", "layout ready", "resolved"]);
  });

  test("before start the cache is empty; after, every note has one", async () => {
    const app = createFakeApp({ files: { "a.md": "text" } });
    const file = app.vault.getFileByPath("a.md")!;
    const before = app.metadataCache.getFileCache(file);
    await app.start();
    expect([before, app.metadataCache.getFileCache(file)]).toEqual([null, expect.objectContaining({ sections: expect.any(Array) })]);
  });

  test("onLayoutReady after start runs the callback at once", async () => {
    const app = createFakeApp();
    await app.start();
    let ran = false;
    app.workspace.onLayoutReady(() => { ran = true; });
    expect(ran).toBe(true);
  });
});

describe("the vault's files and write log", () => {
  test("files carry Obsidian's names, parent and stat", () => {
    const app = createFakeApp({ files: { "Use Cases/T1001 - Data Obfuscation.md": "héllo" } });
    const file = app.vault.getAbstractFileByPath("Use Cases/T1001 - Data Obfuscation.md");
    expect(file instanceof TFile && [file.name, file.basename, file.extension, file.parent?.path, file.stat.size]).toEqual(
      ["T1001 - Data Obfuscation.md", "T1001 - Data Obfuscation", "md", "Use Cases", 6],
    );
  });

  test("getMarkdownFiles leaves out other files", () => {
    const app = createFakeApp({ files: { "a.md": "", "LICENSE": "", "img.png": "" } });
    expect(app.vault.getMarkdownFiles().map((f) => f.path)).toEqual(["a.md"]);
  });

  test("every kind of write is recorded in order", async () => {
    const app = createFakeApp({ files: { "a.md": "" } });
    const file = app.vault.getFileByPath("a.md")!;
    await app.vault.modify(file, "1");
    await app.vault.create("b.md", "2");
    await app.vault.rename(file, "c.md");
    await app.vault.adapter.write("d.md", "3");
    await app.vault.delete(app.vault.getFileByPath("b.md")!);
    expect(app.vault.writes.map((w) => `${w.kind} ${w.path}`)).toEqual(["modify a.md", "create b.md", "rename a.md", "adapter.write d.md", "delete b.md"]);
  });

  test("reads record nothing", async () => {
    const app = createFakeApp({ files: { "a.md": "text" } });
    const file = app.vault.getFileByPath("a.md")!;
    await app.vault.read(file);
    await app.vault.cachedRead(file);
    await app.vault.adapter.read("a.md");
    expect(app.vault.writes).toEqual([]);
  });

  test("adapter.exists sees vault files and hidden config files", async () => {
    const app = createFakeApp({ files: { "a.md": "" } });
    await app.vault.adapter.write(".obsidian/plugins/x/data.json", "{}");
    expect(await Promise.all(["a.md", ".obsidian/plugins/x/data.json", "missing.md"].map((p) => app.vault.adapter.exists(p)))).toEqual([true, true, false]);
  });
});

describe("rename order", () => {
  test("a rename listener already finds the metadata cache under the new path", async () => {
    const app = createFakeApp({ files: { "a.md": "---\ntags: [x]\n---\n" } });
    await app.start();
    const seen: unknown[] = [];
    app.vault.on("rename", (file) => seen.push(app.metadataCache.getFileCache(file as TFile)?.frontmatter));
    await app.vault.rename(app.vault.getFileByPath("a.md")!, "b.md");
    expect(seen).toEqual([{ tags: ["x"] }]);
  });
});

/** @jest-environment jsdom */
/** The metadata cache as the plugin reads it, and the vault and cache events around a change. */
import type { CachedMetadata } from "obsidian";
import { inlineTags } from "../../src/core/tags";
import { createFakeApp, type App } from "../fakes/obsidian";

async function cacheOf(content: string): Promise<CachedMetadata | null> {
  const app = createFakeApp({ files: { "note.md": content } });
  await app.start();
  return app.metadataCache.getFileCache(app.vault.getFileByPath("note.md")!) as CachedMetadata | null;
}

describe("a note's cache (worker.js id 56547900761)", () => {
  test.each<[string, string, Record<string, unknown> | undefined, boolean]>([
    ["a YAML mapping is the frontmatter", "---\ntitle: Data Obfuscation\ntags: [T1001, techniques]\n---\nbody", { title: "Data Obfuscation", tags: ["T1001", "techniques"] }, true],
    ["dates stay strings, numbers stay numbers", "---\ncreated: 2017-05-31\nversion: 1.1\n---\n", { created: "2017-05-31", version: 1.1 }, true],
    ["invalid YAML: no frontmatter, only the section", "---\ntags: [, detection_rule]\n---\nbody", undefined, true],
    ["a list is no mapping", "---\n- a\n- b\n---\n", undefined, true],
    ["a single value is no mapping", "---\njust text\n---\n", undefined, true],
    ["an unclosed block is no frontmatter at all", "---\ntitle: A\n", undefined, false],
  ])("%s", async (_name, content, frontmatter, yamlSection) => {
    const cache = await cacheOf(content);
    expect([cache?.frontmatter, cache?.frontmatterPosition !== undefined, cache?.sections?.[0]?.type === "yaml"]).toEqual([frontmatter, frontmatter !== undefined, yamlSection]);
  });

  test("the frontmatter's position spans the opening to the closing ---", async () => {
    expect((await cacheOf("---\na: 1\n---\nbody"))?.frontmatterPosition).toEqual({ start: { line: 0, col: 0, offset: 0 }, end: { line: 2, col: 3, offset: 12 } });
  });

  test("tags are the body's inline tags as the core reads them, each with its #", async () => {
    const body = "see #alpha and `#code`\n```\n#fenced\n```\n> #quoted #beta/child";
    expect((await cacheOf(`---\ntags: [frontmatter]\n---\n${body}`))?.tags?.map((tag) => tag.tag)).toEqual(inlineTags(body).map((tag) => `#${tag}`));
  });
});

/** Every vault and cache event from now on, as "source:event path". */
function recordEvents(app: App): string[] {
  const log: string[] = [];
  for (const name of ["create", "modify", "delete"]) app.vault.on(name, (file: { path: string }) => log.push(`vault:${name} ${file.path}`));
  app.vault.on("rename", (file: { path: string }, oldPath: string) => log.push(`vault:rename ${oldPath} -> ${file.path}`));
  app.metadataCache.on("changed", (file: { path: string }) => log.push(`changed ${file.path}`));
  app.metadataCache.on("deleted", (file: { path: string }, previous: CachedMetadata | null) => log.push(`deleted ${file.path} ${previous?.tags?.[0]?.tag}`));
  app.metadataCache.on("resolved", () => log.push("resolved"));
  return log;
}

describe("events (obsidian.d.ts)", () => {
  test("at start: create for each file, then the layout is ready, then resolved once", async () => {
    const app = createFakeApp({ files: { "f/a.md": "", "b.md": "" } });
    const log = recordEvents(app);
    app.workspace.onLayoutReady(() => log.push("layout ready"));
    await app.start();
    expect(log).toEqual(["vault:create f/a.md", "vault:create b.md", "layout ready", "resolved"]);
  });

  test("changes in one tick: modify each, then changed each once indexed, never during the write, then resolved once", async () => {
    const app = createFakeApp({ files: { "a.md": "", "b.md": "" } });
    await app.start();
    const log = recordEvents(app);
    const writing = Promise.all([app.vault.modify(app.vault.getFileByPath("a.md")!, "x"), app.vault.modify(app.vault.getFileByPath("b.md")!, "y")]);
    const duringWrite = log.slice();
    await writing;
    await app.debug.settle();
    expect([duringWrite, log]).toEqual([["vault:modify a.md", "vault:modify b.md"], ["vault:modify a.md", "vault:modify b.md", "changed a.md", "changed b.md", "resolved"]]);
  });

  test("a rename fires only the vault's rename, and a listener finds the cache under the new path", async () => {
    const app = createFakeApp({ files: { "a.md": "#tag" } });
    await app.start();
    const log = recordEvents(app);
    app.vault.on("rename", (file: { path: string }) => log.push(`cache ${app.metadataCache.getFileCache(app.vault.getFileByPath(file.path)!)?.tags?.[0]?.tag}`));
    await app.vault.rename(app.vault.getFileByPath("a.md")!, "b.md");
    await app.debug.settle();
    expect(log).toEqual(["vault:rename a.md -> b.md", "cache #tag"]);
  });

  test("a delete fires the vault's delete, then deleted with the previous cache", async () => {
    const app = createFakeApp({ files: { "a.md": "#gone" } });
    await app.start();
    const log = recordEvents(app);
    await app.vault.delete(app.vault.getFileByPath("a.md")!);
    await app.debug.settle();
    expect(log).toEqual(["vault:delete a.md", "deleted a.md #gone", "resolved"]);
  });

  test("before start the cache is empty", () => {
    const app = createFakeApp({ files: { "a.md": "text" } });
    expect(app.metadataCache.getFileCache(app.vault.getFileByPath("a.md")!)).toBeNull();
  });
});

/** @jest-environment jsdom */
import { Component, MarkdownRenderChild, MarkdownRenderer, MarkdownView, Plugin, createFakeApp } from "../fakes/obsidian";
import type { App, MarkdownPostProcessorContext } from "../fakes/obsidian";

class EmptyPlugin extends Plugin {}

interface QueryCall { source: string; el: HTMLElement; ctx: MarkdownPostProcessorContext }

const NOTE = [
  "---", //                       0
  "tags: [detection_rule]", //    1
  "---", //                       2
  "# Detection Rules", //         3
  "", //                          4
  ">[!info]- Reconnaissance", //  5
  ">```own ", //                  6
  ">tag: Reconnaissance ", //     7
  ">tag: detection_rule", //      8
  "> ```", //                     9
  "", //                          10
  "~~~own", //                    11
  "tag: tilde", //                12
  "~~~", //                       13
].join("\n");

/** An app with `own` claimed by a test plugin that logs its calls and adds one child per block. */
async function openWithOwnProcessor(files: Record<string, string>, path: string): Promise<{ app: App; calls: QueryCall[]; log: string[]; view: MarkdownView }> {
  const app = createFakeApp({ files });
  const calls: QueryCall[] = [];
  const log: string[] = [];
  const plugin = await app.plugins.loadPlugin(EmptyPlugin);
  plugin.registerMarkdownCodeBlockProcessor("own", (source, el, ctx) => {
    const n = calls.push({ source, el, ctx });
    const child = new (class extends MarkdownRenderChild {
      override onload(): void { log.push(`load ${n}`); }
      override onunload(): void { log.push(`unload ${n}`); }
    })(el);
    ctx.addChild(child);
  });
  await app.start();
  await app.workspace.getLeaf().openFile(app.vault.getFileByPath(path)!);
  await app.debug.settle();
  return { app, calls, log, view: app.workspace.getActiveViewOfType(MarkdownView)! };
}

describe("reading view code blocks", () => {
  test("blocks, in a callout and in a ~~~ fence, reach the processor with their source", async () => {
    const { calls } = await openWithOwnProcessor({ "Rules.md": NOTE }, "Rules.md");
    expect(calls.map((c) => c.source)).toEqual(["tag: Reconnaissance \ntag: detection_rule", "tag: tilde"]);
  });

  test("the processor's element is a fresh div.block-language-own in the callout's content", async () => {
    const { calls } = await openWithOwnProcessor({ "Rules.md": NOTE }, "Rules.md");
    const el = calls[0]!.el;
    expect([el.tagName, el.className, el.parentElement?.className, el.isConnected]).toEqual(["DIV", "block-language-own", "callout-content", true]);
  });

  test("the context names the note, its frontmatter and each block's section lines", async () => {
    const { calls } = await openWithOwnProcessor({ "Rules.md": NOTE }, "Rules.md");
    const [callout, tilde] = calls;
    expect([
      callout!.ctx.sourcePath,
      callout!.ctx.frontmatter,
      callout!.ctx.getSectionInfo(callout!.el),
      tilde!.ctx.getSectionInfo(tilde!.el),
    ]).toEqual(["Rules.md", { tags: ["detection_rule"] }, { text: NOTE, lineStart: 5, lineEnd: 9 }, { text: NOTE, lineStart: 11, lineEnd: 13 }]);
  });

  test("rerender unloads the previous blocks' children and builds new blocks", async () => {
    const { calls, log, view } = await openWithOwnProcessor({ "Rules.md": NOTE }, "Rules.md");
    const firstEl = calls[0]!.el;
    view.previewMode.rerender(true);
    expect([log, firstEl.isConnected, calls.length]).toEqual([["load 1", "load 2", "unload 1", "unload 2", "load 3", "load 4"], false, 4]);
  });

  test("editing another part of the note keeps an unchanged query block alive", async () => {
    const { app, calls, log } = await openWithOwnProcessor({ "Rules.md": NOTE }, "Rules.md");
    await app.vault.modify(app.vault.getFileByPath("Rules.md")!, NOTE.replace("# Detection Rules", "# Renamed"));
    await app.debug.settle();
    expect([log, calls[0]!.el.isConnected]).toEqual([["load 1", "load 2"], true]);
  });

  test("editing a query block recreates that block only", async () => {
    const { app, log } = await openWithOwnProcessor({ "Rules.md": NOTE }, "Rules.md");
    await app.vault.modify(app.vault.getFileByPath("Rules.md")!, NOTE.replace("tag: tilde", "tag: changed"));
    await app.debug.settle();
    expect(log.slice().sort()).toEqual(["load 1", "load 2", "load 3", "unload 2"]);
  });

  test("closing the leaf unloads the blocks' children", async () => {
    const { app, log } = await openWithOwnProcessor({ "Rules.md": NOTE }, "Rules.md");
    app.workspace.activeLeaf!.detach();
    expect(log.slice(2).sort()).toEqual(["unload 1", "unload 2"]);
  });

  test("every query block goes to core Search before any processor, in callouts too, whether its core plugin is on or off", async () => {
    const note = NOTE.replaceAll("own", "query");
    for (const coreSearchEnabled of [true, false]) {
      const app = createFakeApp({ files: { "Rules.md": note }, coreSearchEnabled });
      const seen: string[] = [];
      (await app.plugins.loadPlugin(EmptyPlugin)).registerMarkdownPostProcessor((el) => {
        seen.push(...el.findAll("code").map((code) => code.className));
      });
      await app.start();
      await app.workspace.getLeaf().openFile(app.vault.getFileByPath("Rules.md")!);
      await app.debug.settle();
      const titles = app.workspace.getActiveViewOfType(MarkdownView)!.contentEl.findAll(".internal-query .internal-query-header-title");
      expect([titles.map((title) => title.textContent), seen]).toEqual([["tag: Reconnaissance \ntag: detection_rule", "tag: tilde"], []]);
    }
  });

  test("a processor registered for `query` (once core Search's plugin is off) is never called in the reading view", async () => {
    const app = createFakeApp({ files: { "q.md": "```query\ntag: x\n```" }, coreSearchEnabled: false });
    const queryCalls: string[] = [];
    (await app.plugins.loadPlugin(EmptyPlugin)).registerMarkdownCodeBlockProcessor("query", (source) => { queryCalls.push(source); });
    await app.start();
    await app.workspace.getLeaf().openFile(app.vault.getFileByPath("q.md")!);
    await app.debug.settle();
    expect([queryCalls, app.workspace.containerEl.findAll(".internal-query").length]).toEqual([[], 1]);
  });
});

describe("the static postProcess, patched as a plugin would", () => {
  test("a patch sees every section before core Search, and can rename a block away from it", async () => {
    const app = createFakeApp({ files: { "q.md": "```query\ntag: x\n```" } });
    const ownSources: string[] = [];
    (await app.plugins.loadPlugin(EmptyPlugin)).registerMarkdownCodeBlockProcessor("own", (source) => { ownSources.push(source); });
    const original = MarkdownRenderer.postProcess;
    MarkdownRenderer.postProcess = function (this: unknown, ...args: Parameters<typeof original>) {
      args[1].el.findAll("code.language-query").forEach((code) => code.classList.replace("language-query", "language-own"));
      return original.apply(this, args);
    };
    try {
      await app.start();
      await app.workspace.getLeaf().openFile(app.vault.getFileByPath("q.md")!);
      await app.debug.settle();
      expect([ownSources, app.workspace.containerEl.findAll(".internal-query").length]).toEqual([["tag: x"], 0]);
    } finally {
      MarkdownRenderer.postProcess = original;
    }
  });
});

describe("reading view rendering", () => {
  async function render(markdown: string): Promise<HTMLElement> {
    createFakeApp();
    const el = createDiv();
    await MarkdownRenderer.render(null, markdown, el, "note.md", new Component());
    return el;
  }

  test("a code block without a processor is pre > code.language-x holding its text", async () => {
    const el = await render("```yml\ntitle: <b>x</b>\n```");
    const code = el.find("pre > code.language-yml");
    expect([code?.textContent, el.findAll("b").length]).toEqual(["title: <b>x</b>\n", 0]);
  });

  test("HTML in a paragraph stays text", async () => {
    const el = await render("<script>alert(1)</script> <b>bold</b>");
    expect([el.find("p")?.textContent, el.findAll("script, b").length]).toEqual(["<script>alert(1)</script> <b>bold</b>", 0]);
  });

  test.each([
    ["# One", "h1", "One"],
    ["### Three ###", "h3", "Three"],
    ["Setext\n===", "h1", "Setext"],
    ["a paragraph", "p", "a paragraph"],
    ["- item", "ul", "item"],
    ["> quoted", "blockquote", "quoted"],
  ])("%j renders as %s", async (markdown, tag, text) => {
    const el = await render(markdown);
    expect([el.firstElementChild?.tagName.toLowerCase(), el.firstElementChild?.textContent]).toEqual([tag, text]);
  });

  test("a callout has its type, its title, and a default title from the type", async () => {
    const el = await render("> [!warning] Careful\n> body\n\n> [!note]\n> other");
    const callouts = el.findAll(".callout");
    expect(callouts.map((c) => [c.getAttr("data-callout"), c.find(".callout-title-inner")?.textContent, c.find(".callout-content")?.textContent])).toEqual([
      ["warning", "Careful", "body"],
      ["note", "Note", "other"],
    ]);
  });

  test("a folded callout hides its content until the title is clicked", async () => {
    const el = await render("> [!info]- Folded\n> hidden");
    document.body.appendChild(el);
    const content = el.find(".callout-content") as HTMLElement;
    const before = content.isShown();
    (el.find(".callout-title") as HTMLElement).click();
    expect([before, content.isShown()]).toEqual([false, true]);
  });

  test("MarkdownRenderer.render gives no section info and adds children to the component", async () => {
    const seen: unknown[] = [];
    const plugin = new EmptyPlugin(createFakeApp(), { id: "p", name: "P", author: "", version: "", minAppVersion: "", description: "" });
    plugin.registerMarkdownCodeBlockProcessor("own", (_source, el, ctx) => {
      seen.push(ctx.getSectionInfo(el));
      ctx.addChild(new MarkdownRenderChild(el));
    });
    const owner = new Component();
    owner.load();
    await MarkdownRenderer.render(null, "```own\nx\n```", createDiv(), "note.md", owner);
    expect([seen, owner._children.length]).toEqual([[null], 1]);
  });
});

describe("links built by a code block processor", () => {
  test("get no click or hover handling from the reading view", async () => {
    const app = createFakeApp({ files: { "n.md": "```own\nx\n```\n\n[[n]]\n" } });
    const plugin = await app.plugins.loadPlugin(EmptyPlugin);
    plugin.registerMarkdownCodeBlockProcessor("own", (_source, el) => {
      el.createEl("a", { cls: "internal-link", text: "n", attr: { "data-href": "n.md" } });
    });
    await app.start();
    await app.workspace.getLeaf().openFile(app.vault.getFileByPath("n.md")!);
    await app.debug.settle();
    app.workspace.openedLinks.length = 0;
    const blockLink = app.workspace.containerEl.querySelector<HTMLElement>(".block-language-own a.internal-link")!;
    blockLink.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    blockLink.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    expect([app.workspace.openedLinks, app.workspace.hoverEvents]).toEqual([[], []]);
  });
});

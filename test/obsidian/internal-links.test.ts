/** @jest-environment jsdom */
/** Links in blocks and the panel behave like Obsidian's own. */
import { shownMenus } from "../fakes/obsidian";
import { EXAMPLE_VAULT } from "../support/paths";
import { openCoverage, openNote, startPluginOnFolder } from "../plugin/plugin-harness";

const POWERSHELL = "Use Cases/T1059.001 - Command and Scripting Interpreter- PowerShell.md";

async function firstRuleLink() {
  const harness = await startPluginOnFolder(EXAMPLE_VAULT);
  const content = await openNote(harness.app, POWERSHELL);
  const link = content.querySelector<HTMLAnchorElement>(".attack-vault-block a.internal-link");
  if (!link) throw new Error("no rule link rendered");
  harness.app.workspace.openedLinks.length = 0;
  return { ...harness, link, target: link.getAttribute("data-href") ?? "" };
}

describe("links in a block", () => {
  test("are internal links with data-href", async () => {
    const { link, target } = await firstRuleLink();
    expect([link.classList.contains("internal-link"), target.startsWith("Detection Rules/")]).toEqual([true, true]);
  });

  test.each([
    ["a click opens in the current tab", "click", { button: 0 }, false],
    ["Ctrl-click opens a new tab", "click", { button: 0, ctrlKey: true }, "tab"],
    ["Cmd-click opens a new tab", "click", { button: 0, metaKey: true }, "tab"],
    ["a middle-click opens a new tab", "auxclick", { button: 1 }, "tab"],
  ])("%s", async (_name, type, init, newLeaf) => {
    const { app, link, target } = await firstRuleLink();
    link.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, ...init }));
    expect(app.workspace.openedLinks).toEqual([{ linktext: target, sourcePath: POWERSHELL, newLeaf }]);
  });

  test("hovering raises the page preview with our hover source", async () => {
    const { app, link, target } = await firstRuleLink();
    link.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    expect(app.workspace.hoverEvents.map((event) => [event.source, event.linktext, event.sourcePath, event.targetEl])).toEqual([["attack-vault", target, POWERSHELL, link]]);
    expect(app.debug.hoverLinkSources()).toContain("attack-vault");
  });

  test("right-click shows Obsidian's link menu: its open items, then what file-menu handlers add", async () => {
    const { app, link, target } = await firstRuleLink();
    shownMenus.length = 0;
    const fileMenuSources: string[] = [];
    app.workspace.on("file-menu", (_menu: unknown, file: { path: string }, source: string) => fileMenuSources.push(`${source} ${file.path}`));
    link.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true }));
    const titles = shownMenus[0]?.items.map((item) => item.title);
    expect([shownMenus.length, titles, fileMenuSources]).toEqual([1, ["Open in new tab", "Open to the right", "Open in new window"], [`link-context-menu ${target}`]]);
  });

  test("the link menu's Open in new tab opens the rule in a new tab", async () => {
    const { app, link, target } = await firstRuleLink();
    shownMenus.length = 0;
    link.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true }));
    const item = shownMenus[0]?.items.find((entry) => entry.title === "Open in new tab");
    if (!item) throw new Error("no Open in new tab item");
    item.dom.click();
    expect(app.workspace.openedLinks).toEqual([{ linktext: target, sourcePath: POWERSHELL, newLeaf: "tab" }]);
  });
});

describe("links in the panel", () => {
  test("clicking a technique opens its note; Ctrl-click in a new tab", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const link = harness.app.workspace.containerEl.querySelector<HTMLAnchorElement>('.attack-vault-technique[data-technique="T1059"] a.internal-link');
    if (!link) throw new Error("no T1059 row");
    harness.app.workspace.openedLinks.length = 0;
    link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
    link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0, ctrlKey: true }));
    expect(harness.app.workspace.openedLinks.map((opened) => [opened.linktext, opened.newLeaf])).toEqual([
      ["Use Cases/T1059 - Command and Scripting Interpreter.md", false],
      ["Use Cases/T1059 - Command and Scripting Interpreter.md", "tab"],
    ]);
  });
});

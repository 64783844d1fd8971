/**
 * Links in a rendered block under real mouse events: a click opens the rule in the current tab,
 * Ctrl-click and middle-click in a new tab, hovering raises the page preview; the browser itself never follows them.
 */
import type { Locator } from "playwright-core";
import { sharedSession } from "./browser-session";
import { noteBlocks } from "./page-reading";
import { POWERSHELL } from "./vault-truth";

type ClickOptions = Parameters<Locator["click"]>[0];

const browser = sharedSession();


/** The first rule link of the T1059.001 note, with nothing recorded yet. */
async function firstRuleLink(): Promise<{ link: Locator; target: string }> {
  await browser.page.mouse.move(0, 0); // the pointer comes from elsewhere, as a person's would
  await browser.page.evaluate((path) => window.attackVaultE2E!.openNote(path), POWERSHELL);
  const link = noteBlocks(browser.page).first().locator("a.internal-link").first();
  const target = (await link.getAttribute("data-href")) ?? "";
  await browser.page.evaluate(() => window.attackVaultE2E!.clearRecords());
  return { link, target };
}

const clicks: Array<[string, ClickOptions, string | boolean]> = [
  ["a click opens it in the current tab", {}, false],
  ["Ctrl-click opens it in a new tab", { modifiers: ["Control"] }, "tab"],
  ["a middle-click opens it in a new tab", { button: "middle" }, "tab"],
];

describe("a rule link in the T1059.001 note", () => {
  test.each(clicks)("%s", async (_name, options, newLeaf) => {
    const { link, target } = await firstRuleLink();
    await link.click(options);
    const { openedLinks } = await browser.page.evaluate(() => window.attackVaultE2E!.records());
    expect(openedLinks).toEqual([{ linktext: target, sourcePath: POWERSHELL, newLeaf }]);
  });

  test.each(clicks)("%s, and the browser itself navigates nowhere", async (_name, options) => {
    const { link } = await firstRuleLink();
    const before = browser.page.url();
    await link.click(options);
    await browser.page.evaluate(() => window.attackVaultE2E!.settle());
    expect([browser.page.url(), browser.session.context.pages().length]).toEqual([before, 1]);
  });

  test("opened with a click, shows the rule note in the main pane", async () => {
    const { link, target } = await firstRuleLink();
    await link.click();
    await browser.page.evaluate(() => window.attackVaultE2E!.settle());
    const title = await browser.page.locator(".mod-root .workspace-leaf:visible .view-header-title").textContent();
    expect(title).toBe(target.replace(/^.*\//, "").replace(/\.md$/, ""));
  });

  test("hovered, raises the page preview with the plugin's hover source", async () => {
    const { link, target } = await firstRuleLink();
    await link.hover();
    const { hoverEvents } = await browser.page.evaluate(() => window.attackVaultE2E!.records());
    expect(hoverEvents).toEqual([{ source: "attack-vault", linktext: target, sourcePath: POWERSHELL }]);
  });
});

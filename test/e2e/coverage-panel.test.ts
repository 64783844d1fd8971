/** The coverage panel in the right sidebar in Chromium: it flags the gaps, its filters narrow it, its links open notes. */
import type { Page } from "playwright-core";
import type { CoverageFilter } from "../../src/core/coverage";
import { plural } from "../../src/core/wording";
import { sharedSession } from "./browser-session";
import { freshPanelEachTest, panel, panelRow, shownRowIds } from "./page-reading";
import { vaultTruth } from "./vault-truth";

const truth = vaultTruth();
const platform = truth.platforms.find((choice) => choice === "macOS") ?? truth.platforms[0] ?? "";
const browser = sharedSession();

freshPanelEachTest(browser);

describe("the coverage panel", () => {
  test("counts the techniques with no rule as the core does", async () => {
    const overall = truth.coverage().overall;
    const summary = panel(browser.page).locator(".attack-vault-summary-row.is-overall");
    expect(await summary.locator(".attack-vault-summary-techniques, .attack-vault-summary-gaps").allTextContents()).toEqual([
      `${overall.techniques} techniques`,
      `${overall.gaps} with no detection rule`,
    ]);
  });

  test("flags every technique with no rule, and only those", async () => {
    const noRule = truth.coverage().rows.filter((row) => row.status === "no-rule").map((row) => row.id);
    await shownRowIds(browser.page);
    const flagged = await panel(browser.page)
      .locator(".attack-vault-technique.attack-vault-status-no-rule")
      .evaluateAll((rows) => [...new Set(rows.map((row) => (row as HTMLElement).dataset.technique ?? ""))].sort());
    expect(flagged).toEqual([...new Set(noRule)].filter((id) => truth.listedIds().has(id)).sort());
  });

  test("marks a flagged row in words and with the theme's error red on its edge", async () => {
    const look = await panelRow(browser.page, truth.gap.id).first().evaluate((row) => ({
      words: row.querySelector(".attack-vault-status")?.textContent,
      edge: getComputedStyle(row).borderLeftColor,
    }));
    expect(look).toEqual({ words: "✗No rule", edge: "rgb(233, 49, 71)" });
  });

  test("tints a flagged row's background only lightly, so its red words stay readable", async () => {
    const background = await panelRow(browser.page, truth.gap.id).first().evaluate((row) => getComputedStyle(row).backgroundColor);
    const alpha = Number(/rgba\(.*,\s*([\d.]+)\)$/.exec(background)?.[1] ?? 1);
    expect(alpha).toBeLessThanOrEqual(0.2);
  });

  const filters: Array<[string, (page: Page) => Promise<void>, CoverageFilter]> = [
    [`one platform (${platform})`, (page) => panel(page).locator(".attack-vault-filter-platform").selectOption({ label: platform }).then(() => undefined), { platform }],
    ['"only gaps"', (page) => panel(page).getByText("Only gaps").click(), { status: "gaps" }],
    [`the ID ${truth.gap.id} typed in the box`, (page) => panel(page).locator(".attack-vault-filter-text").pressSequentially(truth.gap.id), { text: truth.gap.id }],
  ];

  test.each(filters)("filtered to %s, shows the techniques the core selects", async (_name, apply, filter) => {
    await apply(browser.page);
    const expected = truth.coverage(filter).filtered.techniques;
    await panel(browser.page).locator(".attack-vault-summary-row.is-filtered .attack-vault-summary-techniques").filter({ hasText: plural(expected, "technique") }).waitFor();
    expect(await shownRowIds(browser.page)).toEqual([...truth.listedIds(filter)].sort());
  });

  test.each(filters)("filtered to %s, shows fewer techniques than before", async (_name, apply) => {
    const before = (await shownRowIds(browser.page)).length;
    await apply(browser.page);
    await panel(browser.page).locator(".attack-vault-summary-row.is-filtered").waitFor();
    await browser.page.waitForFunction((count) => document.querySelectorAll(".attack-vault-technique").length < count, before);
    expect((await shownRowIds(browser.page)).length).toBeLessThan(before);
  });

  test("opens a technique's note in the current tab when its name is clicked", async () => {
    await panelRow(browser.page, truth.gap.id).first().locator("a.internal-link").click();
    const { openedLinks } = await browser.page.evaluate(() => window.attackVaultE2E!.records());
    expect(openedLinks).toEqual([{ linktext: truth.gap.note, sourcePath: "", newLeaf: false }]);
  });

  test("shows the technique's note in the main pane once its name is clicked", async () => {
    await panelRow(browser.page, truth.gap.id).first().locator("a.internal-link").click();
    await browser.page.evaluate(() => window.attackVaultE2E!.settle());
    const heading = browser.page.locator(".mod-root .workspace-leaf:visible .view-header-title");
    expect(await heading.textContent()).toBe(truth.gap.note.replace(/^.*\//, "").replace(/\.md$/, ""));
  });
});

/** Reading the e2e page from the tests: rendered blocks, panel rows, and what went wrong. */
import type { Locator, Page } from "playwright-core";
import "./page/e2e-api";
import type { E2ESession } from "./browser-session";

/** The rendered ```query blocks of the note shown in the main pane (not those of background tabs), in order. */
export function noteBlocks(page: Page): Locator {
  return page.locator(".mod-root .workspace-leaf:visible .block-language-attack-vault-query");
}

export function panel(page: Page): Locator {
  return page.locator(".mod-right-split .attack-vault-coverage");
}

/** A new panel before each test of the file: no filter, nothing unfolded, no records of clicks. */
export function freshPanelEachTest(browser: { page: Page }): void {
  beforeEach(async () => {
    await browser.page.evaluate(async () => {
      await window.attackVaultE2E!.closeCoverage();
      await window.attackVaultE2E!.openCoverage();
      window.attackVaultE2E!.clearRecords();
    });
  });
}

export function panelRow(page: Page, techniqueId: string): Locator {
  return panel(page).locator(`.attack-vault-technique[data-technique="${techniqueId}"]`);
}

export async function linkTargets(container: Locator): Promise<string[]> {
  return container.locator("a.internal-link").evaluateAll((links) => links.map((link) => link.getAttribute("data-href") ?? ""));
}

/** The notes a rendered block lists: its own links, not those of the line under it that names threat profiles. */
export async function blockLinkTargets(block: Locator): Promise<string[]> {
  return linkTargets(block.locator(".attack-vault-block"));
}

/** Open every folded parent so the panel draws all its rows, then the IDs of the rows shown. */
export async function shownRowIds(page: Page): Promise<string[]> {
  return panel(page).evaluate((el) => {
    el.querySelectorAll<HTMLButtonElement>('.attack-vault-subs-toggle[aria-expanded="false"]').forEach((toggle) => toggle.click());
    const rows = Array.from(el.querySelectorAll<HTMLElement>(".attack-vault-technique")).filter((row) => row.checkVisibility());
    return [...new Set(rows.map((row) => row.dataset.technique ?? ""))].sort();
  });
}

/** Errors the page threw or logged, and those the fake app caught in the plugin's listeners and processors. */
export async function pageProblems(session: E2ESession | undefined): Promise<string[]> {
  // Without a session the browser never started, and beforeAll has already failed the test saying why.
  if (!session) return [];
  const appErrors = await session.page.evaluate(() => window.attackVaultE2E?.records().appErrors ?? []);
  return [...session.pageErrors, ...appErrors];
}

/**
 * What a person sees, saved as PNGs under test/e2e/artifacts/ on every run, with the layout
 * checks a screenshot cannot make by itself; and that the first-render timings the benchmark's
 * target 8 takes (bench/targets/first-render.ts) read the whole vault.
 * E2E_UPDATE_DOCS=1 also refreshes the two screenshots the README shows (docs/).
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { coverageRows } from "../../src/core/coverage";
import { REPO_ROOT } from "../support/paths";
import { saveScreenshot, startSession, VIEWPORT, type E2ESession } from "./browser-session";
import type { BrowserFigures } from "./page/e2e-api";
import { noteBlocks, pageProblems, panel } from "./page-reading";
import { POWERSHELL, vaultTruth } from "./vault-truth";

const DOCS_SHOTS: Record<string, string> = { "technique-note": "docs/technique-note.png", "panel-light": "docs/coverage-panel.png", "threat-profiles": "docs/threat-profiles.png" };
const truth = vaultTruth();
let session: E2ESession;
let page: Page;
let figures: BrowserFigures;

beforeAll(async () => {
  session = await startSession();
  page = await session.freshPage();
  // First, before anything else renders: these are first renders.
  figures = await page.evaluate((note) => window.attackVaultE2E!.measureFirstRenders(note), POWERSHELL);
}, 60_000);
afterAll(async () => session?.close());

/** Show a note in the main pane, its first query block at the top, and the panel beside it. */
async function showNote(page: Page, note: string): Promise<void> {
  await page.evaluate(async (path) => {
    const api = window.attackVaultE2E!;
    api.setTheme("light");
    api.setSidebarWidth("40%");
    await api.openNote(path);
    await api.openCoverage();
  }, note);
  // The block's heading is the section before the block's own; start the view there.
  await noteBlocks(page).first().evaluate((block) => (block.parentElement?.previousElementSibling ?? block).scrollIntoView({ block: "start" }));
}

async function showPanel(page: Page, options: { theme: "light" | "dark"; onlyGaps?: boolean; sidebar?: string }): Promise<void> {
  await page.evaluate(async ({ theme, sidebar }) => {
    const api = window.attackVaultE2E!;
    api.setTheme(theme);
    api.setSidebarWidth(sidebar ?? "40%");
    await api.closeCoverage();
    await api.openCoverage();
  }, options);
  if (options.onlyGaps) await panel(page).getByText("Only gaps").click();
  await page.evaluate(() => window.attackVaultE2E!.settle());
}

/** The panel with a threat profile chosen in its picker (APT29 where the vault has it), the first top gap hovered. */
async function showProfile(page: Page): Promise<void> {
  await showPanel(page, { theme: "light" });
  const box = panel(page).locator(".attack-vault-filter-profile");
  await box.click();
  await box.pressSequentially("APT29");
  await box.press("Enter");
  await page.evaluate(() => window.attackVaultE2E!.settle());
  await panel(page).locator(".attack-vault-top-gap").first().hover();
}

const shots: Array<[string, (page: Page) => Promise<void>, "page" | "sidebar"]> = [
  ["technique-note", (page) => showNote(page, POWERSHELL), "page"],
  ["gap-note", (page) => showNote(page, truth.gap.note), "page"],
  ["panel-light", (page) => showPanel(page, { theme: "light" }), "sidebar"],
  ["panel-dark", (page) => showPanel(page, { theme: "dark" }), "sidebar"],
  ["panel-only-gaps", (page) => showPanel(page, { theme: "light", onlyGaps: true }), "sidebar"],
  ["panel-narrow-320px", (page) => showPanel(page, { theme: "light", sidebar: "320px" }), "sidebar"],
  ["threat-profiles", showProfile, "sidebar"],
];

describe("in the browser", () => {
  test("the figures count every technique of the vault", () => {
    expect(figures.techniques).toBe(coverageRows(truth.index, { rollup: truth.settings.rollUpSubTechniques }).length);
  });

  test("the main pane takes 60% of the window beside the ribbon, the sidebar 40%", async () => {
    await showPanel(page, { theme: "light" });
    const width = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().width);
    const widths = { ribbon: await width(".workspace-ribbon"), sidebar: await width(".mod-right-split"), main: await width(".mod-root") };
    expect(widths).toEqual({ ribbon: 44, sidebar: VIEWPORT.width * 0.4, main: VIEWPORT.width * 0.6 - 44 });
  });

  test("a 320px sidebar shows the panel without sideways scrolling", async () => {
    await showPanel(page, { theme: "light", sidebar: "320px" });
    const overflow = await panel(page).evaluate((el) => {
      const scroller = el.closest(".view-content") ?? el;
      return scroller.scrollWidth - scroller.clientWidth;
    });
    expect(overflow).toBe(0);
  });

  test.each(shots)("saves a screenshot of %s", async (name, arrange, target) => {
    await arrange(page);
    const path = await saveScreenshot(target === "page" ? page : page.locator(".mod-right-split"), name);
    const docsCopy = DOCS_SHOTS[name];
    if (process.env.E2E_UPDATE_DOCS === "1" && docsCopy) {
      mkdirSync(join(REPO_ROOT, "docs"), { recursive: true });
      copyFileSync(path, join(REPO_ROOT, docsCopy));
    }
    expect(readFileSync(path).subarray(1, 4).toString()).toBe("PNG");
  });

  test("breaks nothing in the page or the app", async () => {
    expect(await pageProblems(session)).toEqual([]);
  });
});

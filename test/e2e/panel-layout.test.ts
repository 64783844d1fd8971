/**
 * How the panel and the blocks read, measured in Chromium: every row's lines start at one indent,
 * a name wraps beside its ID and never away from it, Export sits with the switches at 320px,
 * counts are pluralised, a Sigma status badge is labelled as one, names are the core's, and a
 * tactic below the fold waits to be laid out.
 */
import type { Page } from "playwright-core";
import { isGap } from "../../src/core/coverage";
import { summaryParts } from "../../src/core/coverage-words";
import { sharedSession } from "./browser-session";
import { noteBlocks, panel } from "./page-reading";
import { POWERSHELL, vaultTruth } from "./vault-truth";

const truth = vaultTruth();
const browser = sharedSession();

async function showPanel(page: Page, sidebar: string): Promise<void> {
  await page.evaluate(async (width) => {
    const api = window.attackVaultE2E!;
    api.setSidebarWidth(width);
    await api.closeCoverage();
    await api.openCoverage();
    await api.settle();
  }, sidebar);
}

interface RowBoxes {
  id: string;
  sub: boolean;
  /** Left edges of the ID and of the status-and-counts line; top of the ID's and the name's first line. */
  idLeft: number;
  factsLeft: number;
  idTop: number;
  nameTop: number;
  nameLeft: number;
  idRight: number;
}

/** Every drawn row's boxes, after unfolding the first few parents so sub-technique rows are drawn too. */
async function rowBoxes(page: Page): Promise<RowBoxes[]> {
  return panel(page).evaluate((el) => {
    Array.from(el.querySelectorAll<HTMLButtonElement>('.attack-vault-subs-toggle[aria-expanded="false"]'))
      .slice(0, 5)
      .forEach((toggle) => toggle.click());
    return Array.from(el.querySelectorAll<HTMLElement>(".attack-vault-technique"))
      .filter((row) => row.checkVisibility())
      .map((row) => {
        const box = (selector: string): DOMRect => row.querySelector(selector)!.getBoundingClientRect();
        // The first line of a wrapped name: its first client rect.
        const nameFirstLine = row.querySelector(".attack-vault-technique-name")!.getClientRects()[0]!;
        return {
          id: row.dataset.technique ?? "",
          sub: row.classList.contains("is-sub-technique"),
          idLeft: Math.round(box(".attack-vault-technique-id").left),
          factsLeft: Math.round(box(".attack-vault-technique-facts").left),
          idTop: Math.round(box(".attack-vault-technique-id").top),
          idRight: Math.round(box(".attack-vault-technique-id").right),
          nameTop: Math.round(nameFirstLine.top),
          nameLeft: Math.round(nameFirstLine.left),
        };
      });
  });
}

describe.each(["320px", "40%"])("the panel in a %s sidebar", (sidebar) => {
  let rows: RowBoxes[];
  beforeAll(async () => {
    await showPanel(browser.page, sidebar);
    rows = await rowBoxes(browser.page);
  });

  test("the rules-and-tests line of every row starts at its ID's indent, the same in every row", () => {
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((row) => row.sub).length).toBeGreaterThan(0);
    for (const kind of [false, true]) {
      const indents = new Set(rows.filter((row) => row.sub === kind).flatMap((row) => [row.idLeft, row.factsLeft]));
      expect({ sub: kind, indents: [...indents] }).toEqual({ sub: kind, indents: [expect.any(Number)] });
    }
  });

  test("every name starts on its ID's line, right after it", () => {
    const apart = rows.filter((row) => Math.abs(row.nameTop - row.idTop) > 4 || row.nameLeft < row.idRight);
    expect(apart.map((row) => row.id)).toEqual([]);
  });
});

describe("the filters at 320px", () => {
  test("Export layer shares its line with Only gaps", async () => {
    await showPanel(browser.page, "320px");
    const middle = (selector: string) => panel(browser.page).locator(selector).evaluate((el) => Math.round((el.getBoundingClientRect().top + el.getBoundingClientRect().bottom) / 2));
    const [exportMiddle, gapsMiddle] = [await middle(".attack-vault-export"), await middle(".attack-vault-filter-gaps")];
    expect(Math.abs(exportMiddle - gapsMiddle)).toBeLessThanOrEqual(4);
  });
});

describe("words", () => {
  test("one technique and one gap are counted in the singular", async () => {
    await showPanel(browser.page, "40%");
    // Filtered to the one technique with no rule whose ID no other technique's ID or name holds: each of its tactics counts one gap.
    const lone = truth.coverage().rows.find((row) => isGap(row.status) && truth.coverage({ text: row.id }).filtered.techniques === 1);
    if (!lone) throw new Error(`${truth.name} has no technique with no rule that its ID alone selects`);
    await panel(browser.page).locator(".attack-vault-filter-text").pressSequentially(lone.id);
    await panel(browser.page).locator(".attack-vault-summary-row.is-filtered .attack-vault-summary-techniques").filter({ hasText: /^1 technique$/ }).waitFor();
    const headers = await panel(browser.page).locator(".attack-vault-tactic-counts").allTextContents();
    const words = summaryParts({ techniques: 1, withRule: 0, withTest: 0, gaps: 1 });
    expect(headers).toEqual(lone.tactics.map(() => `${words.withRule} · ${words.gaps}`));
    expect(headers.join(" ")).not.toMatch(/\b1 (gaps|techniques|rules|tests)\b/);
  });

  test("a rule's Sigma status reads as a status, not as a test", async () => {
    await browser.page.evaluate((note) => window.attackVaultE2E!.openNote(note), POWERSHELL);
    const badges = await noteBlocks(browser.page).first().locator(".attack-vault-detail-status").evaluateAll((els) => els.map((el) => ({ text: el.textContent, title: el.getAttribute("title") })));
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) expect(badge).toEqual({ text: expect.stringMatching(/^status: \S+$/), title: "Sigma rule status" });
  });

  test("technique names are the core's, ATT&CK's where it knows the ID, as the CLI prints them", async () => {
    await showPanel(browser.page, "40%");
    const shown = await panel(browser.page).evaluate((el) =>
      Array.from(el.querySelectorAll<HTMLElement>(".attack-vault-technique")).map((row) => [row.dataset.technique ?? "", row.querySelector(".attack-vault-technique-name")?.textContent ?? ""]),
    );
    const names = new Map(truth.coverage().rows.map((row) => [row.id, row.name]));
    expect(shown.filter(([id, name]) => names.get(id ?? "") !== name)).toEqual([]);
    // The vault's file name says Scheduled Task_Job, as no file name can hold a slash.
    expect(new Map(shown.map(([id, name]) => [id, name])).get("T1053")).toBe("Scheduled Task/Job");
  });
});

describe.each(["320px", "40%"])("a tactic below the fold in a %s sidebar", (sidebar) => {
  test("is laid out only when scrolled to, holding about its rows' height until then", async () => {
    // A short window, so that the example vault's panel reaches below the fold too.
    const viewport = browser.page.viewportSize();
    await browser.page.setViewportSize({ width: viewport?.width ?? 1280, height: 400 });
    try {
      await showPanel(browser.page, sidebar);
      const seen = await panel(browser.page).evaluate(async (el) => {
        const rowsOf = (body: HTMLElement): number => body.querySelectorAll(":scope > .attack-vault-technique").length;
        // Tactics well below the fold (two window heights), so no browser's margin reaches them.
        const below = Array.from(el.querySelectorAll<HTMLElement>(".attack-vault-tactic-body")).filter((body) => body.getBoundingClientRect().top > 2 * innerHeight);
        if (below.length === 0) throw new Error(`no tactic starts two window heights (${2 * innerHeight}px) below the top: the panel is too short to show this`);
        // The longest of them, where a guess that ignored its rows would be furthest off.
        const body = below.reduce((longest, each) => (rowsOf(each) > rowsOf(longest) ? each : longest));
        const row = body.querySelector<HTMLElement>(":scope > .attack-vault-technique")!;
        const laidOut = (): boolean => row.checkVisibility({ contentVisibilityAuto: true });
        const before = { laidOut: laidOut(), height: body.getBoundingClientRect().height };
        body.scrollIntoView();
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return { before, after: { laidOut: laidOut(), height: body.getBoundingClientRect().height } };
      });
      expect([seen.before.laidOut, seen.after.laidOut]).toEqual([false, true]);
      // The estimate (styles.css: its rows at 3.3em each) is near enough for the scrollbar to tell the truth.
      expect(Math.abs(seen.before.height / seen.after.height - 1)).toBeLessThan(0.25);
    } finally {
      if (viewport) await browser.page.setViewportSize(viewport);
    }
  });
});

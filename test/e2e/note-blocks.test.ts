/** A technique note in reading view in Chromium: its query blocks list what the vault holds, or name the gap. */
import type { Page } from "playwright-core";
import { hasRealVault } from "../support/paths";
import { startSession, type E2ESession } from "./browser-session";
import { linkTargets, noteBlocks, pageProblems } from "./page-reading";
import { POWERSHELL, vaultTruth } from "./vault-truth";

const truth = vaultTruth();
const [rules, tests] = truth.blocksOf(POWERSHELL);
let session: E2ESession;
let page: Page;

beforeAll(async () => {
  session = await startSession();
  page = await session.freshPage();
}, 60_000);
afterAll(async () => session?.close());

beforeEach(async () => {
  await page.evaluate((path) => window.attackVaultE2E!.openNote(path), POWERSHELL);
});
afterEach(async () => {
  expect(await pageProblems(session)).toEqual([]);
});

describe("the T1059.001 note", () => {
  test("has a rules block and a tests block, as the CLI reads it", () => {
    expect([rules?.query.includes(truth.settings.ruleTag), tests?.query.includes(truth.settings.testTag)]).toEqual([true, true]);
  });

  (hasRealVault ? test : test.skip)("has 175 detection rules in the real vault, counted in Node", () => {
    expect(rules?.results).toHaveLength(175);
  });

  test.each([
    ["detection rules", 0, "Detection rules", () => rules?.results.length],
    ["atomic tests", 1, "Atomic tests", () => tests?.results.length],
  ])("heads its %s block with the count the vault holds", async (_name, position, heading, count) => {
    const header = noteBlocks(page).nth(position).locator(".attack-vault-block-header");
    expect(await header.textContent()).toBe(`${heading} · ${count()}`);
  });

  test("lists exactly the vault's rules for T1059.001 once Show all is clicked", async () => {
    const block = noteBlocks(page).first();
    const showAll = block.locator(".attack-vault-show-all");
    if ((await showAll.count()) > 0) await showAll.click();
    expect((await linkTargets(block)).sort()).toEqual([...(rules?.results ?? [])].sort());
  });

  test("lists exactly the vault's atomic tests for T1059.001", async () => {
    expect((await linkTargets(noteBlocks(page).nth(1))).sort()).toEqual([...(tests?.results ?? [])].sort());
  });

  test("shows each atomic test visibly, by its title", async () => {
    const links = noteBlocks(page).nth(1).locator("a.internal-link");
    const shown = await links.evaluateAll((els) => els.map((el) => ({ href: el.getAttribute("data-href") ?? "", text: el.textContent, visible: el.checkVisibility() })));
    expect(shown).toEqual(shown.map(({ href }) => ({ href, text: truth.index.get(href)?.title, visible: true })));
  });
});

describe("a technique with no rule", () => {
  test("shows the gap state, naming the technique", async () => {
    await page.evaluate((path) => window.attackVaultE2E!.openNote(path), truth.gap.note);
    const gap = noteBlocks(page).first().locator(".attack-vault-gap");
    await gap.waitFor();
    expect([await gap.textContent(), await gap.isVisible()]).toEqual([`No detection rule covers ${truth.gap.id}`, true]);
  });

  test("draws the gap block with a dashed border, so it stands out without colour", async () => {
    await page.evaluate((path) => window.attackVaultE2E!.openNote(path), truth.gap.note);
    const block = noteBlocks(page).first().locator(".attack-vault-block");
    expect(await block.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("dashed");
  });
});

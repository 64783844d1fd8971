/** A technique note in reading view in Chromium: its query blocks list what the vault holds, or name the gap. */
import { sharedSession } from "./browser-session";
import { blockLinkTargets, noteBlocks } from "./page-reading";
import { POWERSHELL, vaultTruth } from "./vault-truth";

const truth = vaultTruth();
const [rules, tests] = truth.blocksOf(POWERSHELL);
const browser = sharedSession();

beforeEach(async () => {
  await browser.page.evaluate((path) => window.attackVaultE2E!.openNote(path), POWERSHELL);
});

describe("the T1059.001 note", () => {
  test("has a rules block and a tests block, as the CLI reads it", () => {
    expect([rules?.query.includes(truth.settings.ruleTag), tests?.query.includes(truth.settings.testTag)]).toEqual([true, true]);
  });

  test("its rules block, run in Node, lists every detection rule the index holds for T1059.001", () => {
    const indexed = [...truth.index.rulesFor("T1059.001")].sort();
    expect(indexed.length).toBeGreaterThan(0);
    expect([...(rules?.results ?? [])].sort()).toEqual(indexed);
  });

  test.each([
    ["detection rules", 0, "Detection rules", () => rules?.results.length],
    ["atomic tests", 1, "Atomic tests", () => tests?.results.length],
  ])("heads its %s block with the count the vault holds", async (_name, position, heading, count) => {
    const header = noteBlocks(browser.page).nth(position).locator(".attack-vault-block-header");
    expect(await header.textContent()).toBe(`${heading} · ${count()}`);
  });

  test("lists exactly the vault's rules for T1059.001 once Show all is clicked", async () => {
    const block = noteBlocks(browser.page).first();
    const showAll = block.locator(".attack-vault-show-all");
    if ((await showAll.count()) > 0) await showAll.click();
    expect((await blockLinkTargets(block)).sort()).toEqual([...(rules?.results ?? [])].sort());
  });

  test("lists exactly the vault's atomic tests for T1059.001", async () => {
    expect((await blockLinkTargets(noteBlocks(browser.page).nth(1))).sort()).toEqual([...(tests?.results ?? [])].sort());
  });

  test("shows each atomic test visibly, by its title", async () => {
    const links = noteBlocks(browser.page).nth(1).locator("a.internal-link");
    const shown = await links.evaluateAll((els) => els.map((el) => ({ href: el.getAttribute("data-href") ?? "", text: el.textContent, visible: el.checkVisibility() })));
    expect(shown).toEqual(shown.map(({ href }) => ({ href, text: truth.index.get(href)?.title, visible: true })));
  });
});

describe("a technique with no rule", () => {
  test("shows the gap state, naming the technique", async () => {
    await browser.page.evaluate((path) => window.attackVaultE2E!.openNote(path), truth.gap.note);
    const gap = noteBlocks(browser.page).first().locator(".attack-vault-gap");
    await gap.waitFor();
    expect([await gap.textContent(), await gap.isVisible()]).toEqual([`No detection rule covers ${truth.gap.id}`, true]);
  });

  test("draws the gap block with a dashed border, so it stands out without colour", async () => {
    await browser.page.evaluate((path) => window.attackVaultE2E!.openNote(path), truth.gap.note);
    const block = noteBlocks(browser.page).first().locator(".attack-vault-block");
    expect(await block.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("dashed");
  });
});

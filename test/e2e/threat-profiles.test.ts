/**
 * Threat profiles in Chromium, on the catalogue with every ATT&CK group, campaign and software
 * imported (the example vault and its two profiles without ../shared): the panel's picker, its
 * top gaps with the profiles' names on hover, and the line under a technique's rules; all as the
 * core computes them in Node, and live.
 */
import { computeCoverage, type CoverageFilter } from "../../src/core/coverage";
import { profileSummaryText } from "../../src/core/coverage-words";
import { profilesUsing, profileLabel, threatProfiles } from "../../src/core/threat-profiles";
import { profileNames, topGaps } from "../../src/core/top-gaps";
import { sharedSession } from "./browser-session";
import { freshPanelEachTest, panel, shownRowIds } from "./page-reading";
import { POWERSHELL, vaultTruth } from "./vault-truth";

const truth = vaultTruth();
const rollup = truth.settings.rollUpSubTechniques;
const APT29 = "Threat Profiles/G0016 - APT29.md";
const apt29 = threatProfiles(truth.index).find((profile) => profile.path === APT29);
const reportFor = (filter: CoverageFilter) => computeCoverage(truth.index, { rollup, filter });
const browser = sharedSession();

freshPanelEachTest(browser);

async function chooseApt29(): Promise<void> {
  const box = panel(browser.page).locator(".attack-vault-filter-profile");
  await box.click();
  await box.pressSequentially("G0016");
  await box.press("Enter");
  await browser.page.evaluate(() => window.attackVaultE2E!.settle());
}

describe("the threat profile picker", () => {
  test("finds a profile by its ATT&CK ID as you type", async () => {
    const box = panel(browser.page).locator(".attack-vault-filter-profile");
    await box.click();
    await box.pressSequentially("G0016");
    const options = panel(browser.page).locator(".attack-vault-profile-option .attack-vault-profile-name");
    expect(await options.allTextContents()).toEqual([apt29 ? profileLabel(apt29) : "APT29 (G0016)"]);
  });

  test("narrows the matrix to the profile's techniques and says so in the summary, as the core counts", async () => {
    await chooseApt29();
    const report = reportFor({ profile: APT29 });
    expect(await panel(browser.page).locator(".attack-vault-summary-profile").textContent()).toBe(report.profiles ? profileSummaryText(report.profiles) : "");
    expect(await shownRowIds(browser.page)).toEqual([...new Set(report.tactics.flatMap((group) => group.rows.map((row) => row.id)))].sort());
  });

  test("combines with the tactic filter", async () => {
    await chooseApt29();
    await panel(browser.page).locator(".attack-vault-filter-tactic").selectOption({ label: "Execution" });
    const report = reportFor({ profile: APT29, tactic: "Execution" });
    await panel(browser.page).locator(".attack-vault-summary-row.is-filtered .attack-vault-summary-techniques").filter({ hasText: `${report.filtered.techniques} technique` }).waitFor();
    expect(await shownRowIds(browser.page)).toEqual([...new Set(report.tactics.flatMap((group) => group.rows.map((row) => row.id)))].sort());
  });
});

describe("the top gaps", () => {
  test("rank the gaps the most profiles list, as the core ranks them", async () => {
    const expected = topGaps(truth.index, reportFor({}), {}, 10).gaps.map((gap) => `${gap.id} ${gap.profiles.length}`);
    const shown = await panel(browser.page)
      .locator(".attack-vault-top-gap")
      .evaluateAll((items) => items.map((item) => `${(item as HTMLElement).dataset.technique} ${(item.querySelector(".attack-vault-top-gap-count")?.textContent ?? "").replace(/ profiles?$/, "")}`));
    expect(shown).toEqual(expected);
  });

  test("show the profiles' names on hover, and only then", async () => {
    const first = topGaps(truth.index, reportFor({}), {}, 1).gaps[0];
    if (!first) throw new Error("the vault has no top gap");
    const item = panel(browser.page).locator(".attack-vault-top-gap").first();
    const names = item.locator(".attack-vault-top-gap-names");
    expect(await names.isVisible()).toBe(false);
    await item.hover();
    expect(await names.isVisible()).toBe(true);
    // The first two names, in order, however the list is joined ("A and B" for two, "A, B, …" for more).
    const [firstName = "", secondName = ""] = profileNames(truth.index, first.profiles);
    const text = (await names.textContent()) ?? "";
    expect([text.startsWith(firstName), text.indexOf(secondName, firstName.length) > firstName.length]).toEqual([true, true]);
  });
});

describe("a technique note", () => {
  test("says under its rules which profiles use the technique; a link opens the profile", async () => {
    await browser.page.evaluate((path) => window.attackVaultE2E!.openNote(path), POWERSHELL);
    const using = profilesUsing(truth.index, "T1059.001");
    const all = [...using.direct, ...using.viaSubTechniques];
    const line = browser.page.locator(".mod-root .workspace-leaf:visible .attack-vault-used-by");
    expect(await line.locator(".attack-vault-used-by-count").textContent()).toBe(`Used by ${all.length} profile${all.length === 1 ? "" : "s"} in this vault: `);
    expect(await line.locator("a.internal-link").allTextContents()).toEqual(all.slice(0, 5).map((profile) => profile.name));
    await line.locator("a.internal-link").first().click();
    const { openedLinks } = await browser.page.evaluate(() => window.attackVaultE2E!.records());
    expect(openedLinks.at(-1)?.linktext).toBe(all[0]?.path);
  });

  test("follows a new profile without a reload, as do the picker and the top gaps", async () => {
    await browser.page.evaluate((path) => window.attackVaultE2E!.openNote(path), POWERSHELL);
    const before = profilesUsing(truth.index, "T1059.001").direct.length + profilesUsing(truth.index, "T1059.001").viaSubTechniques.length;
    const created = "Threat Profiles/E2E crew.md";
    await browser.page.evaluate((path) => window.attackVaultE2E!.createNote(path, "---\ntags: [threat_profile]\nname: AAA E2E crew\ntechniques: [T1059.001]\n---\n"), created);
    try {
      const line = browser.page.locator(".mod-root .workspace-leaf:visible .attack-vault-used-by-count");
      expect(await line.textContent()).toBe(`Used by ${before + 1} profiles in this vault: `);
      const box = panel(browser.page).locator(".attack-vault-filter-profile");
      await box.click();
      await box.pressSequentially("AAA E2E");
      expect(await panel(browser.page).locator(".attack-vault-profile-option .attack-vault-profile-name").allTextContents()).toEqual(["AAA E2E crew"]);
      await box.press("Escape");
    } finally {
      await browser.page.evaluate((path) => window.attackVaultE2E!.deleteNote(path), created);
    }
  });
});

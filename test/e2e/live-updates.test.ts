/**
 * Adding, renaming and deleting a rule note for an uncovered technique changes the open note's
 * block and the panel in place, in Chromium, with no reload.
 */
import type { Page } from "playwright-core";
import { startSession, type E2ESession } from "./browser-session";
import { blockLinkTargets, noteBlocks, pageProblems, panelRow } from "./page-reading";
import { vaultTruth } from "./vault-truth";

const truth = vaultTruth();
const { gap } = truth;
const NEW_RULE = "Detection Rules/e2e_new_tunnel_rule.md";
const RENAMED_RULE = "Detection Rules/e2e_renamed_tunnel_rule.md";
const ruleText = `---\ntitle: "E2E rule for ${gap.id}"\nstatus: "test"\nlevel: "high"\ntags: [detection_rule, ${gap.tag}]\n---\n\n## E2E rule\n`;
// One rule turns the technique covered; whether it has tests too decides the words.
const gapRow = truth.coverage().rows.find((row) => row.id === gap.id);
const gapHasTests = (gapRow?.tests.length ?? 0) > 0;
const COVERED = gapHasTests ? "Rules and tests" : "Rules, no test";

let session: E2ESession;
let page: Page;

beforeAll(async () => {
  session = await startSession();
  page = await session.freshPage();
  await page.evaluate(async (note) => {
    await window.attackVaultE2E!.openNote(note);
    await window.attackVaultE2E!.openCoverage();
  }, gap.note);
}, 60_000);
afterAll(async () => session?.close());

/** Each test starts from the vault as it was: the rule note it made is deleted again. */
beforeEach(async () => {
  await page.evaluate(async (paths) => {
    for (const path of paths) if (window.attackVaultE2E!.hasNote(path)) await window.attackVaultE2E!.deleteNote(path);
    // Both are gone if anything reloads the page or re-renders the note's section.
    (window as unknown as Record<string, unknown>).__e2eSameDocument = true;
    document.querySelector(".mod-root .block-language-attack-vault-query")?.setAttribute("data-e2e-kept", "yes");
  }, [NEW_RULE, RENAMED_RULE]);
});
afterEach(async () => {
  expect(await pageProblems(session)).toEqual([]);
});

/** What the gap note's rules block shows: the notes it links, or its empty state. */
async function blockState(page: Page): Promise<string> {
  const block = noteBlocks(page).first();
  const gapText = block.locator(".attack-vault-gap");
  return (await gapText.count()) > 0 ? `gap: ${await gapText.textContent()}` : `links: ${(await blockLinkTargets(block)).join(", ")}`;
}

async function panelState(page: Page): Promise<string> {
  return `status: ${await panelRow(page, gap.id).first().locator(".attack-vault-status-text").textContent()}`;
}

const steps = {
  "adding a rule note tagged for it": async (page: Page) => {
    await page.evaluate(([path, text]) => window.attackVaultE2E!.createNote(path!, text!), [NEW_RULE, ruleText]);
  },
  "renaming that rule note": async (page: Page) => {
    await page.evaluate(([path, text, to]) => window.attackVaultE2E!.createNote(path!, text!).then(() => window.attackVaultE2E!.renameNote(path!, to!)), [NEW_RULE, ruleText, RENAMED_RULE]);
  },
  "deleting that rule note": async (page: Page) => {
    await page.evaluate(([path, text]) => window.attackVaultE2E!.createNote(path!, text!).then(() => window.attackVaultE2E!.deleteNote(path!)), [NEW_RULE, ruleText]);
  },
};

describe(`${gap.id}, a technique with no rule`, () => {
  test("starts with the gap in its note's block and in the panel", async () => {
    expect([await blockState(page), await panelState(page)]).toEqual([`gap: No detection rule covers ${gap.id}`, "status: No rule"]);
  });

  test.each([
    ["adding a rule note tagged for it", "the note's block", blockState, `links: ${NEW_RULE}`],
    ["adding a rule note tagged for it", "the panel", panelState, `status: ${COVERED}`],
    ["renaming that rule note", "the note's block", blockState, `links: ${RENAMED_RULE}`],
    ["renaming that rule note", "the panel", panelState, `status: ${COVERED}`],
    ["deleting that rule note", "the note's block", blockState, `gap: No detection rule covers ${gap.id}`],
    ["deleting that rule note", "the panel", panelState, "status: No rule"],
  ] as const)("%s updates %s", async (step, _where, read, expected) => {
    await steps[step](page);
    expect(await read(page)).toBe(expected);
  });

  test("an added rule shows without reloading the page or re-rendering the note", async () => {
    await steps["adding a rule note tagged for it"](page);
    const kept = await page.evaluate(() => [
      (window as unknown as Record<string, unknown>).__e2eSameDocument,
      document.querySelector(".mod-root .block-language-attack-vault-query")?.getAttribute("data-e2e-kept"),
    ]);
    expect(kept).toEqual([true, "yes"]);
  });
});

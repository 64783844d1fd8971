/**
 * Note names and titles that carry markup show as text in Chromium, and nothing in them runs:
 * the block and the panel create no element from note text.
 */
import type { Locator, Page } from "playwright-core";
import { startSession, type E2ESession } from "./browser-session";
import { noteBlocks, pageProblems, panel } from "./page-reading";
import { vaultTruth } from "./vault-truth";

const { gap } = vaultTruth();
const IMG_TITLE = '<img src=x onerror="window.__pwned=1">';
// A file name cannot hold "/", so the script is left unclosed, which an HTML parser still runs when it is inserted.
const SCRIPT_NAME = "<script>window.__pwned=2";
const IMG_TECHNIQUE_NAME = "<img src=z onerror=window.__pwned=3>";

const hostileNotes: Array<[string, string]> = [
  ["Detection Rules/e2e_markup_title.md", `---\ntitle: '${IMG_TITLE}'\nlevel: high\ntags: [detection_rule, ${gap.tag}]\n---\n`],
  [`Detection Rules/${SCRIPT_NAME}.md`, `---\nlevel: low\ntags: [detection_rule, ${gap.tag}]\n---\n`],
  [`Use Cases/T1999 - ${IMG_TECHNIQUE_NAME}.md`, "---\ntactics: Impact\nplatforms: Windows\ntags: [T1999, techniques, Impact]\n---\n\n## Hostile\n"],
];

let session: E2ESession;
let page: Page;

beforeAll(async () => {
  session = await startSession();
  page = await session.freshPage();
  await page.evaluate(async ([note, notes]) => {
    const api = window.attackVaultE2E!;
    await api.openNote(note);
    await api.openCoverage();
    for (const [path, text] of notes) await api.createNote(path, text);
    // An image that fails to load reports it; once ours has, an onerror from note text would have run too.
    await new Promise((resolve) => {
      const probe = new Image();
      probe.onerror = resolve;
      probe.src = `/e2e-missing-image-${Date.now()}.png`;
    });
  }, [gap.note, hostileNotes] as const);
}, 60_000);
afterAll(async () => session?.close());

const where: Record<string, (page: Page) => Locator> = {
  "the note's block": (page) => noteBlocks(page).first(),
  "the panel": (page) => panel(page),
};

describe("notes whose names and titles carry markup", () => {
  test.each([
    ["a rule's title", "the note's block", IMG_TITLE],
    ["a rule's file name", "the note's block", SCRIPT_NAME],
    ["a technique's file name", "the panel", IMG_TECHNIQUE_NAME],
  ])("show %s as text in %s", async (_what, place, text) => {
    const shown = where[place]!(page).getByText(text, { exact: true });
    expect(await shown.isVisible()).toBe(true);
  });

  test.each(Object.keys(where))("create no img or script element in %s", async (place) => {
    const elements = await where[place]!(page).evaluate((el) => Array.from(el.querySelectorAll("img, script, [onerror]"), (found) => found.tagName));
    expect(elements).toEqual([]);
  });

  test("run nothing", async () => {
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  test("break nothing in the page or the app", async () => {
    expect(await pageProblems(session)).toEqual([]);
  });
});

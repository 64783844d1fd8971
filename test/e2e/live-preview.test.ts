/**
 * Live Preview in Chromium with real CodeMirror 6: the plugin's block is drawn over each ```query
 * fence even though a stand-in for Obsidian's own code block decoration (which draws core Search)
 * covers the same range, and the source comes back when the cursor enters the fence.
 */
import { VIEWPORT, sharedSession } from "./browser-session";
import { POWERSHELL, vaultTruth } from "./vault-truth";

const browser = sharedSession();
const [rules] = vaultTruth().blocksOf(POWERSHELL);

const drawn = () =>
  browser.page.evaluate(() => {
    const editor = document.querySelector(".e2e-live-preview")!;
    return {
      plugin: editor.querySelectorAll(".attack-vault-live-block").length,
      coreSearch: editor.querySelectorAll(".core-like-query").length,
      sourceLines: Array.from(editor.querySelectorAll(".cm-line"), (line) => line.textContent ?? "").filter((text) => text.startsWith("```query")).length,
    };
  });

// CodeMirror draws only what is in view: a window tall enough for the whole note lets counts cover it.
beforeEach(async () => {
  await browser.page.setViewportSize({ width: VIEWPORT.width, height: 6000 });
});

afterEach(async () => {
  await browser.page.evaluate(() => window.attackVaultE2E!.closeLivePreview());
  await browser.page.setViewportSize(VIEWPORT);
});

describe("a technique note in Live Preview", () => {
  test.each([
    ["registered before the plugin's extension", true],
    ["registered after it", false],
  ])("with Obsidian's code block decoration %s, the plugin's blocks are the ones drawn", async (_name, coreFirst) => {
    await browser.page.evaluate(([path, first]) => window.attackVaultE2E!.openLivePreview(path, { coreFirst: first }), [POWERSHELL, coreFirst] as const);
    expect(await drawn()).toEqual({ plugin: 2, coreSearch: 0, sourceLines: 0 });
  });

  test("the block lists the note's rules from the index, as links", async () => {
    await browser.page.evaluate((path) => window.attackVaultE2E!.openLivePreview(path), POWERSHELL);
    const header = await browser.page.locator(".e2e-live-preview .attack-vault-live-block .attack-vault-block-header").first().textContent();
    expect(header).toBe(`Detection rules · ${rules?.results.length}`);
  });

  test("the cursor in a fence shows its source; leaving it draws the block again", async () => {
    await browser.page.evaluate((path) => window.attackVaultE2E!.openLivePreview(path), POWERSHELL);
    await browser.page.evaluate(async () => {
      const api = window.attackVaultE2E!;
      await api.livePreviewSelect(api.livePreviewOffset("```query") + 4);
    });
    const withCursor = await drawn();
    await browser.page.evaluate(() => window.attackVaultE2E!.livePreviewSelect(0));
    expect([withCursor, await drawn()]).toEqual([{ plugin: 1, coreSearch: 0, sourceLines: 1 }, { plugin: 2, coreSearch: 0, sourceLines: 0 }]);
  });

  test("the cursor left in a fence of an unfocused editor shows the block, as Obsidian does", async () => {
    await browser.page.evaluate((path) => window.attackVaultE2E!.openLivePreview(path), POWERSHELL);
    await browser.page.evaluate(async () => {
      const api = window.attackVaultE2E!;
      await api.livePreviewSelect(api.livePreviewOffset("```query") + 4);
      await api.livePreviewBlur();
    });
    expect(await drawn()).toEqual({ plugin: 2, coreSearch: 0, sourceLines: 0 });
  });

  test("the block's edit button puts the cursor in the fence, showing its source", async () => {
    await browser.page.evaluate((path) => window.attackVaultE2E!.openLivePreview(path), POWERSHELL);
    const block = browser.page.locator(".e2e-live-preview .attack-vault-live-block").first();
    await block.hover();
    await block.locator(".edit-block-button").click();
    expect((await drawn()).sourceLines).toBe(1);
  });

  test("typing elsewhere in the note keeps the drawn blocks as they are", async () => {
    await browser.page.evaluate((path) => window.attackVaultE2E!.openLivePreview(path), POWERSHELL);
    await browser.page.evaluate(() => document.querySelectorAll(".attack-vault-live-block").forEach((el) => el.setAttribute("data-e2e-kept", "yes")));
    await browser.page.evaluate(async () => {
      const api = window.attackVaultE2E!;
      await api.livePreviewType(api.livePreviewOffset("```query") - 1, "Typed before the block.");
    });
    const kept = await browser.page.evaluate(() => Array.from(document.querySelectorAll(".attack-vault-live-block"), (el) => el.getAttribute("data-e2e-kept")));
    expect(kept).toEqual(["yes", "yes"]);
  });

  test("typing beside blocks in a 5,000-line note draws no block again and replaces no widget", async () => {
    const typed = await browser.page.evaluate(() => window.attackVaultE2E!.measureTyping({ rounds: 1, places: 3, keystrokes: 5, lines: 5000, blocks: 100 }));
    const { blocksDrawnWhileTyping, widgetsReplacedWhileTyping } = typed;
    expect([typed.blocksOnScreen > 0, { blocksDrawnWhileTyping, widgetsReplacedWhileTyping }]).toEqual([true, { blocksDrawnWhileTyping: 0, widgetsReplacedWhileTyping: 0 }]);
  });

  test("with Render query blocks off, Obsidian's own decoration draws the fences; on again, the plugin's", async () => {
    await browser.page.evaluate((path) => window.attackVaultE2E!.openLivePreview(path), POWERSHELL);
    await browser.page.evaluate(() => window.attackVaultE2E!.setTakeOver(false));
    const off = await drawn();
    await browser.page.evaluate(() => window.attackVaultE2E!.setTakeOver(true));
    expect([off, await drawn()]).toEqual([{ plugin: 0, coreSearch: 2, sourceLines: 0 }, { plugin: 2, coreSearch: 0, sourceLines: 0 }]);
  });
});

/**
 * Target 8: what a person waits for in Chromium, on the e2e page (the plugin in the fake app on the
 * real vault, or the example vault without ../shared): the coverage panel's first render, and the
 * first render of a technique note's query blocks, each on a freshly loaded page so it is a first
 * render every round. Beside each, the same rows drawn as plain <div>s, for context.
 */
import { pageVault } from "../../test/e2e/build-page";
import type { BrowserFigures } from "../../test/e2e/page/e2e-api";
import { POWERSHELL } from "../../test/e2e/vault-truth";
import type { E2ESession } from "../../test/e2e/browser-session";
import { browserSession, noBrowser, pageError, profiledInPage } from "../browser";
import { figureOf, median, progress, significant } from "../measure";
import type { BenchOptions } from "../options";
import { judged, notMeasured, type Judged, type TargetHeadline } from "../report";

/** Opening the panel or a note answers a person's action: RAIL's budget for a response that feels instant is 100 ms. */
const RESPONSE_BUDGET_MS = 100;

/** Target 8's headline: its first figure is held to this limit. */
export const FIRST_RENDER_TARGET: TargetHeadline = { target: 8, name: "first render in Chromium", unit: "ms", limit: RESPONSE_BUDGET_MS };

/** The note whose blocks are timed: T1059.001 in the real vault, the example vault's technique note without it. */
const EXAMPLE_TECHNIQUE_NOTE = "Use Cases/System Information Discovery.md";

function headlines(): { panel: TargetHeadline; note: TargetHeadline; notePath: string } {
  const vault = pageVault().name;
  const notePath = vault === "use-case-catalogue" ? POWERSHELL : EXAMPLE_TECHNIQUE_NOTE;
  const noteName = vault === "use-case-catalogue" ? "T1059.001" : "System Information Discovery";
  return {
    panel: { ...FIRST_RENDER_TARGET, name: `coverage panel's first render in Chromium, ${vault}` },
    note: { ...FIRST_RENDER_TARGET, name: `${noteName} note's query blocks, first render in Chromium, ${vault}` },
    notePath,
  };
}

export async function measureFirstRender(_world: unknown, options: BenchOptions): Promise<Judged[]> {
  const { panel, note, notePath } = headlines();
  const rounds = options.smoke ? 1 : options.slowRounds;
  const figures: BrowserFigures[] = [];
  let session: E2ESession;
  try {
    session = await browserSession();
  } catch (error) {
    return [notMeasured(panel, noBrowser(error)), notMeasured(note, noBrowser(error))];
  }
  try {
    progress(`target 8: ${rounds} fresh page loads, each timing the panel's and ${notePath}'s first render…`);
    await profiledInPage(session.page, 8, options, async () => {
      for (let round = 0; round < rounds; round++) {
        const page = await session.freshPage();
        figures.push(await page.evaluate((path) => window.attackVaultE2E!.measureFirstRenders(path), notePath));
      }
    });
  } catch (error) {
    const why = `failed in the page: ${pageError(error)}`;
    return [notMeasured(panel, why), notMeasured(note, why)];
  }
  const ms = (pick: (figure: BrowserFigures) => number): number => significant(median(figures.map(pick)));
  const techniques = figures[0]?.techniques ?? 0;
  return [
    judged({ ...panel, ...figureOf(figures.map((figure) => figure.panelFirstRenderMs)), bound: "at most", detail: `${techniques} techniques; the same rows as plain <div>s: ${ms((figure) => figure.panelBaselineMs)} ms; ${rounds} page loads` }),
    judged({ ...note, ...figureOf(figures.map((figure) => figure.noteBlocksRenderMs)), bound: "at most", detail: `the same rows as plain <div>s: ${ms((figure) => figure.noteBaselineMs)} ms; ${rounds} page loads` }),
  ];
}

/**
 * Target 9: typing in Live Preview. One keystroke transaction (dispatch, and the layout CodeMirror
 * reads after it) in a 5,000-line note holding 100 query blocks, in real CodeMirror 6 in Chromium,
 * with the plugin's extension against the same editor without it, side by side in the page and
 * interleaved. Typed at prose lines spread through the note, where a person mostly types. A keystroke
 * there that draws a block again, or replaces a block's widget rather than mapping it, fails the target.
 */
import type { E2ESession } from "../../test/e2e/browser-session";
import type { TypingFigures } from "../../test/e2e/page/typing";
import { browserSession, noBrowser, pageError, profiledInPage } from "../browser";
import { median, pairFigure, progress, significant } from "../measure";
import type { BenchOptions } from "../options";
import type { Judged, Measured, TargetHeadline } from "../report";
import { notMeasured } from "../report";

const LINES = 5_000;
const BLOCKS = 100;

/** Target 9's headline. */
export const TYPING_TARGET: TargetHeadline = {
  target: 9,
  name: `one keystroke in Live Preview, ${LINES.toLocaleString("en")}-line note with ${BLOCKS} query blocks: with the plugin's extension / without, Chromium`,
  unit: "×",
  limit: 1.5,
};

function whatWentWrong(figures: TypingFigures): string | undefined {
  const wrong: string[] = [];
  if (figures.blocksOnScreen <= 0) wrong.push("no block of the plugin was on screen: its extension was not timed");
  if (figures.blocksDrawnWhileTyping > 0) wrong.push(`typing outside the blocks drew ${figures.blocksDrawnWhileTyping} blocks again`);
  if (figures.widgetsReplacedWhileTyping > 0) wrong.push(`typing outside the blocks replaced ${figures.widgetsReplacedWhileTyping} widgets instead of mapping them`);
  return wrong.length > 0 ? wrong.join("; ") : undefined;
}

export async function measureTyping(_world: unknown, options: BenchOptions): Promise<Array<Measured | Judged>> {
  const typing = options.smoke ? { rounds: 1, places: 2, keystrokes: 3 } : { rounds: options.rounds, places: 5, keystrokes: 20 };
  let session: E2ESession;
  try {
    session = await browserSession();
  } catch (error) {
    return [notMeasured(TYPING_TARGET, noBrowser(error))];
  }
  let figures: TypingFigures;
  try {
    const page = await session.freshPage();
    progress(`target 9: ${typing.rounds} rounds of ${typing.keystrokes} keystrokes at ${typing.places} places, with the plugin's extension and without…`);
    figures = await profiledInPage(page, 9, options, () => page.evaluate((typed) => window.attackVaultE2E!.measureTyping(typed), { ...typing, lines: LINES, blocks: BLOCKS }));
  } catch (error) {
    return [notMeasured(TYPING_TARGET, `failed in the page: ${pageError(error)}`)];
  }
  const pair = { baselineMs: median(figures.withoutPluginMs), subjectMs: median(figures.withPluginMs), baselineSamples: figures.withoutPluginMs, subjectSamples: figures.withPluginMs };
  const perKey = (ms: number): number => significant((ms / figures.keystrokes) * 1000);
  const stateWith = perKey(median(figures.stateWithPluginMs));
  const stateWithout = perKey(median(figures.stateWithoutPluginMs));
  return [
    {
      ...TYPING_TARGET,
      ...pairFigure(pair, (withoutMs, withMs) => withMs / withoutMs),
      bound: "at most",
      detail: `per keystroke ${perKey(pair.subjectMs)} µs with, ${perKey(pair.baselineMs)} µs without (the state alone: ${stateWith} µs with, ${stateWithout} µs without); ${figures.lines} lines, ${figures.blocksOnScreen} blocks on screen; ${figures.keystrokes} keystrokes a round`,
      failReason: whatWentWrong(figures),
    },
  ];
}

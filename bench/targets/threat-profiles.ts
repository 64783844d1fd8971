/**
 * Target 13 (the threat-profiles issue): in Chromium, on the e2e page (the catalogue with every
 * ATT&CK group, campaign and software imported as profile notes, about 1,000; the example vault's
 * own two without ../shared), the coverage panel drawn with the largest profile chosen against
 * the panel with none (limit 1.2×), and the top-gaps ranking over every profile (limit 5 ms).
 */
import { pageVault } from "../../test/e2e/build-page";
import type { E2ESession } from "../../test/e2e/browser-session";
import type { ProfileFigures } from "../../test/e2e/page/profile-figures";
import { browserSession, noBrowser, pageError, profiledInPage } from "../browser";
import { figureOf, median, pairFigure, progress, significant } from "../measure";
import type { BenchOptions } from "../options";
import { judged, notMeasured, type Judged, type TargetHeadline } from "../report";

/** Target 13's headline: its first figure is held to this limit. */
export const THREAT_PROFILES_TARGET: TargetHeadline = { target: 13, name: "threat profile filter", unit: "×", limit: 1.2 };

const TOP_GAPS: TargetHeadline = { target: 13, name: "top-gaps ranking", unit: "ms", limit: 5 };

export async function measureThreatProfiles(_world: unknown, options: BenchOptions): Promise<Judged[]> {
  const vault = pageVault().name;
  const filter = { ...THREAT_PROFILES_TARGET, name: `coverage panel drawn with a threat profile chosen / with none, Chromium, ${vault}` };
  const ranking = { ...TOP_GAPS, name: `top-gaps ranking over every threat profile, Chromium, ${vault}` };
  let session: E2ESession;
  try {
    session = await browserSession();
  } catch (error) {
    return [notMeasured(filter, noBrowser(error)), notMeasured(ranking, noBrowser(error))];
  }
  const rounds = options.smoke ? 1 : Math.max(7, options.rounds);
  let figures: ProfileFigures;
  try {
    progress(`target 13: the panel with and without a threat profile, ${rounds} rounds, and the top-gaps ranking…`);
    figures = await profiledInPage(session.page, 13, options, async () => {
      const page = await session.freshPage();
      return page.evaluate((count) => window.attackVaultE2E!.measureProfileFigures(count), rounds);
    });
  } catch (error) {
    const why = `failed in the page: ${pageError(error)}`;
    return [notMeasured(filter, why), notMeasured(ranking, why)];
  }
  const pair = { baselineMs: median(figures.withoutMs), subjectMs: median(figures.withProfileMs), baselineSamples: figures.withoutMs, subjectSamples: figures.withProfileMs };
  const profile = `${figures.profile} (${figures.profileTechniques} techniques) of ${figures.profiles} profiles`;
  return [
    judged({ ...filter, ...pairFigure(pair, (withoutMs, withMs) => withMs / withoutMs), bound: "at most", detail: `with ${significant(pair.subjectMs)} ms, without ${significant(pair.baselineMs)} ms; ${profile}` }),
    judged({ ...ranking, ...figureOf(figures.topGapsMs), bound: "at most", detail: `${figures.profiles} profiles` }),
  ];
}

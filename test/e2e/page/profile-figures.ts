/**
 * Timings for the benchmark's target 13, taken in the page: the coverage panel drawn with a threat
 * profile chosen against the same panel with none, and the top-gaps ranking on its own.
 */
import type AttackVaultPlugin from "../../../src/main";
import { computeCoverage } from "../../../src/core/coverage";
import { threatProfiles } from "../../../src/core/threat-profiles";
import { topGaps } from "../../../src/core/top-gaps";
import { COVERAGE_VIEW_TYPE } from "../../../src/ui/coverage-view";
import type { App } from "../../fakes/obsidian";

export interface ProfileFigures {
  /** Per round: the panel drawn with the profile chosen, and with none, laid out. */
  withProfileMs: number[];
  withoutMs: number[];
  /** Per sample: one ranking of the top gaps over every profile. */
  topGapsMs: number[];
  profile: string;
  profileTechniques: number;
  profiles: number;
}

const GAPS_SHOWN = 10;

export async function measureProfileFigures(app: App, plugin: AttackVaultPlugin, rounds: number): Promise<ProfileFigures> {
  const index = plugin.service.index;
  // The profile listing the most techniques: the filter's heaviest case.
  const profile = [...threatProfiles(index)].sort((a, b) => b.techniqueIds.length - a.techniqueIds.length || (a.path < b.path ? -1 : 1))[0];
  if (!profile) throw new Error("the page's vault has no threat profile");
  await plugin.openCoverage();
  const view = app.workspace.getLeavesOfType(COVERAGE_VIEW_TYPE)[0]?.view as
    | { contentEl: HTMLElement; setState: (state: unknown, result: { history: boolean }) => Promise<void> }
    | undefined;
  if (!view) throw new Error("the coverage panel did not open");
  const drawnMs = async (chosen: string): Promise<number> => {
    const start = performance.now();
    await view.setState({ profile: chosen }, { history: false });
    void view.contentEl.offsetHeight;
    return performance.now() - start;
  };
  await drawnMs(profile.path);
  await drawnMs("");
  const withProfileMs: number[] = [];
  const withoutMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Which goes first alternates, as the bench's interleaved pairs do.
    if (round % 2 === 0) {
      withoutMs.push(await drawnMs(""));
      withProfileMs.push(await drawnMs(profile.path));
    } else {
      withProfileMs.push(await drawnMs(profile.path));
      withoutMs.push(await drawnMs(""));
    }
  }
  const report = computeCoverage(index, { rollup: plugin.settings.rollUpSubTechniques });
  const topGapsMs: number[] = [];
  for (let sample = 0; sample < Math.max(rounds, 7); sample++) {
    const start = performance.now();
    topGaps(index, report, {}, GAPS_SHOWN);
    topGapsMs.push(performance.now() - start);
  }
  return { withProfileMs, withoutMs, topGapsMs, profile: profile.name, profileTechniques: profile.techniqueIds.length, profiles: threatProfiles(index).length };
}

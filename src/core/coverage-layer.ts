/** The Navigator layer of a vault's coverage, as both the CLI and the plugin export it. */
import { attackRelease, type AttackRelease } from "./attack-catalogue";
import { compareWithAttack, type AttackComparison } from "./attack-coverage";
import { computeCoverage, type CoverageFilter, type CoverageReport, type ProfileScope } from "./coverage";
import { profileSummaryText } from "./coverage-words";
import { profileLabel } from "./threat-profiles";
import { namesText } from "./wording";
import { navigatorLayer, type LayerScoring, type NavigatorLayer } from "./navigator-layer";
import type { VaultIndex } from "./vault-index";

export interface CoverageLayerOptions {
  vaultName: string;
  rollup: boolean;
  scoring: LayerScoring;
  filter?: CoverageFilter;
  release?: AttackRelease;
  /** A report already computed with the same rollup and filter, to avoid computing it twice. */
  report?: CoverageReport;
  /** The report's comparison with the same release, likewise. */
  comparison?: AttackComparison;
}

function filterWords(filter: CoverageFilter, profiles: ProfileScope | null): string {
  const words = [
    profiles ? `threat profile ${namesText(profiles.profiles.map(profileLabel))}` : "",
    filter.platform ? `platform ${filter.platform}` : "",
    filter.tactic ? `tactic ${filter.tactic}` : "",
  ].filter(Boolean);
  return words.length > 0 ? ` (${words.join(", ")})` : "";
}

/** A layer made with a profile scores only its techniques, and says so. */
function profileWords(profiles: ProfileScope | null): string {
  if (!profiles) return "";
  return ` Only the ${profiles.techniqueIds.size} techniques ${profiles.profiles.length === 1 ? "the threat profile lists" : "the threat profiles list"} are scored: ${profileSummaryText(profiles)}.`;
}

export function coverageLayer(index: VaultIndex, options: CoverageLayerOptions): NavigatorLayer {
  const filter = options.filter ?? {};
  const release = options.release ?? attackRelease();
  const report = options.report ?? computeCoverage(index, { rollup: options.rollup, filter });
  const { techniques, withRule } = report.filtered;
  const scope = `${options.vaultName}${filterWords(filter, report.profiles)}`;
  return navigatorLayer(report, index, {
    name: `ATT&CK coverage of ${scope}`,
    description:
      `Detection-rule coverage of the vault ${scope}: ${withRule} of ${techniques} technique notes have a rule.${profileWords(report.profiles)} ` +
      `Scored by ${options.scoring === "count" ? "rule count" : "Sigma level"}; grey techniques have no note. Made by attack-vault.`,
    scoring: options.scoring,
    release,
    platform: filter.platform,
    missing: (options.comparison ?? compareWithAttack(index, report, release, filter)).missingTechniques,
  });
}

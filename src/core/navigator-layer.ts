/**
 * The coverage as an ATT&CK Navigator layer (layer format 4.5): one entry per technique and
 * tactic, scored by rule count or by Sigma level, with gaps in colours of their own.
 */
import { attackMajorVersion, type AttackRelease } from "./attack-catalogue";
import { attackPlatform } from "./attack-platforms";
import type { MissingTechnique } from "./attack-coverage";
import type { CoverageReport, CoverageRow, CoverageStatus } from "./coverage";
import { compareCodeUnits } from "./order";
import { levelWeight, levelWeightsText } from "./sigma-level";
import { plural } from "./wording";
import { parentTechniqueId } from "./technique-id";
import type { VaultIndex } from "./vault-index";

export type LayerScoring = "count" | "level";

export const LAYER_COLORS = {
  noRule: "#ff6666",
  testsNoRule: "#ffb266",
  noNote: "#c8c8c8",
  fewestRules: "#d9f0d3",
  mostRules: "#1b7837",
} as const;

/** The legend's words for the gaps' colours; an entry's comment says the same. */
const LEGEND = { noRule: "No detection rule", testsNoRule: "Atomic tests but no detection rule", noNote: "No note in the vault" };

/** Layer format 4.5 needs Navigator 4.9.0 or later; its specification pairs 5.2.0 with ATT&CK 18, the release shipped here. */
export const NAVIGATOR_VERSION = "5.2.0";

export interface LayerMetadata {
  name: string;
  value: string;
}

export interface LayerTechnique {
  techniqueID: string;
  tactic?: string;
  score: number;
  color?: string;
  comment: string;
  metadata: LayerMetadata[];
  enabled: boolean;
  showSubtechniques?: boolean;
}

export interface NavigatorLayer {
  name: string;
  versions: { attack: string; navigator: string; layer: "4.5" };
  domain: string;
  description: string;
  filters?: { platforms: string[] };
  sorting: number;
  layout: {
    layout: "side";
    showID: boolean;
    showName: boolean;
    showAggregateScores: boolean;
    countUnscored: boolean;
    aggregateFunction: "max";
    expandedSubtechniques: "annotated";
  };
  hideDisabled: boolean;
  techniques: LayerTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: Array<{ label: string; color: string }>;
  metadata: LayerMetadata[];
}

export interface LayerOptions {
  name: string;
  description: string;
  scoring: LayerScoring;
  release: AttackRelease;
  /** Sets `filters.platforms`, in the release's spelling where it has one (an older name becomes today's). */
  platform?: string;
  /** ATT&CK techniques with no note: scored from the rules that name them, grey when none do. */
  missing?: readonly MissingTechnique[];
}

type LayerIndex = Pick<VaultIndex, "get" | "rulesFor" | "testsFor">;

interface Scored {
  id: string;
  tactics: Array<string | undefined>;
  rules: string[];
  tests: string[];
  status: CoverageStatus | "no-note";
  note: string | null;
}

function ruleScore(rules: readonly string[], index: LayerIndex, scoring: LayerScoring): number {
  if (scoring === "count") return rules.length;
  return rules.reduce((sum, path) => sum + levelWeight(index.get(path)?.level ?? null), 0);
}

/** The row's ATT&CK tactic shortnames; ATT&CK's own when the vault names none the release knows; one tactic-less entry otherwise. */
function entryTactics(vaultShortnames: readonly string[], id: string, release: AttackRelease): Array<string | undefined> {
  const known = new Set(release.tactics.map((tactic) => tactic.shortname));
  const fromVault = vaultShortnames.filter((shortname) => known.has(shortname));
  if (fromVault.length > 0) return fromVault;
  const fromAttack = release.techniques.get(id)?.tactics ?? [];
  return fromAttack.length > 0 ? fromAttack : [undefined];
}

/** A row as the report counts it: with rollup on, a parent scores its sub-techniques' rules too. */
function scoredRow(row: CoverageRow, release: AttackRelease): Scored {
  const tactics = entryTactics(
    row.tactics.map((tactic) => tactic.shortname),
    row.id,
    release,
  );
  return { id: row.id, tactics, rules: row.rules, tests: row.tests, status: row.status, note: row.note || null };
}

function scoredMissing(technique: MissingTechnique, index: LayerIndex, release: AttackRelease): Scored {
  const rules = [...index.rulesFor(technique.id)].sort();
  const tests = [...index.testsFor(technique.id)].sort();
  return { id: technique.id, tactics: entryTactics([], technique.id, release), rules, tests, status: "no-note", note: null };
}

function entryColor(entry: Scored): string | undefined {
  if (entry.rules.length > 0) return undefined;
  if (entry.status === "no-note") return LAYER_COLORS.noNote;
  return entry.status === "tests-no-rule" ? LAYER_COLORS.testsNoRule : LAYER_COLORS.noRule;
}

/** Navigator shows a comment in a tooltip: past this many characters it says how many rules it left out. */
export const COMMENT_LIMIT = 1000;

/** The rules' titles, `; `-separated, as many as fit in COMMENT_LIMIT, then `; and 212 more rules`. */
export function rulesComment(titles: readonly string[]): string {
  const all = titles.join("; ");
  if (all.length <= COMMENT_LIMIT) return all;
  const moreText = (listed: number): string => (listed < titles.length ? `; and ${plural(titles.length - listed, "more rule")}` : "");
  let comment = "";
  let listed = 0;
  for (const title of titles) {
    const next = listed === 0 ? title : `${comment}; ${title}`;
    if (next.length + moreText(listed + 1).length > COMMENT_LIMIT) break;
    comment = next;
    listed++;
  }
  // A first title longer than the whole comment may be is cut rather than left out.
  if (listed === 0) return `${(titles[0] ?? "").slice(0, COMMENT_LIMIT - moreText(1).length - 1)}…${moreText(1)}`;
  return comment + moreText(listed);
}

function entryComment(entry: Scored, index: LayerIndex): string {
  if (entry.rules.length > 0) return rulesComment(entry.rules.map((path) => index.get(path)?.title ?? path));
  return entry.status === "no-note" ? `${LEGEND.noNote} and no detection rule` : LEGEND.noRule;
}

function entryMetadata(entry: Scored): LayerMetadata[] {
  const metadata = [
    { name: "rules", value: String(entry.rules.length) },
    { name: "tests", value: String(entry.tests.length) },
    { name: "status", value: entry.status },
  ];
  return entry.note ? [...metadata, { name: "note", value: entry.note }] : metadata;
}

/**
 * The score the darkest green stands for: the 90th percentile of covered entries, so a few techniques
 * with hundreds of rules do not wash every other one out to the lightest shade. At least 2, as maxValue must exceed minValue.
 */
export function gradientTop(scores: readonly number[]): number {
  const covered = scores.filter((score) => score > 0).sort((a, b) => a - b);
  return Math.max(2, covered[Math.floor(0.9 * (covered.length - 1))] ?? 0);
}

export function navigatorLayer(report: CoverageReport, index: LayerIndex, options: LayerOptions): NavigatorLayer {
  const scored = [
    ...report.rows.map((row) => scoredRow(row, options.release)),
    ...(options.missing ?? []).map((technique) => scoredMissing(technique, index, options.release)),
  ].sort((a, b) => compareCodeUnits(a.id, b.id));
  const parentsWithCoveredSubs = new Set(scored.filter((entry) => entry.rules.length > 0).map((entry) => parentTechniqueId(entry.id)));
  const techniques: LayerTechnique[] = [];
  for (const entry of scored) {
    const score = ruleScore(entry.rules, index, options.scoring);
    const color = entryColor(entry);
    for (const tactic of entry.tactics) {
      techniques.push({
        techniqueID: entry.id,
        ...(tactic ? { tactic } : {}),
        score,
        ...(color ? { color } : {}),
        comment: entryComment(entry, index),
        metadata: entryMetadata(entry),
        enabled: true,
        ...(parentsWithCoveredSubs.has(entry.id) ? { showSubtechniques: true } : {}),
      });
    }
  }
  const maxScore = gradientTop(techniques.map((technique) => technique.score));
  const scoreLabel = (score: number): string =>
    options.scoring === "count" ? plural(score, "detection rule") : `Sigma-level score ${score}`;
  return {
    name: options.name,
    versions: { attack: attackMajorVersion(options.release), navigator: NAVIGATOR_VERSION, layer: "4.5" },
    domain: options.release.domain,
    description: options.description,
    ...(options.platform ? { filters: { platforms: [attackPlatform(options.platform, options.release) ?? options.platform] } } : {}),
    sorting: 0,
    layout: {
      layout: "side",
      showID: true,
      showName: true,
      showAggregateScores: false,
      countUnscored: false,
      aggregateFunction: "max",
      expandedSubtechniques: "annotated",
    },
    hideDisabled: false,
    techniques,
    gradient: { colors: [LAYER_COLORS.fewestRules, LAYER_COLORS.mostRules], minValue: 1, maxValue: maxScore },
    legendItems: [
      { label: LEGEND.noRule, color: LAYER_COLORS.noRule },
      { label: LEGEND.testsNoRule, color: LAYER_COLORS.testsNoRule },
      ...(options.missing ? [{ label: LEGEND.noNote, color: LAYER_COLORS.noNote }] : []),
      { label: scoreLabel(1), color: LAYER_COLORS.fewestRules },
      { label: `${scoreLabel(maxScore)} or more`, color: LAYER_COLORS.mostRules },
    ],
    metadata: [
      { name: "generated by", value: "attack-vault" },
      { name: "score", value: options.scoring === "count" ? "detection rules" : `Sigma level: ${levelWeightsText()}` },
      { name: "ATT&CK data", value: `v${options.release.version}` },
    ],
  };
}

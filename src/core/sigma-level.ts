/**
 * Sigma's rule levels, most severe first, each with what a rule of that level adds to a
 * technique's Navigator score under `--score level`. The blocks' and the API's order, the layer's
 * weights and the layer's legend all read them here.
 */
import { compareCodeUnits, compareTitles } from "./order";

export const SIGMA_LEVELS: ReadonlyArray<{ level: string; weight: number }> = [
  { level: "critical", weight: 12 },
  { level: "high", weight: 8 },
  { level: "medium", weight: 4 },
  { level: "low", weight: 2 },
  { level: "informational", weight: 1 },
];

/** What a rule without a known level adds to a score: the least. */
const UNKNOWN_LEVEL_WEIGHT = 1;

const RANKS = new Map(SIGMA_LEVELS.map(({ level }, rank) => [level, rank]));
const WEIGHTS = new Map(SIGMA_LEVELS.map(({ level, weight }) => [level, weight]));

/** The level when it is one of Sigma's, else null: only known words may become a CSS class. */
export function knownLevel(level: string | null): string | null {
  return level !== null && RANKS.has(level) ? level : null;
}

/** 0 for critical, up to informational; no level, or an unknown one, after all of them. */
export function severityRank(level: string | null): number {
  return (level === null ? undefined : RANKS.get(level)) ?? SIGMA_LEVELS.length;
}

export function levelWeight(level: string | null): number {
  return (level === null ? undefined : WEIGHTS.get(level)) ?? UNKNOWN_LEVEL_WEIGHT;
}

/** `informational 1, low 2, medium 4, high 8, critical 12`: the weights in words, least first. */
export function levelWeightsText(): string {
  return [...SIGMA_LEVELS].reverse().map(({ level, weight }) => `${level} ${weight}`).join(", ");
}

/** Rules as the blocks and the API list them: most severe first, then by title as a person reads it, then by path. */
export function compareBySeverity(a: { level: string | null; title: string; path: string }, b: { level: string | null; title: string; path: string }): number {
  return severityRank(a.level) - severityRank(b.level) || compareTitles(a.title, b.title) || compareCodeUnits(a.path, b.path);
}

/**
 * A coverage report as plain data: what `attack-vault coverage --json` prints and what the
 * plugin's API returns, so scripts and dataviewjs see one shape.
 */
import type { CoverageCounts, CoverageReport, CoverageRow, CoverageStatus, ProfileScope } from "./coverage";
import { compareCodeUnits, compareTitles } from "./order";
import type { ThreatProfile } from "./threat-profiles";
import { profileNames, type TopGaps } from "./top-gaps";
import type { VaultIndex } from "./vault-index";

/** Field by field in docs/schemas/coverage.schema.json. */
export interface TechniqueCoverageData {
  id: string;
  name: string;
  note: string;
  tactics: string[];
  platforms: string[];
  /** What the report counts: with rollup on, a parent's rules and tests include its sub-techniques'. */
  status: CoverageStatus;
  rules: string[];
  tests: string[];
  viaSubTechniquesOnly: boolean;
  /** The rules and tests that name this technique itself. */
  direct: { status: CoverageStatus; rules: string[]; tests: string[] };
  subTechniques: string[];
  duplicateNotes?: string[];
}

export interface TacticCoverageData {
  id: string;
  name: string;
  shortname: string;
  techniques: number;
  withRule: number;
  withTest: number;
  gaps: number;
}

export interface ThreatProfileData {
  name: string;
  attackId: string | null;
  kind: ThreatProfile["kind"];
  note: string;
  /** The technique IDs the profile lists. */
  techniques: string[];
}

/** The threat profiles a report was restricted to (`--profile`, `coverage({ profile })`). */
export interface ProfileScopeData {
  /** The names, IDs or aliases asked for, as given. */
  asked: string[];
  /** The profiles they stand for. */
  matched: ThreatProfileData[];
  /** Over the technique notes of the profiles' techniques, before the other filters. */
  totals: CoverageCounts;
  /** Techniques the profiles list that have no technique note. */
  withoutNote: string[];
}

export interface CoverageData {
  /** Whether the counted fields roll sub-techniques up into their parents. */
  rollup: boolean;
  techniques: TechniqueCoverageData[];
  tactics: TacticCoverageData[];
  totals: CoverageCounts;
  /** Only when a threat profile filter was given. */
  profiles?: ProfileScopeData;
}

export interface TopGapData {
  id: string;
  name: string;
  /** The technique note; null when the vault has none. */
  note: string | null;
  status: CoverageStatus;
  /** The profiles that list it, by name. */
  profiles: Array<{ name: string; note: string }>;
}

export interface TopGapsData {
  limit: number;
  /** Every gap some profile lists, before the limit. */
  total: number;
  /** The vault's threat profiles. */
  profilesInVault: number;
  gaps: TopGapData[];
}

export function techniqueCoverageData(row: CoverageRow): TechniqueCoverageData {
  return {
    id: row.id,
    name: row.name,
    note: row.note,
    tactics: row.tactics.map((tactic) => tactic.name),
    platforms: row.platforms,
    status: row.status,
    rules: row.rules,
    tests: row.tests,
    viaSubTechniquesOnly: row.viaSubTechniquesOnly,
    direct: { status: row.direct.status, rules: row.direct.rules, tests: row.direct.tests },
    subTechniques: row.subTechniques,
    ...(row.notes.length > 1 ? { duplicateNotes: row.notes } : {}),
  };
}

export function threatProfileData(profile: ThreatProfile): ThreatProfileData {
  return { name: profile.name, attackId: profile.attackId, kind: profile.kind, note: profile.path, techniques: [...profile.techniqueIds] };
}

function profileScopeData(scope: ProfileScope): ProfileScopeData {
  return { asked: scope.asked, matched: scope.profiles.map(threatProfileData), totals: scope.counts, withoutNote: scope.withoutNote };
}

export function topGapsData(index: VaultIndex, ranking: TopGaps, limit: number): TopGapsData {
  const gaps = ranking.gaps.map((gap) => {
    const profiles = gap.profiles.map((path) => ({ name: profileNames(index, [path])[0] ?? path, note: path }));
    profiles.sort((a, b) => compareTitles(a.name, b.name) || compareCodeUnits(a.note, b.note));
    return { id: gap.id, name: gap.name, note: gap.note, status: gap.status, profiles };
  });
  return { limit, total: ranking.total, profilesInVault: index.profilePaths().size, gaps };
}

export function coverageData(report: CoverageReport): CoverageData {
  return {
    rollup: report.rollup,
    techniques: report.rows.map(techniqueCoverageData),
    tactics: report.tactics.map((group) => ({
      id: group.tactic.id,
      name: group.tactic.name,
      shortname: group.tactic.shortname,
      techniques: group.techniques,
      withRule: group.withRule,
      withTest: group.withTest,
      gaps: group.gaps,
    })),
    totals: report.filtered,
    ...(report.profiles ? { profiles: profileScopeData(report.profiles) } : {}),
  };
}

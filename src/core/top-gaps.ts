/**
 * The gaps that matter most: techniques with no detection rule, ranked by how many of the vault's
 * threat profiles list them. It reads the index's technique → profiles map, kept up to date as
 * notes change, and the report's rows, so it costs a pass over the profiled techniques.
 */
import { attackRelease, techniqueName, type AttackRelease } from "./attack-catalogue";
import { matchesAttackFilter } from "./attack-coverage";
import { countedCoverage, isGap, subTechniquesByParent, type CoverageFilter, type CoverageReport, type CoverageRow, type CoverageStatus } from "./coverage";
import { compareCodeUnits, compareTitles } from "./order";
import type { VaultIndex } from "./vault-index";

export interface TopGap {
  id: string;
  /** The technique note's name; ATT&CK's for a technique the vault has no note for. */
  name: string;
  /** The technique note, or null when the vault has none. */
  note: string | null;
  status: CoverageStatus;
  /** The profiles that list the technique, by path. */
  profiles: string[];
}

export interface TopGaps {
  /** The first `limit`, most used first, then by ID. */
  gaps: TopGap[];
  /** Every gap some profile lists, before the limit. */
  total: number;
}

/**
 * Techniques with no rule that profiles list, ranked. The report's filter applies: a technique with a
 * note must be among its rows; one without a note must pass its profile, platform, tactic and text filter.
 */
export function topGaps(index: VaultIndex, report: CoverageReport, filter: CoverageFilter, limit: number, release: AttackRelease = attackRelease()): TopGaps {
  const rowsById = new Map<string, CoverageRow>();
  for (const row of report.rows) rowsById.set(row.id, row);
  const inProfile = report.profiles?.techniqueIds ?? null;
  const attributeFilter = !!(filter.platform || filter.tactic || filter.text?.trim());
  let subsByParent: Map<string, string[]> | null = null;
  const ranked: Array<{ id: string; profiles: ReadonlySet<string>; row: CoverageRow | null; status: CoverageStatus }> = [];
  for (const [id, profiles] of index.profiledTechniques()) {
    const row = rowsById.get(id);
    if (row) {
      if (isGap(row.status)) ranked.push({ id, profiles, row, status: row.status });
      continue;
    }
    // A technique with a note that the filter left out stays out; one without a note is judged here.
    if (index.techniqueNotesFor(id).size > 0 || (inProfile && !inProfile.has(id))) continue;
    const technique = release.techniques.get(id);
    if (technique ? !matchesAttackFilter(technique, filter, release) : attributeFilter) continue;
    subsByParent ??= subTechniquesByParent(index);
    const { status } = countedCoverage(index, id, report.rollup, subsByParent).counted;
    if (isGap(status) && (!filter.status || filter.status === "gaps" || filter.status === status)) ranked.push({ id, profiles, row: null, status });
  }
  ranked.sort((a, b) => b.profiles.size - a.profiles.size || compareCodeUnits(a.id, b.id));
  const gaps = ranked.slice(0, Math.max(0, limit)).map(({ id, profiles, row, status }) => ({
    id,
    name: row?.name ?? techniqueName(id, release) ?? id,
    note: row?.note || null,
    status,
    profiles: [...profiles].sort(),
  }));
  return { gaps, total: ranked.length };
}

/** The profiles' names, sorted: what a top gap shows on hover. */
export function profileNames(index: VaultIndex, paths: readonly string[]): string[] {
  return paths.map((path) => index.get(path)?.title ?? path).sort(compareTitles);
}

/**
 * What other plugins and `dataviewjs` blocks can ask: `app.plugins.plugins["attack-vault"].api`.
 * It answers from the same index as the blocks and the panel, so all three always agree.
 */
import type { DataviewInlineApi } from "obsidian-dataview";
import { computeCoverage, type CoverageFilter } from "../core/coverage";
import { coverageData, threatProfileData, topGapsData, type CoverageData, type ThreatProfileData, type TopGapsData } from "../core/coverage-export";
import { answerQuery } from "../core/query/hints";
import { compareBySeverity } from "../core/sigma-level";
import { parseTechniqueId } from "../core/technique-id";
import { threatProfiles } from "../core/threat-profiles";
import { topGaps } from "../core/top-gaps";
import type { VaultIndex } from "../core/vault-index";

export interface NoteSummary {
  path: string;
  title: string;
  /** Sigma level of a rule, lower case; null for tests and rules without one. */
  level: string | null;
  status: string | null;
  logSource: string | null;
  platforms: string[];
  techniqueIds: string[];
}

export type QueryAnswer = { ok: true; paths: string[]; hints: string[] } | { ok: false; error: { message: string; line: number; column: number } };

/** A threat profile as the API describes it: `note` is its path. */
export interface ProfileSummary extends ThreatProfileData {
  aliases: string[];
}

export interface ApiCoverageFilter extends CoverageFilter {
  /** Count a parent's sub-technique rules as its own; the plugin's setting when left out. */
  rollup?: boolean;
}

export interface AttackVaultApi {
  /** False until the vault has been indexed after Obsidian's layout is ready. */
  readonly ready: boolean;
  /** Moves whenever the index changes. */
  readonly revision: number;
  /**
   * Coverage of the vault's techniques, in the shape of `attack-vault coverage --json`. `profile`
   * (a name, ATT&CK ID or alias, or a list of them) keeps the techniques those threat profiles list;
   * one that names no profile throws, saying so.
   */
  coverage(filter?: ApiCoverageFilter): CoverageData;
  /** The threat profiles that list a technique (in any spelling), by name. */
  profilesFor(techniqueId: string): ProfileSummary[];
  /** Every threat profile in the vault, by name. */
  profiles(): ProfileSummary[];
  /** The `limit` techniques with no rule that the most profiles list, as `coverage --top-gaps` ranks them. */
  topGaps(limit?: number, filter?: ApiCoverageFilter): TopGapsData;
  /** Detection rule notes of a technique, in any spelling (`T1059.001`, `t1059_001`, …), most severe first. */
  rulesFor(techniqueId: string): NoteSummary[];
  testsFor(techniqueId: string): NoteSummary[];
  /** The notes a query in Obsidian search syntax (plus `technique:`, in any spelling) lists, with advice on terms that cannot match, or the error with its position. */
  query(text: string): QueryAnswer;
  /** A coverage table in a `dataviewjs` block: technique, status, rule and test counts. */
  coverageTable(dv: DataviewInlineApi, filter?: ApiCoverageFilter): Promise<void>;
}

export function createAttackVaultApi(source: { readonly index: VaultIndex; readonly ready: boolean }, rollUpByDefault: () => boolean): AttackVaultApi {
  const summaries = (paths: ReadonlySet<string>): NoteSummary[] =>
    [...paths]
      .map((path) => source.index.get(path))
      .filter((note) => note !== undefined)
      .map((note) => ({
        path: note.path,
        title: note.title,
        level: note.level,
        status: note.status,
        logSource: note.logSource,
        platforms: [...note.platforms],
        techniqueIds: [...note.techniqueIds],
      }))
      .sort(compareBySeverity);
  const report = (filter: ApiCoverageFilter) => {
    const { rollup = rollUpByDefault(), ...rest } = filter;
    const computed = computeCoverage(source.index, { rollup, filter: rest });
    const unknown = computed.profiles?.unknown ?? [];
    if (unknown.length > 0) throw new Error(`No threat profile in this vault has the name, ATT&CK ID or alias ${unknown.map((name) => JSON.stringify(name)).join(", ")}`);
    return { computed, filter: rest };
  };
  const coverage = (filter: ApiCoverageFilter = {}): CoverageData => coverageData(report(filter).computed);
  // In threatProfiles' order, so every list of profiles reads alike.
  const profileSummaries = (only?: ReadonlySet<string>): ProfileSummary[] =>
    threatProfiles(source.index)
      .filter((profile) => !only || only.has(profile.path))
      .map((profile) => ({ ...threatProfileData(profile), aliases: profile.aliases }));
  return {
    get ready() {
      return source.ready;
    },
    get revision() {
      return source.index.revision;
    },
    coverage,
    profilesFor: (techniqueId) => profileSummaries(source.index.profilesFor(parseTechniqueId(techniqueId) ?? techniqueId)),
    profiles: () => profileSummaries(),
    topGaps(limit = 20, filter = {}) {
      const { computed, filter: rest } = report(filter);
      return topGapsData(source.index, topGaps(source.index, computed, rest, limit), limit);
    },
    rulesFor: (techniqueId) => summaries(source.index.rulesFor(parseTechniqueId(techniqueId) ?? techniqueId)),
    testsFor: (techniqueId) => summaries(source.index.testsFor(parseTechniqueId(techniqueId) ?? techniqueId)),
    query(text) {
      const result = answerQuery(text, source.index, "attack", undefined, { rollup: rollUpByDefault() });
      if (result.ok) return { ok: true, paths: result.value.paths, hints: result.value.hints };
      const { message, line, column } = result.error;
      return { ok: false, error: { message, line, column } };
    },
    async coverageTable(dv, filter) {
      const rows = coverage(filter).techniques.map((technique) => [
        dv.fileLink(technique.note, false, `${technique.id} ${technique.name}`),
        technique.status,
        technique.rules.length,
        technique.tests.length,
      ]);
      await dv.table(["Technique", "Status", "Rules", "Tests"], rows);
    },
  };
}

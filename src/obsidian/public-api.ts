/**
 * What other plugins and `dataviewjs` blocks can ask: `app.plugins.plugins["attack-vault"].api`.
 * It answers from the same index as the blocks and the panel, so all three always agree.
 */
import type { DataviewInlineApi } from "obsidian-dataview";
import { computeCoverage, type CoverageFilter } from "../core/coverage";
import { coverageData, type CoverageData } from "../core/coverage-export";
import { answerQuery } from "../core/query/hints";
import { compareBySeverity } from "../core/sigma-level";
import { parseTechniqueId } from "../core/technique-id";
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

export interface ApiCoverageFilter extends CoverageFilter {
  /** Count a parent's sub-technique rules as its own; the plugin's setting when left out. */
  rollup?: boolean;
}

export interface AttackVaultApi {
  /** False until the vault has been indexed after Obsidian's layout is ready. */
  readonly ready: boolean;
  /** Moves whenever the index changes. */
  readonly revision: number;
  /** Coverage of the vault's techniques, in the shape of `attack-vault coverage --json`. */
  coverage(filter?: ApiCoverageFilter): CoverageData;
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
  const coverage = (filter: ApiCoverageFilter = {}): CoverageData => {
    const { rollup = rollUpByDefault(), ...rest } = filter;
    return coverageData(computeCoverage(source.index, { rollup, filter: rest }));
  };
  return {
    get ready() {
      return source.ready;
    },
    get revision() {
      return source.index.revision;
    },
    coverage,
    rulesFor: (techniqueId) => summaries(source.index.rulesFor(parseTechniqueId(techniqueId) ?? techniqueId)),
    testsFor: (techniqueId) => summaries(source.index.testsFor(parseTechniqueId(techniqueId) ?? techniqueId)),
    query(text) {
      const result = answerQuery(text, source.index, "attack");
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

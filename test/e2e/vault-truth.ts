/**
 * What the page should show, worked out in Node from the same vault folder with the CLI's
 * reader and the pure core, never from the page itself.
 */
import { basename } from "node:path";
import { savedSettings } from "../../src/cli/load-vault";
import { parseNote, readVault } from "../../src/cli/read-vault";
import { computeCoverage, coverageRows, platformChoices, type CoverageFilter, type CoverageReport } from "../../src/core/coverage";
import { runQuery } from "../../src/core/query/evaluate";
import type { AttackVaultSettings } from "../../src/core/settings-data";
import { VaultIndex } from "../../src/core/vault-index";
import { importedProfiles, pageVault } from "./build-page";

export const POWERSHELL = "Use Cases/T1059.001 - Command and Scripting Interpreter- PowerShell.md";

export interface BlockTruth {
  query: string;
  results: string[];
}

export interface VaultTruth {
  name: string;
  settings: AttackVaultSettings;
  index: VaultIndex;
  /** The ```query blocks of a note, in order, with the notes each lists. */
  blocksOf(notePath: string): BlockTruth[];
  /** The panel's report, as the plugin computes it with the saved settings. */
  coverage(filter?: CoverageFilter): CoverageReport;
  /** IDs of the techniques the panel lists under its tactics, after a filter. */
  listedIds(filter?: CoverageFilter): Set<string>;
  platforms: string[];
  /** A technique with no rule at all, not even through sub-techniques, whose note has a rules block. */
  gap: { note: string; id: string; tag: string };
}

/** The ID a technique note's file name starts with (`T1572 - Protocol Tunneling.md`). */
export function idFromFileName(path: string): string | null {
  return /^(T\d{4}(?:\.\d{3})?) - /.exec(basename(path))?.[1] ?? null;
}

let cached: VaultTruth | null = null;

export function vaultTruth(): VaultTruth {
  if (cached) return cached;
  const vault = pageVault();
  const settings = savedSettings(vault.dir).settings;
  const read = readVault(vault.dir, { queryBlocks: true });
  const index = new VaultIndex(settings);
  for (const record of read.records) index.upsert(record);
  for (const note of importedProfiles(vault)) index.upsert(parseNote(note.path, note.text).record);
  const blocksOf = (notePath: string): BlockTruth[] =>
    read.queryBlocks
      .filter((block) => block.note === notePath)
      .map((block) => {
        const result = runQuery(block.query, index);
        if (!result.ok) throw new Error(`${notePath}: ${result.error.message}`);
        return { query: block.query, results: result.value };
      });
  const rollup = settings.rollUpSubTechniques;
  const coverage = (filter?: CoverageFilter): CoverageReport => computeCoverage(index, { rollup, filter });
  const rows = coverageRows(index, { rollup });
  const gapRow = rows.find(
    (row) =>
      row.status === "no-rule" &&
      !row.id.includes(".") &&
      idFromFileName(row.note) === row.id &&
      blocksOf(row.note).some((block) => block.query.includes(settings.ruleTag) && block.results.length === 0),
  );
  if (!gapRow) throw new Error(`${vault.name} has no technique without a rule to test the gap state with`);
  cached = {
    name: vault.name,
    settings,
    index,
    blocksOf,
    coverage,
    listedIds: (filter) => new Set(coverage(filter).tactics.flatMap((group) => group.rows.map((row) => row.id))),
    platforms: platformChoices(rows),
    gap: { note: gapRow.note, id: gapRow.id, tag: gapRow.id.replace(".", "_") },
  };
  return cached;
}

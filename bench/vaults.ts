/**
 * The vaults measured: the real catalogue (1×) and copies with every rule and test note
 * repeated under new names (10×, 30×); technique notes stay unique, so the queries stay the same.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { pluginDataPath, savedSettings } from "../src/cli/load-vault";
import { readVault } from "../src/cli/read-vault";
import { VaultIndex } from "../src/core/vault-index";

export interface SourceVault {
  dir: string;
  /** True for the real catalogue; false when ../shared is absent and the example vault stands in. */
  real: boolean;
  /** Copies of each rule and test note that make the "1×" vault: 1 for the real vault, more for the small example. */
  baseCopies: number;
  rulesAndTests: string[];
  /** Every other Markdown note, written once at every scale. */
  otherNotes: string[];
}

// The bench runs bundled from bench/.build/, two folders below the repository root.
const REPO_ROOT = resolve(__dirname, "../..");
const SHARED_DIR = process.env.ATTACK_VAULT_SHARED ?? resolve(REPO_ROOT, "../shared");
export const REAL_VAULT = resolve(SHARED_DIR, "vaults/use-case-catalogue");
export const EXAMPLE_VAULT = resolve(REPO_ROOT, "test/fixtures/example-vault");

/** A folder as the table names it: relative to the repository, so a pasted table holds no machine's paths. */
export function shownPath(dir: string): string {
  return relative(REPO_ROOT, dir) || ".";
}
/** The real vault's rule and test count; the example vault is copied up to about this many. */
const REAL_RULES_AND_TESTS = 3104;

export function sourceVault(preferExample: boolean): SourceVault {
  const real = !preferExample && existsSync(REAL_VAULT);
  const dir = real ? REAL_VAULT : EXAMPLE_VAULT;
  const index = new VaultIndex(savedSettings(dir).settings);
  const records = readVault(dir).records;
  for (const record of records) index.upsert(record);
  const rulesAndTests: string[] = [];
  const otherNotes: string[] = [];
  for (const note of index.notes()) (note.kind === "rule" || note.kind === "test" ? rulesAndTests : otherNotes).push(note.path);
  // Excluded notes are not in the index but are still files of the vault: keep them, once.
  const indexed = new Set(index.allPaths());
  for (const record of records) if (!indexed.has(record.path)) otherNotes.push(record.path);
  const baseCopies = real ? 1 : Math.max(1, Math.round(REAL_RULES_AND_TESTS / Math.max(1, rulesAndTests.length)));
  return { dir, real, baseCopies, rulesAndTests, otherNotes };
}

/** `Detection Rules/x.md` → `Detection Rules/x__copy7.md`; copy 0 keeps its name. */
export function copyPath(path: string, copy: number): string {
  return copy === 0 ? path : path.replace(/\.md$/i, `__copy${copy}.md`);
}

/** Writes a vault with `copies` of every rule and test note into a new temporary folder and returns it. */
export function writeScaledVault(source: SourceVault, copies: number, parent: string): string {
  const dir = join(parent, `x${copies}`);
  const ensured = new Set<string>();
  const write = (path: string, bytes: Buffer): void => {
    const target = join(dir, path);
    const folder = dirname(target);
    if (!ensured.has(folder)) {
      mkdirSync(folder, { recursive: true });
      ensured.add(folder);
    }
    writeFileSync(target, bytes);
  };
  for (const path of source.otherNotes) write(path, readFileSync(join(source.dir, path)));
  for (const path of source.rulesAndTests) {
    const bytes = readFileSync(join(source.dir, path));
    for (let copy = 0; copy < copies; copy++) write(copyPath(path, copy), bytes);
  }
  // The same saved settings, so the headless reader classifies notes as in the source vault.
  const settings = join(source.dir, pluginDataPath(".obsidian"));
  if (existsSync(settings)) {
    mkdirSync(dirname(join(dir, pluginDataPath(".obsidian"))), { recursive: true });
    copyFileSync(settings, join(dir, pluginDataPath(".obsidian")));
  }
  return dir;
}

/** A temporary parent folder for the scaled vaults, and its removal. */
export function scratchFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "attack-vault-bench-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

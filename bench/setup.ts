/** What every target measures on: the vaults at each scale, read once, and the technique notes' queries. */
import { openVault, type OpenVault } from "../src/cli/load-vault";
import { readVault } from "../src/cli/read-vault";
import type { QueryNode } from "../src/core/query/ast";
import { parseQuery } from "../src/core/query/parse";
import { progress } from "./measure";
import type { BenchOptions } from "./options";
import { scratchFolder, shownPath, sourceVault, writeScaledVault, REAL_VAULT, type SourceVault } from "./vaults";

export interface ScaledVault {
  /** `1×`, `10×`, `30×`: copies of each rule and test note relative to the 1× vault. */
  label: string;
  dir: string;
  vault: OpenVault;
}

export interface BenchWorld {
  source: SourceVault;
  scales: ScaledVault[];
  /** Every query block of every technique note, parsed (blocks that do not parse are left out). */
  techniqueQueries: QueryNode[];
  /** Lines the table prints above the results: what was measured on. */
  notes: string[];
  /** A temporary folder for vaults a target writes; removed with the scaled vaults. */
  scratchDir: string;
  cleanUp: () => void;
}

/** Opens a vault folder as `attack-vault` does (saved settings, read, index). */
export function openVaultFolder(dir: string): OpenVault {
  return openVault({ command: "coverage", positionals: [dir], flags: new Map() });
}

export function smallest(world: BenchWorld): ScaledVault {
  const vault = world.scales[0];
  if (!vault) throw new Error("no vault to measure");
  return vault;
}

export function largest(world: BenchWorld): ScaledVault {
  const vault = world.scales[world.scales.length - 1];
  if (!vault) throw new Error("no vault to measure");
  return vault;
}

export function setUp(options: BenchOptions): BenchWorld {
  const source = sourceVault(options.smoke);
  // The smoke run takes the example vault as it is; a full run without ../shared copies it up to the real vault's size.
  const baseCopies = options.smoke ? 1 : source.baseCopies;
  const notes: string[] = [];
  if (source.real) notes.push(`vault: ${shownPath(source.dir)} (1×), rule and test notes copied for the larger scales`);
  else if (options.smoke) notes.push(`smoke run: the example vault ${shownPath(source.dir)}, one round each; the figures mean nothing`);
  else notes.push(`../shared is absent (no ${shownPath(REAL_VAULT)}): using the example vault with each rule and test note copied ${baseCopies}× as 1×`);
  const scratch = scratchFolder();
  const scales: ScaledVault[] = [];
  try {
    for (const scale of options.scales) {
      const label = `${scale}×`;
      const copies = scale * baseCopies;
      progress(`writing and reading the ${label} vault (each of ${source.rulesAndTests.length} rule and test notes ×${copies})…`);
      const dir = copies === 1 ? source.dir : writeScaledVault(source, copies, scratch.dir);
      scales.push({ label, dir, vault: openVaultFolder(dir) });
    }
  } catch (error) {
    scratch.remove();
    throw error;
  }
  const first = scales[0];
  const techniqueNotes = new Set([...(first?.vault.index.notes() ?? [])].filter((note) => note.kind === "technique").map((note) => note.path));
  const blocks = readVault(first?.dir ?? source.dir, { queryBlocks: true }).queryBlocks.filter((block) => techniqueNotes.has(block.note));
  const techniqueQueries: QueryNode[] = [];
  for (const block of blocks) {
    const parsed = parseQuery(block.query);
    if (parsed.ok) techniqueQueries.push(parsed.value);
  }
  const sizes = scales.map((scale) => `${scale.label} ${scale.vault.index.size} notes`).join(", ");
  notes.push(`scales: ${sizes}; ${techniqueQueries.length} query blocks in ${techniqueNotes.size} technique notes (${blocks.length - techniqueQueries.length} do not parse)`);
  return { source, scales, techniqueQueries, notes, scratchDir: scratch.dir, cleanUp: scratch.remove };
}

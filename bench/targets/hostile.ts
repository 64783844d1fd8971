/**
 * Target 10: no input may cost more than its size. A vault of the worst hostile classes, at the
 * clean catalogue's size in bytes, read and reported as the CLI does, against the clean vault
 * (limit 3×); and linearity: random mixtures of the classes at 4× their size cost at most 2× as
 * much per byte as at 1× (issue #15's property, a fresh mixture every round).
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { listMarkdownFiles } from "../../src/cli/read-vault";
import { computeCoverage } from "../../src/core/coverage";
import { evaluateQuery } from "../../src/core/query/evaluate";
import { parseQuery } from "../../src/core/query/parse";
import { indexProblems } from "../../src/core/vault-problems";
import { equalMixture, randomMixture, seeded, writeHostileVault } from "../hostile-vaults";
import { inTurn, interleaved, pairFigure, progress, significant, timeMs } from "../measure";
import type { BenchOptions } from "../options";
import type { Measured, TargetHeadline } from "../report";
import { openVaultFolder, smallest, type BenchWorld } from "../setup";

/** Target 10's headline: its first figure is held to this limit. */
export const HOSTILE_TARGET: TargetHeadline = { target: 10, name: "hostile vault read", unit: "×", limit: 3 };

/** A property query of the kind class 3's aliases once made expand without bound. */
const PROPERTY_QUERY = (() => {
  const parsed = parseQuery("[level:zzz]");
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
})();

/** What `attack-vault coverage` does with a folder, and one property query: read, index, coverage, problems. */
function readAndReport(dir: string): number {
  const { index, read } = openVaultFolder(dir);
  const report = computeCoverage(index, { rollup: true });
  return read.warnings.length + indexProblems(index).length + report.rows.length + evaluateQuery(PROPERTY_QUERY, index).length;
}

function vaultBytes(dir: string): number {
  return listMarkdownFiles(dir).reduce((sum, path) => sum + statSync(join(dir, path)).size, 0);
}

function hostileAgainstClean(world: BenchWorld, options: BenchOptions, scratch: string): Measured {
  const clean = smallest(world);
  const bytes = vaultBytes(clean.dir);
  const hostileDir = join(scratch, "hostile");
  const written = writeHostileVault(hostileDir, equalMixture(), bytes);
  progress(`target 10: a hostile vault of ${written} bytes against the clean ${clean.label} vault (${bytes} bytes)…`);
  let sink = 0;
  const pair = interleaved(
    options.slowRounds,
    () => {
      sink += readAndReport(clean.dir);
    },
    () => {
      sink += readAndReport(hostileDir);
    },
  );
  if (sink < 0) progress("unreachable");
  return {
    target: HOSTILE_TARGET.target,
    name: `hostile vault of the worst classes / the clean ${clean.label} vault, same bytes, read and reported`,
    ...pairFigure(pair, (cleanMs, hostileMs) => hostileMs / cleanMs),
    limit: HOSTILE_TARGET.limit,
    unit: "×",
    bound: "at most",
    detail: `hostile ${significant(pair.subjectMs)} ms for ${written} bytes, clean ${significant(pair.baselineMs)} ms for ${bytes} bytes`,
  };
}

/** Each round a new random mixture, at 1× and 4× a byte budget; the figure is the cost per byte at 4× over that at 1×. */
function linearity(options: BenchOptions, scratch: string): Measured {
  const budget = options.smoke ? 50_000 : 1_000_000;
  const rounds = options.smoke ? 1 : Math.max(7, options.rounds);
  progress(`target 10: ${rounds} random mixtures of the hostile classes at ${budget} and ${4 * budget} bytes…`);
  const random = seeded(20261129);
  const baselineSamples: number[] = [];
  const subjectSamples: number[] = [];
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    const mixture = randomMixture(random);
    const small = join(scratch, `mixture ${round} 1x`);
    const large = join(scratch, `mixture ${round} 4x`);
    const smallBytes = writeHostileVault(small, mixture, budget);
    const largeBytes = writeHostileVault(large, mixture, 4 * budget);
    sink += readAndReport(small) + readAndReport(large); // warm: the OS cache and the JIT
    // Time per byte, so a mixture whose payloads round to other sizes is still compared fairly.
    const perByte = (dir: string, size: number): number => timeMs(() => (sink += readAndReport(dir))) / size;
    inTurn(
      round,
      () => baselineSamples.push(perByte(small, smallBytes)),
      () => subjectSamples.push(perByte(large, largeBytes)),
    );
    rmSync(small, { recursive: true, force: true });
    rmSync(large, { recursive: true, force: true });
  }
  if (sink < 0) progress("unreachable");
  const pair = { baselineMs: Number.NaN, subjectMs: Number.NaN, baselineSamples, subjectSamples };
  return {
    target: HOSTILE_TARGET.target,
    name: "hostile linearity: cost per byte at 4× / at 1×, random mixtures of the classes",
    ...pairFigure(pair, (smallPerByte, largePerByte) => largePerByte / smallPerByte),
    limit: 2,
    unit: "×",
    bound: "at most",
    detail: `${rounds} mixtures of ${budget} and ${4 * budget} bytes`,
  };
}

export function measureHostile(world: BenchWorld, options: BenchOptions): Measured[] {
  const scratch = mkdtempSync(join(world.scratchDir, "hostile-"));
  try {
    return [hostileAgainstClean(world, options, scratch), linearity(options, scratch)];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

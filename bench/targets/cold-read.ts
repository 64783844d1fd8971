/** Target 3: attack-vault's read of a vault folder into the index, against a loop that only reads the same files' bytes. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { listMarkdownFiles } from "../../src/cli/read-vault";
import { interleaved, pairFigure, progress, significant } from "../measure";
import type { BenchOptions } from "../options";
import type { Measured, TargetHeadline } from "../report";
import { largest, openVaultFolder, smallest, type BenchWorld, type ScaledVault } from "../setup";

/** Target 3's headline: its first figure is held to this limit. */
export const COLD_READ_TARGET: TargetHeadline = { target: 3, name: "headless cold read", unit: "×", limit: 2.5 };

function readBytes(dir: string, paths: readonly string[]): number {
  let bytes = 0;
  for (const path of paths) bytes += readFileSync(join(dir, path)).length;
  return bytes;
}

function measureAt(scale: ScaledVault, rounds: number): Measured {
  const paths = listMarkdownFiles(scale.dir);
  progress(`target 3: reading the ${scale.label} vault (${paths.length} files), ${rounds} rounds…`);
  let sink = 0;
  // Setup already read each vault once, so both sides find the files in the OS cache alike.
  const pair = interleaved(
    rounds,
    () => {
      sink += readBytes(scale.dir, paths);
    },
    () => {
      sink += openVaultFolder(scale.dir).index.size;
    },
    { warmUp: false },
  );
  if (sink < 0) progress("unreachable");
  return {
    target: COLD_READ_TARGET.target,
    name: `headless cold read into the index / bare byte read, ${scale.label} vault`,
    ...pairFigure(pair, (bytesMs, readMs) => readMs / bytesMs),
    limit: COLD_READ_TARGET.limit,
    unit: "×",
    bound: "at most",
    detail: `read+index ${significant(pair.subjectMs)} ms, bytes only ${significant(pair.baselineMs)} ms, ${paths.length} files`,
  };
}

export function measureColdRead(world: BenchWorld, options: BenchOptions): Measured[] {
  return [measureAt(smallest(world), options.rounds), measureAt(largest(world), options.slowRounds)];
}

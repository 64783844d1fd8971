/**
 * `npm run bench`: every performance target measured as a ratio against a baseline in the same
 * process and run, printed as a table, or with --json as only the JSON array on stdout.
 */
import { existsSync } from "node:fs";
import { progress } from "./measure";
import { parseOptions, type BenchOptions } from "./options";
import { profiled } from "./profile";
import { judged, jsonOf, notMeasured, tableOf, type Judged, type Measured } from "./report";
import { setUp, type BenchWorld } from "./setup";
import { BROWSER_FIGURES, browserFigures } from "./targets/browser";
import { measureColdRead } from "./targets/cold-read";
import { measureCoverage } from "./targets/coverage";
import { measureIndexBuild } from "./targets/index-build";
import { measureLoad } from "./targets/load";
import { measureMemory } from "./targets/memory";
import { measureOneNoteUpdate } from "./targets/one-note-update";
import { measureQueryEvaluation } from "./targets/query-evaluation";

interface TargetRun {
  target: number;
  /** What the target is called when it could not run at all. */
  name: string;
  unit: string;
  limit: number;
  run: (world: BenchWorld, options: BenchOptions) => Array<Measured | Judged>;
}

const TARGETS: TargetRun[] = [
  { target: 1, name: "query evaluation", unit: "×", limit: 100, run: measureQueryEvaluation },
  { target: 2, name: "one-note update", unit: "×", limit: 2, run: measureOneNoteUpdate },
  { target: 3, name: "headless cold read", unit: "×", limit: 2.5, run: measureColdRead },
  { target: 4, name: "index build from metadata", unit: "×", limit: 3, run: measureIndexBuild },
  { target: 5, name: "coverage", unit: "ms", limit: 5, run: measureCoverage },
  { target: 6, name: "memory per indexed note", unit: "B", limit: 1024, run: measureMemory },
  { target: 7, name: "load", unit: "KB", limit: 100, run: measureLoad },
];

function isJudged(result: Measured | Judged): result is Judged {
  return "pass" in result;
}

function runTargets(world: BenchWorld, options: BenchOptions): Judged[] {
  const results: Judged[] = [];
  for (const target of TARGETS) {
    if (options.only.length > 0 && !options.only.includes(target.target)) continue;
    try {
      const measured = options.profile ? profiled(target.target, () => target.run(world, options)) : target.run(world, options);
      for (const result of measured) results.push(isJudged(result) ? result : judged(result));
    } catch (error) {
      // One broken target must not hide the others: it fails, saying why.
      const why = `crashed: ${error instanceof Error ? error.message : String(error)}`;
      progress(`target ${target.target} ${why}`);
      results.push(notMeasured(target.target, target.name, target.unit, target.limit, why));
    }
  }
  if (options.only.length === 0 || options.only.includes(8)) results.push(...browserFigures());
  return results;
}

function main(): number {
  const options = parseOptions(process.argv.slice(2));
  const world = setUp(options);
  const removeOnInterrupt = (): void => {
    world.cleanUp();
    process.exit(130);
  };
  process.once("SIGINT", removeOnInterrupt);
  let results: Judged[];
  try {
    results = runTargets(world, options);
  } finally {
    world.cleanUp();
    process.off("SIGINT", removeOnInterrupt);
  }
  if (options.json) {
    process.stdout.write(jsonOf(results) + "\n");
  } else {
    const notes = [...world.notes];
    if (!existsSync(BROWSER_FIGURES)) notes.push("target 8 (in the browser) is measured by the e2e harness and skipped here");
    process.stdout.write(tableOf(results, notes));
  }
  // A smoke run only checks that the bench works; a full run fails when a target does.
  return options.smoke || results.every((result) => result.pass) ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
}

/**
 * `npm run bench`: every performance target measured as a ratio against a baseline in the same
 * process and run, printed as a table, or with --json as only the JSON array on stdout.
 */
import { closeBrowser } from "./browser";
import { progress } from "./measure";
import { parseOptions, type BenchOptions } from "./options";
import { profiled } from "./profile";
import { judged, jsonOf, notMeasured, tableOf, type Judged, type Measured, type TargetHeadline } from "./report";
import { setUp, type BenchWorld } from "./setup";
import { COLD_READ_TARGET, measureColdRead } from "./targets/cold-read";
import { COVERAGE_TARGET, measureCoverage } from "./targets/coverage";
import { FIRST_BUILD_TARGET, measureFirstBuild } from "./targets/first-build";
import { FIRST_RENDER_TARGET, measureFirstRender } from "./targets/first-render";
import { HOSTILE_TARGET, measureHostile } from "./targets/hostile";
import { INDEX_BUILD_TARGET, measureIndexBuild } from "./targets/index-build";
import { LOAD_TARGET, measureLoad } from "./targets/load";
import { MEMORY_TARGET, measureMemory } from "./targets/memory";
import { measureOneNoteUpdate, ONE_NOTE_UPDATE_TARGET } from "./targets/one-note-update";
import { measureQueryEvaluation, QUERY_EVALUATION_TARGET } from "./targets/query-evaluation";
import { measureThreatProfiles, THREAT_PROFILES_TARGET } from "./targets/threat-profiles";
import { measureTyping, TYPING_TARGET } from "./targets/typing";
import { measureWholeCommand, WHOLE_COMMAND_TARGET } from "./targets/whole-command";

interface TargetRun {
  /** What the target is called and held to, also when it could not run at all. */
  headline: TargetHeadline;
  run: (world: BenchWorld, options: BenchOptions) => Array<Measured | Judged> | Promise<Array<Measured | Judged>>;
  /** Measured in Chromium: --profile records the page, not this process (see bench/browser.ts). */
  inBrowser?: boolean;
}

const TARGETS: TargetRun[] = [
  { headline: QUERY_EVALUATION_TARGET, run: measureQueryEvaluation },
  { headline: ONE_NOTE_UPDATE_TARGET, run: measureOneNoteUpdate },
  { headline: COLD_READ_TARGET, run: measureColdRead },
  { headline: INDEX_BUILD_TARGET, run: measureIndexBuild },
  { headline: COVERAGE_TARGET, run: measureCoverage },
  { headline: MEMORY_TARGET, run: measureMemory },
  { headline: LOAD_TARGET, run: measureLoad },
  { headline: FIRST_RENDER_TARGET, run: measureFirstRender, inBrowser: true },
  { headline: TYPING_TARGET, run: measureTyping, inBrowser: true },
  { headline: HOSTILE_TARGET, run: measureHostile },
  { headline: WHOLE_COMMAND_TARGET, run: measureWholeCommand },
  { headline: FIRST_BUILD_TARGET, run: measureFirstBuild },
  { headline: THREAT_PROFILES_TARGET, run: measureThreatProfiles, inBrowser: true },
];

function isJudged(result: Measured | Judged): result is Judged {
  return "pass" in result;
}

async function runTargets(world: BenchWorld, options: BenchOptions): Promise<Judged[]> {
  const results: Judged[] = [];
  for (const target of TARGETS) {
    const number = target.headline.target;
    if (options.only.length > 0 && !options.only.includes(number)) continue;
    try {
      const measured = await (options.profile && !target.inBrowser ? profiled(number, () => target.run(world, options)) : target.run(world, options));
      for (const result of measured) results.push(isJudged(result) ? result : judged(result));
    } catch (error) {
      // One broken target must not hide the others: it fails, saying why.
      const why = `crashed: ${error instanceof Error ? error.message : String(error)}`;
      progress(`target ${number} ${why}`);
      results.push(notMeasured(target.headline, why));
    }
  }
  return results;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const world = setUp(options);
  const removeOnInterrupt = (): void => {
    world.cleanUp();
    process.exit(130);
  };
  process.once("SIGINT", removeOnInterrupt);
  let results: Judged[];
  try {
    results = await runTargets(world, options);
  } finally {
    await closeBrowser();
    world.cleanUp();
    process.off("SIGINT", removeOnInterrupt);
  }
  if (options.json) {
    process.stdout.write(jsonOf(results) + "\n");
  } else {
    process.stdout.write(tableOf(results, world.notes));
  }
  // A smoke run only checks that the bench works; a full run fails when a target does.
  return options.smoke || results.every((result) => result.pass) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);

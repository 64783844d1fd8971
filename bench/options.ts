/** Command-line switches and how many rounds each kind of measurement gets. */
export interface BenchOptions {
  /** Print only the JSON array on stdout. */
  json: boolean;
  /** One round each on the example vault: checks the bench runs, measures nothing worth reading. */
  smoke: boolean;
  /** Medians of this many rounds for quick measurements (milliseconds or less each); at least 7 in a full run. */
  rounds: number;
  /** Rounds for the slow ones (reading 30× from disk, the every-note scan). */
  slowRounds: number;
  /** Copies of each rule and test note per scale (`--scales 1,10` while developing); the first is the 1× vault. */
  scales: number[];
  /** Run only these targets (`--only 2,4`), e.g. under `node --cpu-prof`; all when empty. */
  only: number[];
  /** Write a CPU profile of each target (setup excluded) to bench/.build/target-N.cpuprofile. */
  profile: boolean;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const numbersAfter = (flag: string): { at: number; numbers: number[] } => {
    const at = argv.indexOf(flag);
    return { at, numbers: (at >= 0 ? (argv[at + 1] ?? "") : "").split(",").filter(Boolean).map(Number) };
  };
  const { at: onlyAt, numbers: only } = numbersAfter("--only");
  const { at: scalesAt, numbers: scales } = numbersAfter("--scales");
  const withValue = new Set([onlyAt, scalesAt].filter((at) => at >= 0).flatMap((at) => [at, at + 1]));
  const unknown = argv.filter((arg, i) => arg !== "--json" && arg !== "--smoke" && arg !== "--profile" && !withValue.has(i));
  if (unknown.length > 0 || [...only, ...scales].some((number) => !Number.isInteger(number) || number < 1)) {
    throw new Error(`unknown option ${unknown.join(" ")}; use --json, --smoke, --only 1,2, --scales 1,10, --profile`);
  }
  const smoke = argv.includes("--smoke");
  return {
    json: argv.includes("--json"),
    smoke,
    rounds: smoke ? 1 : 9,
    slowRounds: smoke ? 1 : 7,
    scales: scales.length > 0 ? scales : smoke ? [1, 3] : [1, 10, 30],
    only,
    profile: argv.includes("--profile"),
  };
}

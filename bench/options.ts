/** Command-line switches and how many rounds each kind of measurement gets. */
export interface BenchOptions {
  /** Print only the JSON array on stdout. */
  json: boolean;
  /** One round each on the example vault: checks the bench runs, measures nothing worth reading. */
  smoke: boolean;
  /** Medians of this many rounds for quick measurements (milliseconds or less each). */
  rounds: number;
  /** Rounds for the slow ones (reading 30× from disk, the every-note scan). */
  slowRounds: number;
  /** Copies of each rule and test note per scale; the first is the 1× vault. */
  scales: number[];
  /** Run only these targets (`--only 2,4`), e.g. under `node --cpu-prof`; all when empty. */
  only: number[];
  /** Write a CPU profile of each target (setup excluded) to bench/.build/target-N.cpuprofile. */
  profile: boolean;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const onlyAt = argv.indexOf("--only");
  const onlyText = onlyAt >= 0 ? (argv[onlyAt + 1] ?? "") : "";
  const only = onlyText.split(",").filter(Boolean).map(Number);
  const unknown = argv.filter((arg, i) => arg !== "--json" && arg !== "--smoke" && arg !== "--profile" && i !== onlyAt && i !== onlyAt + 1);
  if (unknown.length > 0 || only.some((target) => !Number.isInteger(target))) {
    throw new Error(`unknown option ${unknown.join(" ")}; use --json, --smoke, --only 1,2, --profile`);
  }
  const smoke = argv.includes("--smoke");
  return {
    json: argv.includes("--json"),
    smoke,
    rounds: smoke ? 1 : 9,
    slowRounds: smoke ? 1 : 5,
    scales: smoke ? [1, 3] : [1, 10, 30],
    only,
    profile: argv.includes("--profile"),
  };
}

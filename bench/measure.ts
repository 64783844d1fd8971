/** Timing that cancels drift: subject and baseline alternate, medians are compared, the heap is swept before each sample. */

declare const gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (typeof gc === "function") gc();
}

export function hasGc(): boolean {
  return typeof gc === "function";
}

/**
 * Milliseconds one call takes. With `collect`, after a garbage collection so the last sample's garbage
 * is not billed here; short samples skip it, since a full collection leaves the CPU caches cold and
 * the work after it slower for a few milliseconds, which would be billed to the sample instead.
 */
export function timeMs(run: () => void, collect = true): number {
  if (collect) collectGarbage();
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface Pair {
  /** Median milliseconds of each side. */
  baselineMs: number;
  subjectMs: number;
  /** Each round's milliseconds, in round order: round i of one side ran right beside round i of the other. */
  baselineSamples: number[];
  subjectSamples: number[];
}

/** The lowest and highest of a figure's per-round values. */
export interface Spread {
  min: number;
  max: number;
}

/** A figure as the bench reports it: the median of per-round values, and their spread. */
export interface Figure {
  value: number;
  spread: Spread;
}

/**
 * A figure from each round's pair of samples (`of(baselineMs, subjectMs)`, usually a ratio), so a
 * burst of load from another process moves one round's value, not the median: both sides of a
 * round ran back to back and shared whatever the machine was doing.
 */
export function pairFigure(pair: Pair, of: (baselineMs: number, subjectMs: number) => number): Figure {
  const values = pair.baselineSamples.map((baselineMs, round) => of(baselineMs, pair.subjectSamples[round] ?? Number.NaN));
  return figureOf(values);
}

/** The median and spread of some samples, rounded as the report shows them. */
export function figureOf(values: readonly number[]): Figure {
  return { value: significant(median(values)), spread: { min: significant(Math.min(...values)), max: significant(Math.max(...values)) } };
}

/** Runs both sides of round `round`, the baseline first in even rounds and the subject first in odd ones. */
export function inTurn(round: number, baseline: () => void, subject: () => void): void {
  if (round % 2 === 0) {
    baseline();
    subject();
  } else {
    subject();
    baseline();
  }
}

export interface PairOptions {
  /** Run each side once first (default true); off when the caller has already run both. */
  warmUp?: boolean;
  /** Collect garbage before each sample (default true); off for samples of a few ms, see `timeMs`. */
  collect?: boolean;
}

/**
 * Runs both sides once to warm them up, then `rounds` times each, swapping which goes first every
 * round, so a machine that speeds up or slows down during the run bills both sides alike.
 */
export function interleaved(rounds: number, baseline: () => void, subject: () => void, { warmUp = true, collect = true }: PairOptions = {}): Pair {
  if (warmUp) {
    baseline();
    subject();
  }
  const baselineSamples: number[] = [];
  const subjectSamples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    inTurn(
      round,
      () => baselineSamples.push(timeMs(baseline, collect)),
      () => subjectSamples.push(timeMs(subject, collect)),
    );
  }
  return { baselineMs: median(baselineSamples), subjectMs: median(subjectSamples), baselineSamples, subjectSamples };
}

/**
 * How many calls make one sample of about `sampleMs`: first calls until the code is warm (optimized
 * by the JIT), then the warm cost of one call decides. A smoke run takes one call.
 */
export function callsPerSample(run: () => void, sampleMs: number, smoke: boolean): number {
  if (smoke) return 1;
  const warmUntil = process.hrtime.bigint() + BigInt(Math.round(sampleMs * 5 * 1e6));
  let calls = 0;
  while (process.hrtime.bigint() < warmUntil || calls < 20) {
    run();
    calls++;
  }
  const warm = timeMs(() => {
    for (let i = 0; i < 5; i++) run();
  }, false);
  return Math.max(1, Math.round((sampleMs * 5) / Math.max(warm, 0.001)));
}

/** Round to three significant digits, so the JSON and the table show what the measurement can tell. */
export function significant(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/** Progress goes to stderr, so `--json` keeps stdout to the JSON array alone. */
export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

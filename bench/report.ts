/** The results: one object per target (the public JSON shape), and the table a person reads. */
import { cpus } from "node:os";
import type { Spread } from "./measure";

/** The public JSON shape: keep these keys; new ones are only ever added (`spread`, `noisy`). */
export interface TargetResult {
  target: number;
  name: string;
  /** The median of the figure's per-round values. */
  value: number;
  limit: number;
  unit: string;
  pass: boolean;
  /** The lowest and highest per-round value; both equal `value` for a figure measured once (a size). */
  spread: Spread;
  /** The spread reaches beyond ±25% of the median: the machine was busy, rerun before trusting a verdict. */
  noisy: boolean;
}

/** Beyond this share of the median on either side, a figure's rounds disagree too much to trust one run. */
export const NOISY_SHARE = 0.25;

export function isNoisy(value: number, spread: Spread): boolean {
  return spread.min < value * (1 - NOISY_SHARE) || spread.max > value * (1 + NOISY_SHARE);
}

/** A target's number, name, unit and headline limit, written once: its figures and its "not measured" line read them. */
export interface TargetHeadline {
  target: number;
  name: string;
  unit: string;
  limit: number;
}

/** How a value is held against its limit: most are bounds from above, the index speed-up is one from below. */
export type Bound = "at most" | "at least" | "under";

export interface Measured {
  target: number;
  name: string;
  value: number;
  limit: number;
  unit: string;
  bound: Bound;
  /** Per-round lowest and highest value; absent for a figure measured once. */
  spread?: Spread;
  /** The figures behind a ratio, for the table only. */
  detail?: string;
  /** Set when the measurement itself shows something wrong (the answers differ): fails whatever the value. */
  failReason?: string;
}

export type Judged = TargetResult & { bound: Bound; detail?: string };

export function judged(measured: Measured): Judged {
  const { value, limit, bound, failReason } = measured;
  const within = bound === "at least" ? value >= limit : bound === "under" ? value < limit : value <= limit;
  const detail = [measured.detail, failReason].filter(Boolean).join("; ");
  const spread = measured.spread ?? { min: value, max: value };
  const pass = !failReason && Number.isFinite(value) && within;
  return { target: measured.target, name: measured.name, value, limit, unit: measured.unit, bound, detail, pass, spread, noisy: isNoisy(value, spread) };
}

/** A target that could not be measured: it fails, and its name says why. */
export function notMeasured(headline: TargetHeadline, why: string): Judged {
  const { target, name, unit, limit } = headline;
  const spread = { min: Number.NaN, max: Number.NaN };
  return { target, name: `${name} (not measured yet)`, value: Number.NaN, limit, unit, pass: false, bound: "at most", detail: why, spread, noisy: false };
}

/** A value not measured (NaN) cannot be JSON, so it is -1. */
const jsonNumber = (value: number): number => (Number.isFinite(value) ? value : -1);

/** Only the public keys, in the public order, the added ones last. */
export function jsonOf(results: ReadonlyArray<TargetResult>): string {
  const rows = results.map(({ target, name, value, limit, unit, pass, spread, noisy }) => ({
    target,
    name,
    value: jsonNumber(value),
    limit,
    unit,
    pass,
    spread: { min: jsonNumber(spread.min), max: jsonNumber(spread.max) },
    noisy,
  }));
  return JSON.stringify(rows, null, 2);
}

export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  return `machine: ${cpu}, ${cpus().length} cores, Node ${process.version}, ${process.platform}/${process.arch}`;
}

const BOUND_SIGN: Record<Bound, string> = { "at most": "≤", "at least": "≥", under: "<" };

function spreadText({ value, spread }: TargetResult): string {
  if (!Number.isFinite(value) || (spread.min === value && spread.max === value)) return "";
  return `${spread.min}–${spread.max}`;
}

function verdictText(result: Judged): string {
  if (!Number.isFinite(result.value)) return "not measured";
  return `${result.pass ? "PASS" : "FAIL"}${result.noisy ? " noisy" : ""}`;
}

export function tableOf(results: readonly Judged[], notes: readonly string[]): string {
  const rows = results.map((result) => [
    String(result.target),
    result.name,
    Number.isFinite(result.value) ? `${result.value} ${result.unit}` : "—",
    spreadText(result),
    `${BOUND_SIGN[result.bound]} ${result.limit} ${result.unit}`,
    verdictText(result),
    result.detail ?? "",
  ]);
  const header = ["#", "target", "median", "spread", "limit", "", "detail"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  const passed = results.filter((result) => result.pass).length;
  return [machineLine(), ...notes, "", line(header), rule, ...rows.map(line), rule, `${passed} of ${results.length} pass`, ""].join("\n");
}

/** The results: one object per target (the public JSON shape), and the table a person reads. */
import { cpus } from "node:os";

/** The public JSON shape; keep it exactly. */
export interface TargetResult {
  target: number;
  name: string;
  value: number;
  limit: number;
  unit: string;
  pass: boolean;
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
  return { target: measured.target, name: measured.name, value, limit, unit: measured.unit, bound, detail, pass: !failReason && Number.isFinite(value) && within };
}

/** A target that could not be measured: it fails, and its name says why. */
export function notMeasured(headline: TargetHeadline, why: string): Judged {
  const { target, name, unit, limit } = headline;
  return { target, name: `${name} (not measured yet)`, value: Number.NaN, limit, unit, pass: false, bound: "at most", detail: why };
}

/** Only the public keys, in the public order; a value not measured (NaN) cannot be JSON, so it is -1. */
export function jsonOf(results: ReadonlyArray<TargetResult>): string {
  const rows = results.map(({ target, name, value, limit, unit, pass }) => ({
    target,
    name,
    value: Number.isFinite(value) ? value : -1,
    limit,
    unit,
    pass,
  }));
  return JSON.stringify(rows, null, 2);
}

export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  return `machine: ${cpu}, ${cpus().length} cores, Node ${process.version}, ${process.platform}/${process.arch}`;
}

const BOUND_SIGN: Record<Bound, string> = { "at most": "≤", "at least": "≥", under: "<" };

export function tableOf(results: readonly Judged[], notes: readonly string[]): string {
  const rows = results.map((result) => [
    String(result.target),
    result.name,
    Number.isFinite(result.value) ? `${result.value} ${result.unit}` : "—",
    `${BOUND_SIGN[result.bound]} ${result.limit} ${result.unit}`,
    result.pass ? "PASS" : "FAIL",
    result.detail ?? "",
  ]);
  const header = ["#", "target", "measured", "limit", "", "detail"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  const passed = results.filter((result) => result.pass).length;
  return [machineLine(), ...notes, "", line(header), rule, ...rows.map(line), rule, `${passed} of ${results.length} pass`, ""].join("\n");
}

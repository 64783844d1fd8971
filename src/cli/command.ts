/** What every CLI command shares: its output, exit codes, the convention flags and warning lines. */
import type { NoteWarning } from "../core/note";
import { PROPERTIES_TOO_LARGE, type QueryReport } from "../core/query/evaluate";
import { indexProblems } from "../core/vault-problems";
import type { FlagSpec, ParsedArgs } from "./args";
import type { OpenVault } from "./load-vault";
import { printable } from "./printable";

export interface CommandOutput {
  stdout: string;
  /** Warnings and problems, one line each. */
  stderr: string[];
  exitCode: number;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
/** `coverage --fail-under`: the share of techniques with a rule is below the bar. */
export const EXIT_BELOW_BAR = 3;

export const CONVENTION_FLAGS: Record<string, FlagSpec> = {
  "technique-tag": { takesValue: true },
  "rule-tag": { takesValue: true },
  "test-tag": { takesValue: true },
  "config-dir": { takesValue: true },
  json: { takesValue: false },
};

export interface Command {
  summary: string;
  usage: string;
  flags: Record<string, FlagSpec>;
  run(args: ParsedArgs): CommandOutput;
}

export function warningLine(warning: NoteWarning): string {
  return `warning: ${printable(warning.path)}: ${printable(warning.message)}`;
}

export function warningLines(vault: OpenVault): string[] {
  return allWarnings(vault).map(warningLine);
}

/** The notes a query's property terms gave up on, as warnings. */
export function queryWarnings(report: QueryReport): NoteWarning[] {
  return report.propertiesTooLarge.map((path) => ({ path, message: PROPERTIES_TOO_LARGE }));
}

export function allWarnings(vault: OpenVault): Array<{ path: string; message: string }> {
  return [...vault.read.warnings, ...indexProblems(vault.index)];
}

/** What every CLI command shares: its output, exit codes, the convention flags and warning lines. */
import type { NoteWarning } from "../core/note";
import { PROPERTIES_TOO_LARGE, type QueryReport } from "../core/query/evaluate";
import { indexProblems } from "../core/vault-problems";
import { plural } from "../core/wording";
import type { FlagSpec, ParsedArgs } from "./args";
import type { OpenVault } from "./load-vault";
import { printable } from "./printable";
import type { Progress } from "./progress";

export interface CommandOutput {
  /** The report; written first: a string, or pieces made while they are written (see output.ts), so no output needs one string of its size. */
  stdout: string | Iterable<string>;
  /** Warnings, verdicts and problems, one line each; written after the report, so a command whose report is made lazily may add lines while it is written. */
  stderr: string[];
  exitCode: number;
}

export const EXIT_OK = 0;
/** `query`: the query has an error. */
export const EXIT_QUERY_ERROR = 1;
export const EXIT_USAGE = 2;
/** `coverage --fail-under`: the share of techniques with a rule is below the bar. */
export const EXIT_BELOW_BAR = 3;
/** `coverage`: no technique note was found, so there is no coverage to report. */
export const EXIT_NO_TECHNIQUES = 4;
/** The output (stdout, a layer file, or a note import-actors writes) could not be written: sysexits' EX_IOERR. */
export const EXIT_WRITE_FAILED = 74;
/** A bug: the message says what went wrong (sysexits' EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

/** The vault's conventions, as the plugin's settings hold them; every command takes them. */
export const CONVENTION_FLAGS: Record<string, FlagSpec> = {
  "technique-tag": { takesValue: true },
  "rule-tag": { takesValue: true },
  "test-tag": { takesValue: true },
  "profile-tag": { takesValue: true },
  "config-dir": { takesValue: true },
};

/** How every command prints: `--json`, the public interface scripts read; `--verbose`, every problem with single notes. */
export const OUTPUT_FLAGS: Record<string, FlagSpec> = {
  json: { takesValue: false },
  verbose: { takesValue: false },
};

/** What the process gives a command beyond its arguments. */
export interface RunContext {
  /** A progress line while the vault is read; null off a terminal. */
  progress: Progress | null;
}

export interface Command {
  summary: string;
  usage: string;
  /** The positional arguments after the command, as the usage names them. */
  positionals: readonly string[];
  /** What `attack-vault <command> --help` says after the usage: its options, one per line. */
  help: readonly string[];
  flags: Record<string, FlagSpec>;
  run(args: ParsedArgs, context: RunContext): CommandOutput;
}

export function warningLine(warning: NoteWarning): string {
  return `warning: ${printable(warning.path)}: ${printable(warning.message)}`;
}

/** The notes a query's property terms gave up on, as warnings. */
export function queryWarnings(report: QueryReport): NoteWarning[] {
  return report.propertiesTooLarge.map((path) => ({ path, message: PROPERTIES_TOO_LARGE }));
}

/** Problems with single notes listed on stderr before --verbose is needed to see the rest. */
export const WARNINGS_SHOWN = 5;

export function allWarnings(vault: OpenVault): Array<{ path: string; message: string }> {
  return [...vault.read.warnings, ...indexProblems(vault.index)];
}

/**
 * Problems with single notes for stderr, after the report: the vault's and `more` (a query's, say);
 * all of them with --verbose or when there are few; otherwise how many, the first few, and how to see the rest.
 */
export function warningLines(vault: OpenVault, args: ParsedArgs, more: readonly NoteWarning[] = []): string[] {
  const warnings = [...allWarnings(vault), ...more];
  const lines = warnings.map(warningLine);
  if (args.flags.has("verbose") || warnings.length <= WARNINGS_SHOWN) return lines;
  const notes = new Set(warnings.map((warning) => warning.path)).size;
  const json = args.flags.has("json") ? "; the JSON's warnings hold all" : "";
  return [`attack-vault: ${plural(warnings.length, "problem")} in ${plural(notes, "note")} (the first ${WARNINGS_SHOWN} below; --verbose lists all${json}):`, ...lines.slice(0, WARNINGS_SHOWN)];
}

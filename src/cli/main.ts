/** `attack-vault`: the headless front over the same core as the plugin. */
import { version as VERSION } from "../../package.json";
import { checkPositionals, parseArgs, UsageError } from "./args";
import { COMMANDS, EXIT_BELOW_BAR, EXIT_INTERNAL, EXIT_NO_TECHNIQUES, EXIT_OK, EXIT_QUERY_ERROR, EXIT_USAGE, EXIT_WRITE_FAILED, type Command, type CommandOutput, type RunContext } from "./commands";
import { WriteError } from "./layer-file";
import { OutputWriteError, outputText, writeOutput } from "./output";
import { terminalProgress } from "./progress";

const CONVENTIONS_HELP = [
  "Every command also takes --technique-tag, --rule-tag, --test-tag and --profile-tag (a leading # is fine); without",
  "them it uses the plugin's saved settings in <vault>/.obsidian/plugins/attack-vault/data.json (--config-dir when",
  "the vault's configuration folder is not .obsidian), or the defaults techniques, detection_rule, atomic_test and",
  "threat_profile.",
];

const EXIT_CODES_HELP =
  `Exit codes: ${EXIT_OK} done; ${EXIT_QUERY_ERROR} the query has an error; ${EXIT_USAGE} bad usage or no such vault; ` +
  `${EXIT_BELOW_BAR} coverage below --fail-under; ${EXIT_NO_TECHNIQUES} no technique notes found;\n` +
  `${EXIT_WRITE_FAILED} the output, the layer file or a note could not be written; ${EXIT_INTERNAL} an internal error.`;

function helpText(): string {
  const lines = ["attack-vault — ATT&CK coverage of an Obsidian vault", "", "Commands:"];
  for (const command of Object.values(COMMANDS)) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  lines.push("", "attack-vault <command> --help lists a command's options.", "", ...CONVENTIONS_HELP, "", EXIT_CODES_HELP);
  return lines.join("\n") + "\n";
}

function commandHelp(command: Command): string {
  return [command.usage, "", command.summary, "", "Options:", ...command.help.map((line) => `  ${line}`), "", ...CONVENTIONS_HELP, "", EXIT_CODES_HELP].join("\n") + "\n";
}

const asksForHelp = (words: readonly string[]): boolean => words.includes("--help") || words.includes("-h");

/** What ends a run early, as the output that says so. */
function failure(error: unknown): CommandOutput {
  if (error instanceof UsageError) return { stdout: "", stderr: [`attack-vault: ${error.message}`], exitCode: EXIT_USAGE };
  if (error instanceof WriteError || error instanceof OutputWriteError) return { stdout: "", stderr: [`attack-vault: ${error.message}`], exitCode: EXIT_WRITE_FAILED };
  const reason = error instanceof Error ? error.message : String(error);
  return { stdout: "", stderr: [`attack-vault: internal error: ${reason}`], exitCode: EXIT_INTERNAL };
}

/** The command's output; its stdout may be made while it is written (see output.ts). */
export function startCli(argv: readonly string[], context: RunContext = { progress: null }): CommandOutput {
  const [first, ...rest] = argv;
  // No arguments is a usage error: the usage goes where errors go.
  if (first === undefined) return { stdout: "", stderr: helpText().trimEnd().split("\n"), exitCode: EXIT_USAGE };
  if (first === "--help" || first === "-h") return { stdout: helpText(), stderr: [], exitCode: EXIT_OK };
  if (first === "--version") return { stdout: VERSION + "\n", stderr: [], exitCode: EXIT_OK };
  try {
    if (first === "help") {
      const named = rest[0] === undefined ? undefined : COMMANDS[rest[0]];
      if (rest[0] !== undefined && !named) throw new UsageError(`no command \`${rest[0]}\`; commands are ${Object.keys(COMMANDS).join(", ")}`);
      return { stdout: named ? commandHelp(named) : helpText(), stderr: [], exitCode: EXIT_OK };
    }
    const command = COMMANDS[first];
    if (!command) throw new UsageError(`unknown command \`${first}\`; commands are ${Object.keys(COMMANDS).join(", ")}`);
    if (asksForHelp(rest)) return { stdout: commandHelp(command), stderr: [], exitCode: EXIT_OK };
    const args = parseArgs(argv, command.flags);
    checkPositionals(args, command.positionals);
    return command.run(args, context);
  } catch (error) {
    return failure(error);
  }
}

/** The whole output in one string, for callers in this process (tests, the bench). */
export function runCli(argv: readonly string[], context: RunContext = { progress: null }): CommandOutput & { stdout: string } {
  const output = startCli(argv, context);
  try {
    return { ...output, stdout: outputText(output.stdout) };
  } catch (error) {
    const failed = failure(error);
    return { ...failed, stdout: "", stderr: [...output.stderr, ...failed.stderr] };
  }
}

/**
 * The process: the report first, written as it is made and every write checked, then what stderr
 * says about it (warnings come after the report they concern, and a lazily made report may have
 * added some); the exit code.
 */
function main(argv: readonly string[]): number {
  const output = startCli(argv, { progress: terminalProgress(process.stderr) });
  let ending: CommandOutput | null = null;
  try {
    writeOutput(1, output.stdout);
  } catch (error) {
    ending = failure(error);
  }
  writeLines(ending ? [...output.stderr, ...ending.stderr] : output.stderr);
  return ending ? ending.exitCode : output.exitCode;
}

/** Lines to stderr; a failure there has nowhere to be reported, so it is not. */
function writeLines(lines: readonly string[]): void {
  if (lines.length === 0) return;
  try {
    writeOutput(2, lines.map((line) => line + "\n"));
  } catch {
    // stderr is gone: the exit code still tells.
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

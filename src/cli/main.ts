/** `attack-vault`: the headless front over the same core as the plugin. */
import { version as VERSION } from "../../package.json";
import { checkPositionals, parseArgs, UsageError } from "./args";
import { COMMANDS, EXIT_BELOW_BAR, EXIT_INTERNAL, EXIT_NO_TECHNIQUES, EXIT_OK, EXIT_QUERY_ERROR, EXIT_USAGE, type Command, type CommandOutput, type RunContext } from "./commands";
import { terminalProgress } from "./progress";

const CONVENTIONS_HELP = [
  "Every command also takes --technique-tag, --rule-tag and --test-tag (a leading # is fine); without them it",
  "uses the plugin's saved settings in <vault>/.obsidian/plugins/attack-vault/data.json (--config-dir when the",
  "vault's configuration folder is not .obsidian), or the defaults techniques, detection_rule and atomic_test.",
];

const EXIT_CODES_HELP =
  `Exit codes: ${EXIT_OK} done; ${EXIT_QUERY_ERROR} the query has an error; ${EXIT_USAGE} bad usage or no such vault; ` +
  `${EXIT_BELOW_BAR} coverage below --fail-under; ${EXIT_NO_TECHNIQUES} no technique notes found.`;

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

export function runCli(argv: readonly string[], context: RunContext = { progress: null }): CommandOutput {
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
    if (error instanceof UsageError) return { stdout: "", stderr: [`attack-vault: ${error.message}`], exitCode: EXIT_USAGE };
    const reason = error instanceof Error ? error.message : String(error);
    return { stdout: "", stderr: [`attack-vault: internal error: ${reason}`], exitCode: EXIT_INTERNAL };
  }
}

if (require.main === module) {
  const output = runCli(process.argv.slice(2), { progress: terminalProgress(process.stderr) });
  // The report first, then what stderr says about it: warnings come after the report they concern.
  process.stdout.write(output.stdout, () => {
    for (const line of output.stderr) process.stderr.write(line + "\n");
    process.exit(output.exitCode);
  });
}

/** `attack-vault`: the headless front over the same core as the plugin. */
import { parseArgs, UsageError } from "./args";
import { COMMANDS, EXIT_USAGE, type CommandOutput } from "./commands";

const VERSION = "0.1.0";

function helpText(): string {
  const lines = ["attack-vault — ATT&CK coverage of an Obsidian vault", "", "Commands:"];
  for (const command of Object.values(COMMANDS)) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  lines.push(
    "",
    "Every command also takes --technique-tag, --rule-tag and --test-tag; without them it uses the plugin's",
    "saved settings in <vault>/.obsidian/plugins/attack-vault/data.json (--config-dir when the vault's",
    "configuration folder is not .obsidian), or the defaults techniques, detection_rule and atomic_test.",
    "",
    "Exit codes: 0 done; 1 the query has an error; 2 bad usage or no such vault.",
  );
  return lines.join("\n") + "\n";
}

export function runCli(argv: readonly string[]): CommandOutput {
  const first = argv[0];
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    return { stdout: helpText(), stderr: [], exitCode: first === undefined ? EXIT_USAGE : 0 };
  }
  if (first === "--version") return { stdout: VERSION + "\n", stderr: [], exitCode: 0 };
  const command = COMMANDS[first];
  try {
    if (!command) throw new UsageError(`unknown command \`${first}\`; commands are ${Object.keys(COMMANDS).join(", ")}`);
    return command.run(parseArgs(argv, command.flags));
  } catch (error) {
    if (error instanceof UsageError) return { stdout: "", stderr: [`attack-vault: ${error.message}`], exitCode: EXIT_USAGE };
    const reason = error instanceof Error ? error.message : String(error);
    return { stdout: "", stderr: [`attack-vault: internal error: ${reason}`], exitCode: 70 };
  }
}

if (require.main === module) {
  const output = runCli(process.argv.slice(2));
  for (const line of output.stderr) process.stderr.write(line + "\n");
  process.stdout.write(output.stdout, () => process.exit(output.exitCode));
}

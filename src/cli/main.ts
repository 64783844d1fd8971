/** `attack-vault`: the headless front over the same core as the plugin. */
import { version as VERSION } from "../../package.json";
import { parseArgs, UsageError } from "./args";
import { COMMANDS, EXIT_USAGE, type CommandOutput } from "./commands";

function helpText(): string {
  const lines = ["attack-vault — ATT&CK coverage of an Obsidian vault", "", "Commands:"];
  for (const command of Object.values(COMMANDS)) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  lines.push(
    "",
    "Every command also takes --technique-tag, --rule-tag and --test-tag; without them it uses the plugin's",
    "saved settings in <vault>/.obsidian/plugins/attack-vault/data.json (--config-dir when the vault's",
    "configuration folder is not .obsidian), or the defaults techniques, detection_rule and atomic_test.",
    "",
    "coverage options: --attack lists ATT&CK techniques with no note, notes on revoked or deprecated",
    "techniques and names for IDs the vault only references (--json always has them); --navigator FILE",
    "writes an ATT&CK Navigator layer (never over an existing file without --force), scored by rule count",
    "or, with --score level, by Sigma level; --baseline FILE reports what changed since an earlier layer;",
    "--fail-under PERCENT exits 3 when fewer techniques than that have a detection rule; --format markdown",
    "prints a report a pull request can show.",
    "",
    "Exit codes: 0 done; 1 the query has an error; 2 bad usage or no such vault; 3 coverage below --fail-under.",
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

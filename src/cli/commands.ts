/** The CLI's commands; each returns its output and exit code instead of touching the process. */
import { emptyQueryReport, runQuery } from "../core/query/evaluate";
import { UsageError } from "./args";
import { allWarnings, CONVENTION_FLAGS, EXIT_OK, queryWarnings, warningLine, warningLines, type Command } from "./command";
import { coverage } from "./coverage-command";
import { openVault } from "./load-vault";
import { printable } from "./printable";

export { EXIT_BELOW_BAR, EXIT_OK, EXIT_USAGE, type Command, type CommandOutput } from "./command";

const blocks: Command = {
  summary: "every ```query block in the vault with the notes it lists",
  usage: "attack-vault blocks <vault> [--json]",
  flags: CONVENTION_FLAGS,
  run(args) {
    const vault = openVault(args, { queryBlocks: true });
    const gaveUpOn = new Set<string>();
    const answers = vault.read.queryBlocks.map((block) => {
      const report = emptyQueryReport();
      const result = runQuery(block.query, vault.index, report);
      report.propertiesTooLarge.forEach((path) => gaveUpOn.add(path));
      // `warnings` only where a property term gave up, so the usual answer keeps its shape.
      const warnings = report.propertiesTooLarge.length > 0 ? { warnings: queryWarnings(report) } : {};
      return result.ok ? { ...block, results: result.value, ...warnings } : { ...block, error: result.error.message };
    });
    const stdout = args.flags.has("json")
      ? JSON.stringify(answers, null, 2) + "\n"
      : answers
          .map((answer) => {
            const head = `${printable(answer.note)}:${answer.line}`;
            return "error" in answer ? `${head}  error: ${printable(answer.error)}` : `${head}  ${answer.results.length} notes`;
          })
          .join("\n") + "\n";
    const gaveUp = queryWarnings({ propertiesTooLarge: [...gaveUpOn].sort() }).map(warningLine);
    return { stdout, stderr: [...warningLines(vault), ...gaveUp], exitCode: EXIT_OK };
  },
};

const query: Command = {
  summary: "the notes a query in Obsidian search syntax lists",
  usage: 'attack-vault query <vault> "<query text>" [--json]',
  flags: CONVENTION_FLAGS,
  run(args) {
    const text = args.positionals[1];
    if (text === undefined) throw new UsageError('`query` needs the query text: attack-vault query <vault> "tag:detection_rule tag:T1059_001"');
    const vault = openVault(args);
    const report = emptyQueryReport();
    const result = runQuery(text, vault.index, report);
    const json = args.flags.has("json");
    if (!result.ok) {
      const stdout = json ? JSON.stringify({ query: text, error: result.error.message }, null, 2) + "\n" : "";
      return { stdout, stderr: [...warningLines(vault), `error: ${printable(result.error.message)}`], exitCode: 1 };
    }
    const warnings = [...allWarnings(vault), ...queryWarnings(report)];
    const stdout = json ? JSON.stringify({ query: text, results: result.value, warnings }, null, 2) + "\n" : result.value.map((path) => printable(path) + "\n").join("");
    return { stdout, stderr: warnings.map(warningLine), exitCode: EXIT_OK };
  },
};

export const COMMANDS: Record<string, Command> = { coverage, blocks, query };

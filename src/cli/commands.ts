/** The CLI's commands; each returns its output and exit code instead of touching the process. */
import type { NoteWarning } from "../core/note";
import { emptyQueryReport } from "../core/query/evaluate";
import { answerQuery } from "../core/query/hints";
import { UsageError } from "./args";
import { plural } from "../core/wording";
import { allWarnings, CONVENTION_FLAGS, EXIT_OK, EXIT_QUERY_ERROR, OUTPUT_FLAGS, queryWarnings, warningLines, type Command } from "./command";
import { coverage } from "./coverage-command";
import { importActors } from "./import-actors";
import { openVault } from "./load-vault";
import { jsonOutput, LazyList } from "./output";
import { printable } from "./printable";
import type { QueryBlockInNote } from "./read-vault";

export { EXIT_BELOW_BAR, EXIT_INTERNAL, EXIT_NO_TECHNIQUES, EXIT_OK, EXIT_QUERY_ERROR, EXIT_USAGE, EXIT_WRITE_FAILED, type Command, type CommandOutput, type RunContext } from "./command";

type BlockAnswer = QueryBlockInNote & ({ results: string[]; hints?: string[]; warnings?: NoteWarning[] } | { error: string });

/** A block's query on one line, as the text output shows it: `tag: detection_rule tag: T1003`. */
function oneLine(query: string): string {
  return printable(
    query
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .join(" "),
  );
}

/** `note:line: query — 2 notes`, then the notes it lists, one per line; a blank line between blocks. */
function blockText(answer: BlockAnswer): string {
  const head = `${printable(answer.note)}:${answer.line}: ${oneLine(answer.query)}`;
  if ("error" in answer) return `${head} — error: ${printable(answer.error)}\n`;
  const hints = (answer.hints ?? []).map((hint) => `  hint: ${printable(hint)}\n`).join("");
  if (answer.results.length === 0) return `${head} — no notes\n${hints}`;
  return `${head} — ${plural(answer.results.length, "note")}\n${answer.results.map((path) => `  ${printable(path)}\n`).join("")}${hints}`;
}

const blocks: Command = {
  summary: "every ```query block in the vault with its query and the notes it lists",
  usage: "attack-vault blocks <vault> [--json]",
  positionals: ["<vault>"],
  help: [
    "--json              every block as JSON (docs/schemas/blocks.schema.json)",
    "--verbose           list every problem with single notes, not the first few",
  ],
  flags: { ...CONVENTION_FLAGS, ...OUTPUT_FLAGS },
  run(args, context) {
    const vault = openVault(args, { queryBlocks: true, progress: context.progress });
    const stderr: string[] = [];
    // Each block is answered as it is written: 4,000 blocks listing the whole vault are gigabytes of JSON.
    function* answers(): Generator<BlockAnswer> {
      const gaveUpOn = new Set<string>();
      for (const block of vault.read.queryBlocks) {
        const report = emptyQueryReport();
        // ```query blocks: what Obsidian's search lists, so no technique: terms.
        const result = answerQuery(block.query, vault.index, "obsidian", report);
        report.propertiesTooLarge.forEach((path) => gaveUpOn.add(path));
        // `hints` and `warnings` only where there are some, so the usual answer keeps its shape.
        const warnings = report.propertiesTooLarge.length > 0 ? { warnings: queryWarnings(report) } : {};
        if (!result.ok) yield { ...block, error: result.error.message };
        else yield { ...block, results: result.value.paths, ...(result.value.hints.length > 0 ? { hints: result.value.hints } : {}), ...warnings };
      }
      // After the report, as every command's warnings: only now is it known which notes a property term gave up on.
      for (const line of warningLines(vault, args, queryWarnings({ propertiesTooLarge: [...gaveUpOn].sort() }))) stderr.push(line);
    }
    function* text(): Generator<string> {
      let first = true;
      for (const answer of answers()) {
        yield first ? blockText(answer) : "\n" + blockText(answer);
        first = false;
      }
    }
    const stdout = args.flags.has("json") ? jsonOutput(new LazyList(answers())) : text();
    return { stdout, stderr, exitCode: EXIT_OK };
  },
};

const query: Command = {
  summary: "the notes a query in Obsidian search syntax, or with technique:T1059.001, lists",
  usage: 'attack-vault query <vault> "<query text>" [--json]',
  positionals: ["<vault>", '"<query text>"'],
  help: [
    "The query is in Obsidian's search syntax (tag:, path:, file:, [property], OR, -, parentheses), plus technique:,",
    "which matches notes naming a technique in any spelling (technique:T1059.001 finds #T1059_001 and attack.t1059.001).",
    "--json              the answer as JSON (docs/schemas/query.schema.json)",
    "--verbose           list every problem with single notes, not the first few",
  ],
  flags: { ...CONVENTION_FLAGS, ...OUTPUT_FLAGS },
  run(args, context) {
    const text = args.positionals[1];
    if (text === undefined) throw new UsageError('`query` needs the query text: attack-vault query <vault> "tag:detection_rule tag:T1059_001"');
    const vault = openVault(args, { progress: context.progress });
    const report = emptyQueryReport();
    const result = answerQuery(text, vault.index, "attack", report, { rollup: vault.settings.rollUpSubTechniques });
    const json = args.flags.has("json");
    if (!result.ok) {
      const stdout = json ? jsonOutput({ query: text, error: result.error.message }) : "";
      return { stdout, stderr: [...warningLines(vault, args), `error: ${printable(result.error.message)}`], exitCode: EXIT_QUERY_ERROR };
    }
    const warnings = [...allWarnings(vault), ...queryWarnings(report)];
    const { paths, hints } = result.value;
    const stdout = json ? jsonOutput({ query: text, results: paths, ...(hints.length > 0 ? { hints } : {}), warnings }) : paths.map((path) => printable(path) + "\n");
    const hintLines = hints.map((hint) => `hint: ${printable(hint)}`);
    return { stdout, stderr: [...warningLines(vault, args, queryWarnings(report)), ...hintLines], exitCode: EXIT_OK };
  },
};

export const COMMANDS: Record<string, Command> = { coverage, blocks, query, "import-actors": importActors };

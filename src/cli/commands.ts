/** The CLI's commands; each returns its output and exit code instead of touching the process. */
import { computeCoverage, type CoverageFilter } from "../core/coverage";
import { runQuery } from "../core/query/evaluate";
import { indexProblems } from "../core/vault-problems";
import { stringFlag, type FlagSpec, type ParsedArgs, UsageError } from "./args";
import { coverageJson } from "./coverage-json";
import { coverageText } from "./coverage-text";
import { openVault, type OpenVault } from "./load-vault";

export interface CommandOutput {
  stdout: string;
  /** Warnings and problems, one line each. */
  stderr: string[];
  exitCode: number;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

const CONVENTION_FLAGS: Record<string, FlagSpec> = {
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

function warningLines(vault: OpenVault): string[] {
  return [...vault.read.warnings, ...indexProblems(vault.index)].map((warning) => `warning: ${warning.path}: ${warning.message}`);
}

function allWarnings(vault: OpenVault): Array<{ path: string; message: string }> {
  return [...vault.read.warnings, ...indexProblems(vault.index)];
}

const coverage: Command = {
  summary: "per-tactic coverage and the techniques with no detection rule",
  usage: "attack-vault coverage <vault> [--json] [--platform P] [--tactic T] [--no-rollup]",
  flags: { ...CONVENTION_FLAGS, platform: { takesValue: true }, tactic: { takesValue: true }, "no-rollup": { takesValue: false } },
  run(args) {
    const vault = openVault(args);
    const filter: CoverageFilter = { platform: stringFlag(args, "platform"), tactic: stringFlag(args, "tactic") };
    const rollup = args.flags.has("no-rollup") ? false : vault.settings.rollUpSubTechniques;
    const report = computeCoverage(vault.index, { rollup, filter });
    const stdout = args.flags.has("json")
      ? JSON.stringify(coverageJson(report, allWarnings(vault)), null, 2) + "\n"
      : coverageText(report, vault.dir);
    return { stdout, stderr: warningLines(vault), exitCode: EXIT_OK };
  },
};

const blocks: Command = {
  summary: "every ```query block in the vault with the notes it lists",
  usage: "attack-vault blocks <vault> [--json]",
  flags: CONVENTION_FLAGS,
  run(args) {
    const vault = openVault(args, { queryBlocks: true });
    const answers = vault.read.queryBlocks.map((block) => {
      const result = runQuery(block.query, vault.index);
      return result.ok ? { ...block, results: result.value } : { ...block, error: result.error.message };
    });
    const stdout = args.flags.has("json")
      ? JSON.stringify(answers, null, 2) + "\n"
      : answers
          .map((answer) => {
            const head = `${answer.note}:${answer.line}`;
            return "error" in answer ? `${head}  error: ${answer.error}` : `${head}  ${answer.results.length} notes`;
          })
          .join("\n") + "\n";
    return { stdout, stderr: warningLines(vault), exitCode: EXIT_OK };
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
    const result = runQuery(text, vault.index);
    const json = args.flags.has("json");
    if (!result.ok) {
      const stdout = json ? JSON.stringify({ query: text, error: result.error.message }, null, 2) + "\n" : "";
      return { stdout, stderr: [...warningLines(vault), `error: ${result.error.message}`], exitCode: 1 };
    }
    const stdout = json ? JSON.stringify({ query: text, results: result.value }, null, 2) + "\n" : result.value.map((path) => path + "\n").join("");
    return { stdout, stderr: warningLines(vault), exitCode: EXIT_OK };
  },
};

export const COMMANDS: Record<string, Command> = { coverage, blocks, query };

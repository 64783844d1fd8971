/**
 * `attack-vault coverage`: the report in text, JSON or Markdown, compared with the shipped ATT&CK
 * release, exported as a Navigator layer, compared with a previous layer, and gated for CI.
 */
import { basename, resolve } from "node:path";
import { attackRelease, techniqueName } from "../core/attack-catalogue";
import { currentPlatforms, RENAMED_PLATFORMS } from "../core/attack-platforms";
import { compareWithAttack } from "../core/attack-coverage";
import { computeCoverage, type CoverageFilter } from "../core/coverage";
import { COUNT_WORDS } from "../core/coverage-words";
import { coverageChanges, rejectedEntriesMessage, ruleCountsFromLayer, type CoverageChanges } from "../core/coverage-diff";
import { coverageGate, parsePercent, type CoverageGate } from "../core/coverage-gate";
import { coverageLayer } from "../core/coverage-layer";
import type { LayerScoring } from "../core/navigator-layer";
import { listFlag, stringFlag, UsageError, type ParsedArgs } from "./args";
import { topGapsData } from "../core/coverage-export";
import { topGaps } from "../core/top-gaps";
import { topGapsText } from "./coverage-profiles";
import { allWarnings, CONVENTION_FLAGS, EXIT_BELOW_BAR, EXIT_NO_TECHNIQUES, EXIT_OK, OUTPUT_FLAGS, warningLines, type Command } from "./command";
import { attackText, changesText, filterFlags, gateLines } from "./coverage-extras-text";
import { coverageJson, gateJson } from "./coverage-json";
import { coverageMarkdown } from "./coverage-markdown";
import { coverageText } from "./coverage-text";
import { readBaseline, refuseToOverwrite, writeLayerFile } from "./layer-file";
import { openVault } from "./load-vault";
import { jsonOutput } from "./output";
import { checkFilter, checkProfiles, noTechniqueNotes, unusedKindTags } from "./vault-checks";

type ReportFormat = "text" | "json" | "markdown";

interface CoverageOptions {
  format: ReportFormat;
  filter: CoverageFilter;
  attack: boolean;
  failUnder: number | null;
  navigator: string | null;
  scoring: LayerScoring;
  force: boolean;
  baseline: string | null;
  /** `--top-gaps N`: how many to rank; null when not asked. */
  topGaps: number | null;
}

function formatOf(args: ParsedArgs): ReportFormat {
  const format = stringFlag(args, "format");
  if (format !== undefined && format !== "text" && format !== "json" && format !== "markdown") {
    throw new UsageError(`--format is text, json or markdown, not ${format}`);
  }
  if (args.flags.has("json") && format !== undefined && format !== "json") throw new UsageError(`--json and --format ${format} disagree; give one`);
  return args.flags.has("json") ? "json" : (format ?? "text");
}

function optionsOf(args: ParsedArgs): CoverageOptions {
  const failUnderText = stringFlag(args, "fail-under");
  const failUnder = failUnderText === undefined ? null : parsePercent(failUnderText);
  if (failUnderText !== undefined && failUnder === null) throw new UsageError(`--fail-under takes a percentage from 0 to 100, e.g. 80, not ${failUnderText}`);
  const scoring = stringFlag(args, "score") ?? "count";
  if (scoring !== "count" && scoring !== "level") throw new UsageError(`--score is count or level, not ${scoring}`);
  // Options that only shape a layer file would be silently ignored without one.
  for (const layerOption of ["score", "force"]) {
    if (args.flags.has(layerOption) && !args.flags.has("navigator")) throw new UsageError(`--${layerOption} only applies to the layer --navigator FILE writes; give --navigator too, or leave --${layerOption} out`);
  }
  const topGapsText = stringFlag(args, "top-gaps");
  const topGaps = topGapsText === undefined ? null : Number(topGapsText);
  if (topGaps !== null && !(Number.isInteger(topGaps) && topGaps > 0)) throw new UsageError(`--top-gaps takes how many gaps to rank, a whole number above 0, e.g. 20, not ${topGapsText}`);
  const profiles = listFlag(args, "profile");
  return {
    format: formatOf(args),
    filter: { platform: stringFlag(args, "platform"), tactic: stringFlag(args, "tactic"), ...(profiles.length > 0 ? { profile: profiles } : {}) },
    attack: args.flags.has("attack"),
    failUnder,
    navigator: stringFlag(args, "navigator") ?? null,
    scoring,
    force: args.flags.has("force"),
    baseline: stringFlag(args, "baseline") ?? null,
    topGaps,
  };
}

const platformHelp = (): string =>
  `ATT&CK v${attackRelease().version}'s ${currentPlatforms().join(", ")}, or an older name: ` +
  `${RENAMED_PLATFORMS.map(({ old, current }) => `${old} (${current})`).join(", ")}; either name matches notes that use the other`;

export const coverage: Command = {
  summary: "per-tactic coverage and the techniques no detection rule covers; ATT&CK comparison, Navigator layers and a CI gate",
  usage:
    "attack-vault coverage <vault> [--json | --format text|json|markdown] [--platform P] [--tactic T] [--profile NAME|ID]…\n" +
    "        [--no-rollup] [--attack] [--top-gaps N] [--fail-under PERCENT] [--navigator FILE [--score count|level] [--force]]\n" +
    "        [--baseline FILE]",
  positionals: ["<vault>"],
  get help() {
    return [
      "--json, --format json|markdown|text  the report as JSON (docs/schemas/coverage.schema.json), as Markdown, or as text",
      `--platform P        only techniques on platform P: ${platformHelp()}`,
      "--tactic T          only techniques of tactic T: its name, ID or shortname (Execution, TA0002, execution)",
      "--profile NAME|ID   only the techniques a threat profile lists: its name, ATT&CK ID (G0016) or an alias;",
      "                    repeat it for the union of several; works with every other option, layers included",
      `--top-gaps N        rank the N techniques ${COUNT_WORDS.noRule} that the most threat profiles list`,
      "--no-rollup         a parent technique counts only its own rules and tests, not its sub-techniques'",
      "--attack            also list ATT&CK techniques with no note, notes on revoked or deprecated techniques, and",
      "                    names for IDs the vault only references (--json always has them)",
      "--fail-under PERCENT  exit 3 when fewer technique notes than PERCENT have a detection rule; no technique fails",
      "--navigator FILE    write an ATT&CK Navigator layer; never over an existing file without --force",
      "--score count|level   the layer's score: rule count (default) or Sigma levels added up",
      "--baseline FILE     report what changed since an earlier layer",
      "--verbose           list every problem with single notes, not the first few",
    ];
  },
  flags: {
    ...CONVENTION_FLAGS,
    ...OUTPUT_FLAGS,
    platform: { takesValue: true },
    tactic: { takesValue: true },
    profile: { takesValue: true, repeatable: true },
    "top-gaps": { takesValue: true },
    "no-rollup": { takesValue: false },
    attack: { takesValue: false },
    format: { takesValue: true },
    "fail-under": { takesValue: true },
    navigator: { takesValue: true },
    score: { takesValue: true },
    force: { takesValue: false },
    baseline: { takesValue: true },
  },
  run(args, context) {
    const options = optionsOf(args);
    const vault = openVault(args, { progress: context.progress });
    const noTechniques = noTechniqueNotes(vault);
    if (noTechniques) return { stdout: "", stderr: [...warningLines(vault, args), ...noTechniques], exitCode: EXIT_NO_TECHNIQUES };
    if (options.navigator) refuseToOverwrite(options.navigator, options.force);
    const baseline = options.baseline ? readBaseline(options.baseline) : null;
    const rollup = args.flags.has("no-rollup") ? false : vault.settings.rollUpSubTechniques;
    const report = computeCoverage(vault.index, { rollup, filter: options.filter });
    checkFilter(options.filter, report.allRows);
    checkProfiles(report, vault);
    const release = attackRelease();
    const comparison = compareWithAttack(vault.index, report, release, options.filter);
    const gate: CoverageGate | null = options.failUnder === null ? null : coverageGate(report, options.failUnder);
    const ranking = options.topGaps === null ? null : topGapsData(vault.index, topGaps(vault.index, report, options.filter, options.topGaps, release), options.topGaps);
    const vaultName = basename(resolve(vault.dir));

    // A baseline's entries that name no ATT&CK technique are left out, and said so like a note's problems.
    const rejected = baseline && options.baseline ? rejectedEntriesMessage(baseline.rejected) : null;
    const baselineWarnings = rejected && options.baseline ? [{ path: options.baseline, message: rejected }] : [];
    const stderr = [...warningLines(vault, args, baselineWarnings), ...unusedKindTags(vault)];
    let changes: CoverageChanges | null = null;
    if (options.navigator || baseline) {
      const layer = coverageLayer(vault.index, { vaultName, rollup, scoring: options.scoring, filter: options.filter, release, report, comparison });
      if (baseline) {
        const names = new Map(report.rows.map((row) => [row.id, row.name]));
        changes = coverageChanges(baseline.counts, ruleCountsFromLayer(layer), (id) => names.get(id) ?? techniqueName(id, release));
      }
      if (options.navigator) {
        writeLayerFile(options.navigator, layer, options.force);
        stderr.push(`attack-vault: wrote the Navigator layer ${options.navigator} (${layer.techniques.length} entries)`);
      }
    }
    if (gate) for (const line of gateLines(gate, options.filter)) stderr.push(line);
    const filters = filterFlags(options.filter);

    const baselineName = options.baseline ?? "";
    let stdout: string | Iterable<string>;
    if (options.format === "json") {
      const extras = {
        ...comparison,
        ...(gate ? { gate: gateJson(gate) } : {}),
        ...(changes ? { changes: { baseline: baselineName, ...changes } } : {}),
        ...(ranking ? { topGaps: ranking } : {}),
      };
      stdout = jsonOutput(coverageJson(report, [...allWarnings(vault), ...baselineWarnings], extras));
    } else if (options.format === "markdown") {
      stdout = coverageMarkdown(report, vaultName, {
        filters,
        ...(gate ? { gate } : {}),
        ...(options.attack ? { attack: comparison } : {}),
        ...(changes ? { changes: { changes, baseline: baselineName } } : {}),
        ...(ranking ? { topGaps: { ranking, profileTag: vault.settings.profileTag } } : {}),
      });
    } else {
      let text = coverageText(report, vault.dir, filters);
      if (ranking) text += "\n" + topGapsText(ranking, report, vault.settings.profileTag);
      if (changes) text += "\n" + changesText(changes, baselineName);
      if (options.attack) text += "\n" + attackText(comparison);
      stdout = text;
    }
    return { stdout, stderr, exitCode: gate && !gate.passed ? EXIT_BELOW_BAR : EXIT_OK };
  },
};

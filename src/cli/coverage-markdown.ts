/**
 * `coverage --format markdown`: a report a pull request can show — the gate's verdict, a summary,
 * the per-tactic table and the gaps; with --attack and --baseline, those sections too.
 */
import type { AttackComparison } from "../core/attack-coverage";
import { isGap, type CoverageCounts, type CoverageReport } from "../core/coverage";
import type { CoverageChanges, RuleCountChange } from "../core/coverage-diff";
import { shownPercent, type CoverageGate } from "../core/coverage-gate";
import { namedBy, retiredGroups } from "./coverage-extras-text";
import { profileLine, topGapsMarkdown } from "./coverage-profiles";
import { noGapsText } from "./coverage-text";
import type { TopGapsData } from "../core/coverage-export";
import { printable } from "./printable";
import {
  CHANGES_WORDS, COUNT_WORDS, countWithShare, GAPS_SECTION, HAS_TESTS, missingSection, notInRelease, REFERENCED_SECTION, RETIRED_SECTION,
  ruleAndTestCounts, ruleCountChange, summaryParts, TACTIC_TABLE_HEADER, tacticsText, UNKNOWN_TECHNIQUE,
} from "../core/coverage-words";

export interface MarkdownExtras {
  /** The filter flags as given, for the report that finds no technique. */
  filters?: string;
  gate?: CoverageGate;
  attack?: AttackComparison;
  changes?: { changes: CoverageChanges; baseline: string };
  topGaps?: { ranking: TopGapsData; profileTag: string };
}

/** Long lists fold away so the report stays readable in a pull request. */
const FOLD_AFTER = 20;

/**
 * Outside text (note names and titles, paths, IDs, a baseline's name) in the Markdown report: what
 * Markdown would read as markup is escaped, line breaks become spaces (a line cannot be forged),
 * control characters show as escapes, and an `@` cannot mention anyone in a pull request.
 */
export function markdownText(text: string): string {
  const escaped = text.replace(/[\\`*_[\]<>|#~&!]/g, (character) => `\\${character}`).replace(/\r\n|[\r\n\u2028\u2029]/g, " ");
  // A zero-width space after `@`, as an entity so a reader of the raw Markdown sees it: `@user` no longer notifies `user`.
  return printable(escaped).replace(/@/g, "@&#8203;");
}

function summary(counts: CoverageCounts): string {
  const parts = summaryParts(counts);
  return [`**${parts.techniques}**`, parts.withRule, parts.withTest, `**${parts.gaps}**`].join(" · ");
}

function list({ title, none: empty }: { title: string; none: string }, items: readonly string[]): string[] {
  if (items.length === 0) return [`### ${title}`, "", empty, ""];
  const bullets = items.map((item) => `- ${item}`);
  if (items.length <= FOLD_AFTER) return [`### ${title} (${items.length})`, "", ...bullets, ""];
  return [`### ${title} (${items.length})`, "", "<details><summary>Show all</summary>", "", ...bullets, "", "</details>", ""];
}

function gateLine(gate: CoverageGate): string {
  if (gate.techniques === 0) return `❌ No technique note matches the filters, so there is no coverage to measure: below the bar of ${gate.failUnder}%.`;
  const share = `${shownPercent(gate)}% of techniques ${COUNT_WORDS.withRule}`;
  return gate.passed ? `✅ ${share}: meets the bar of ${gate.failUnder}%.` : `❌ ${share}: below the bar of ${gate.failUnder}%.`;
}

function attackLists(attack: AttackComparison): string[] {
  const version = attack.attack.version;
  const retired = retiredGroups(attack.revokedOrDeprecated).map((group) => {
    const notes = group.techniqueNotes.map((note) => `technique note ${markdownText(note)}`);
    return [`**${markdownText(group.id)}** ${group.text}`, namedBy(group), ...notes].filter(Boolean).join("; ");
  });
  return [
    ...list(
      missingSection(version),
      attack.missingTechniques.map((technique) => `**${markdownText(technique.id)}** ${markdownText(technique.name)} — ${markdownText(tacticsText(technique.tactics))}`),
    ),
    ...list(RETIRED_SECTION, retired),
    ...list(
      REFERENCED_SECTION,
      attack.referencedWithoutNote.map(
        (technique) => `**${markdownText(technique.id)}** ${markdownText(technique.name ?? notInRelease(version))} — ${ruleAndTestCounts(technique.rules.length, technique.tests.length)}`,
      ),
    ),
  ];
}

function changeItem(change: RuleCountChange): string {
  return `**${markdownText(change.id)}** ${markdownText(change.name ?? UNKNOWN_TECHNIQUE)} — ${ruleCountChange(change.rulesBefore, change.rulesAfter)}`;
}

export function coverageMarkdown(report: CoverageReport, title: string, extras: MarkdownExtras = {}): string {
  const lines = [`## ATT&CK coverage of ${markdownText(title)}`, ""];
  if (extras.gate) lines.push(gateLine(extras.gate), "");
  const profile = profileLine(report);
  if (profile) lines.push(`**${markdownText(profile)}**`, "");
  lines.push(summary(report.filtered), "");
  lines.push(`| ${TACTIC_TABLE_HEADER.join(" | ")} |`, `| --- |${" ---: |".repeat(TACTIC_TABLE_HEADER.length - 1)}`);
  for (const group of report.tactics) {
    const cells = [markdownText(group.tactic.name), String(group.techniques), countWithShare(group.withRule, group.techniques)];
    cells.push(countWithShare(group.withTest, group.techniques), String(group.gaps));
    lines.push(`| ${cells.join(" | ")} |`);
  }
  lines.push("");
  const gaps = report.rows.filter((row) => isGap(row.status));
  const gapItems = gaps.map((row) => {
    const tests = row.status === "tests-no-rule" ? ` ${HAS_TESTS}` : "";
    return `**${markdownText(row.id)}** ${markdownText(row.name)} — ${markdownText(tacticsText(row.tactics.map((tactic) => tactic.name)))}${tests}`;
  });
  let sections = list({ title: GAPS_SECTION.title, none: noGapsText(report, markdownText(extras.filters ?? "")) }, gapItems);
  if (extras.changes) {
    const { changes, baseline } = extras.changes;
    const since = `since ${markdownText(baseline)}`;
    if (changes.gained.length === 0 && changes.lost.length === 0) sections.push(`### Changes ${since}`, "", `${CHANGES_WORDS.none}.`, "");
    if (changes.gained.length > 0) sections = sections.concat(list({ title: `${CHANGES_WORDS.gained} ${since}`, none: "" }, changes.gained.map(changeItem)));
    if (changes.lost.length > 0) sections = sections.concat(list({ title: `${CHANGES_WORDS.lost} ${since}`, none: "" }, changes.lost.map(changeItem)));
  }
  if (extras.topGaps) sections = sections.concat(topGapsMarkdown(extras.topGaps.ranking, report, extras.topGaps.profileTag, markdownText));
  if (extras.attack) sections = sections.concat(attackLists(extras.attack));
  // concat, not push(...): a list of 200,000 lines overflows the stack as arguments.
  return lines.concat(sections).join("\n").replace(/\n+$/, "") + "\n";
}

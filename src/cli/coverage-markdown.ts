/**
 * `coverage --format markdown`: a report a pull request can show — the gate's verdict, a summary,
 * the per-tactic table and the gaps; with --attack and --baseline, those sections too.
 */
import type { AttackComparison } from "../core/attack-coverage";
import { isGap, type CoverageCounts, type CoverageReport } from "../core/coverage";
import type { CoverageChanges, RuleCountChange } from "../core/coverage-diff";
import { shownPercent, type CoverageGate } from "../core/coverage-gate";
import { namedBy, retiredGroups } from "./coverage-extras-text";
import { noGapsText } from "./coverage-text";
import { printable } from "./printable";
import { percentText } from "../core/wording";

export interface MarkdownExtras {
  /** The filter flags as given, for the report that finds no technique. */
  filters?: string;
  gate?: CoverageGate;
  attack?: AttackComparison;
  changes?: { changes: CoverageChanges; baseline: string };
}

/** Long lists fold away so the report stays readable in a pull request. */
const FOLD_AFTER = 20;

/** Note text is text: characters Markdown would read as markup are escaped. */
export function markdownText(text: string): string {
  return printable(text.replace(/[\\`*_[\]<>|#~]/g, (character) => `\\${character}`).replace(/\r?\n/g, " "));
}

function summary(counts: CoverageCounts): string {
  return (
    `**${counts.techniques} techniques** · ${counts.withRule} (${percentText(counts.withRule, counts.techniques)}) with a detection rule · ` +
    `${counts.withTest} (${percentText(counts.withTest, counts.techniques)}) with a test · **${counts.gaps} with no rule**`
  );
}

function list(title: string, items: readonly string[], empty: string): string[] {
  if (items.length === 0) return [`### ${title}`, "", empty, ""];
  const bullets = items.map((item) => `- ${item}`);
  if (items.length <= FOLD_AFTER) return [`### ${title} (${items.length})`, "", ...bullets, ""];
  return [`### ${title} (${items.length})`, "", "<details><summary>Show all</summary>", "", ...bullets, "", "</details>", ""];
}

function gateLine(gate: CoverageGate): string {
  if (gate.techniques === 0) return `❌ No technique note matches the filters, so there is no coverage to measure: below the bar of ${gate.failUnder}%.`;
  const share = `${shownPercent(gate)}% of techniques have a detection rule`;
  return gate.passed ? `✅ ${share}: meets the bar of ${gate.failUnder}%.` : `❌ ${share}: below the bar of ${gate.failUnder}%.`;
}

function attackLists(attack: AttackComparison): string[] {
  const release = `ATT&CK v${attack.attack.version}`;
  const retired = retiredGroups(attack.revokedOrDeprecated).map((group) => {
    const notes = group.techniqueNotes.map((note) => `technique note \`${note.replace(/`/g, "'")}\``);
    return [`**${group.id}** ${group.text}`, namedBy(group), ...notes].filter(Boolean).join("; ");
  });
  return [
    ...list(
      `${release} techniques with no note`,
      attack.missingTechniques.map((technique) => `**${technique.id}** ${markdownText(technique.name)} — ${technique.tactics.join(", ") || "no tactic"}`),
      `Every ${release} technique has a note.`,
    ),
    ...list("Revoked or deprecated techniques the vault names", retired, "No note names a revoked or deprecated technique."),
    ...list(
      "Techniques rules or tests name that have no note",
      attack.referencedWithoutNote.map(
        (technique) => `**${technique.id}** ${technique.name ? markdownText(technique.name) : `(not in ${release})`} — ${technique.rules.length} rules, ${technique.tests.length} tests`,
      ),
      "Every technique a rule or test names has a note.",
    ),
  ];
}

function changeItem(change: RuleCountChange): string {
  return `**${change.id}** ${markdownText(change.name ?? "(unknown technique)")} — ${change.rulesBefore} → ${change.rulesAfter} rules`;
}

export function coverageMarkdown(report: CoverageReport, title: string, extras: MarkdownExtras = {}): string {
  const lines = [`## ATT&CK coverage of ${markdownText(title)}`, ""];
  if (extras.gate) lines.push(gateLine(extras.gate), "");
  lines.push(summary(report.filtered), "");
  lines.push("| Tactic | Techniques | With rule | With test | No rule |", "| --- | ---: | ---: | ---: | ---: |");
  for (const group of report.tactics) {
    const cells = [markdownText(group.tactic.name), String(group.techniques), `${group.withRule} (${percentText(group.withRule, group.techniques)})`];
    cells.push(`${group.withTest} (${percentText(group.withTest, group.techniques)})`, String(group.gaps));
    lines.push(`| ${cells.join(" | ")} |`);
  }
  lines.push("");
  const gaps = report.rows.filter((row) => isGap(row.status));
  const gapItems = gaps.map((row) => {
    const tests = row.status === "tests-no-rule" ? " (has tests)" : "";
    return `**${row.id}** ${markdownText(row.name)} — ${row.tactics.map((tactic) => markdownText(tactic.name)).join(", ") || "no tactic"}${tests}`;
  });
  let sections = list("Techniques with no detection rule", gapItems, noGapsText(report, markdownText(extras.filters ?? "")));
  if (extras.changes) {
    const { changes, baseline } = extras.changes;
    const since = `since \`${baseline.replace(/`/g, "'")}\``;
    if (changes.gained.length === 0 && changes.lost.length === 0) sections.push(`### Changes ${since}`, "", "No technique gained or lost detection rules.", "");
    if (changes.gained.length > 0) sections = sections.concat(list(`Gained rules ${since}`, changes.gained.map(changeItem), ""));
    if (changes.lost.length > 0) sections = sections.concat(list(`Lost rules ${since}`, changes.lost.map(changeItem), ""));
  }
  if (extras.attack) sections = sections.concat(attackLists(extras.attack));
  // concat, not push(...): a list of 200,000 lines overflows the stack as arguments.
  return lines.concat(sections).join("\n").replace(/\n+$/, "") + "\n";
}

/** The readable coverage report: a per-tactic table, then every technique with no rule. */
import { isGap, type CoverageCounts, type CoverageReport } from "../core/coverage";
import { countWithShare, GAPS_SECTION, HAS_TESTS, summaryParts, TACTIC_TABLE_HEADER, tacticsText } from "../core/coverage-words";
import { profileLine } from "./coverage-profiles";
import { printable } from "./printable";

/** The length of the longest text, at least `least`; a loop, since Math.max(...texts) overflows the stack past about 120,000. */
export function widthOf(texts: Iterable<string>, least = 0): number {
  let width = least;
  for (const text of texts) if (text.length > width) width = text.length;
  return width;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) => widthOf(rows.map((row) => row[column] ?? ""), title.length));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  return [line(header), widths.map((width) => "─".repeat(width)).join("  "), ...rows.map(line)];
}

function totalsLine(counts: CoverageCounts): string {
  const parts = summaryParts(counts);
  return [parts.techniques, parts.withRule, parts.withTest, parts.gaps].join(" · ");
}

/** What the gaps section says when it has none: an all-clear only when there was something to clear. */
export function noGapsText(report: CoverageReport, filters: string): string {
  return report.filtered.techniques === 0 ? `No technique note matches ${filters || "the filters"}.` : GAPS_SECTION.none;
}

/** `filters`: the filter flags as given (see filterFlags), for the report that finds no technique. */
export function coverageText(report: CoverageReport, title: string, filters = ""): string {
  const profile = profileLine(report);
  const lines = [`ATT&CK coverage of ${printable(title)}`, ...(profile ? [printable(profile)] : []), totalsLine(report.filtered), ""];
  const rows = report.tactics.map((group) => [
    printable(group.tactic.name),
    String(group.techniques),
    countWithShare(group.withRule, group.techniques),
    countWithShare(group.withTest, group.techniques),
    String(group.gaps),
  ]);
  for (const line of table(TACTIC_TABLE_HEADER, rows)) lines.push(line);
  lines.push("");
  const gaps = report.rows.filter((row) => isGap(row.status));
  lines.push(gaps.length === 0 ? noGapsText(report, printable(filters)) : `${GAPS_SECTION.title} (${gaps.length}):`);
  const idWidth = widthOf(gaps.map((row) => row.id));
  for (const row of gaps) {
    const tests = row.status === "tests-no-rule" ? `  ${HAS_TESTS}` : "";
    lines.push(`  ${row.id.padEnd(idWidth)}  ${printable(row.name)} — ${printable(tacticsText(row.tactics.map((tactic) => tactic.name)))}${tests}`);
  }
  return lines.join("\n") + "\n";
}

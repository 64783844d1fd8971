/**
 * What `coverage --profile` and `coverage --top-gaps` add to the text and Markdown reports: the
 * profiles' summary line, and the gaps the most threat profiles list, ranked.
 */
import type { CoverageReport } from "../core/coverage";
import { COUNT_WORDS, HAS_TESTS, NO_NOTE, noTopGapsText, profileSummaryText, topGapsCaption } from "../core/coverage-words";
import { profileScopeName } from "../core/threat-profiles";
import type { TopGapsData } from "../core/coverage-export";
import { capitalised, namesText, plural } from "../core/wording";
import { widthOf } from "./coverage-text";
import { printable } from "./printable";

/** Names listed beside a gap before "and N more". */
const NAMES_PER_GAP = 3;

/** `Threat profile APT29: 61 techniques, 38 with rules (62%), 23 gaps`, or null without a profile filter. */
export function profileLine(report: CoverageReport): string | null {
  if (!report.profiles) return null;
  return `Threat profile${report.profiles.profiles.length === 1 ? "" : "s"} ${profileSummaryText(report.profiles)}`;
}

function intro(ranking: TopGapsData, profileTag: string): string | null {
  if (ranking.profilesInVault === 0) {
    return `the vault has no threat profiles (notes tagged #${profileTag}); \`attack-vault import-actors\` writes ATT&CK's groups, campaigns and software as profiles.`;
  }
  if (ranking.total === 0) return `${noTopGapsText(ranking.profilesInVault)}.`;
  return null;
}

function gapWhat(gap: TopGapsData["gaps"][number]): string {
  return `${gap.name}${gap.note === null ? ` (${NO_NOTE})` : gap.status === "tests-no-rule" ? ` ${HAS_TESTS}` : ""}`;
}

/** ` among APT29's techniques`, when the report was restricted to profiles. */
function within(report: CoverageReport): string {
  return report.profiles ? ` among the techniques of ${profileScopeName(report.profiles.profiles)}` : "";
}

export function topGapsText(ranking: TopGapsData, report: CoverageReport, profileTag: string): string {
  const none = intro(ranking, profileTag);
  if (none) return `Top gaps: ${printable(none)}\n`;
  const shown = ranking.gaps.length;
  const lines = [
    `Top gaps: ${shown === ranking.total ? `the ${plural(shown, "technique")}` : `${shown} of the ${ranking.total} techniques`} ${COUNT_WORDS.noRule} that the vault's ` +
      `${plural(ranking.profilesInVault, "threat profile")} list${printable(within(report))}, most listed first:`,
  ];
  const rankWidth = String(shown).length;
  const idWidth = widthOf(ranking.gaps.map((gap) => gap.id));
  ranking.gaps.forEach((gap, position) => {
    const names = namesText(
      gap.profiles.map((profile) => printable(profile.name)),
      NAMES_PER_GAP,
    );
    lines.push(`  ${String(position + 1).padStart(rankWidth)}  ${gap.id.padEnd(idWidth)}  ${printable(gapWhat(gap))} — ${plural(gap.profiles.length, "profile")}: ${names}`);
  });
  return lines.join("\n") + "\n";
}

/** A table a pull request shows; `escape` is the Markdown report's escaping of outside text. */
export function topGapsMarkdown(ranking: TopGapsData, report: CoverageReport, profileTag: string, escape: (text: string) => string): string[] {
  const none = intro(ranking, profileTag);
  const title = `### Top gaps${none ? "" : ` (${ranking.gaps.length} of ${ranking.total})`}`;
  if (none) return [title, "", escape(capitalised(none)), ""];
  return [
    title,
    "",
    `${topGapsCaption(ranking.profilesInVault, escape(within(report)))}.`,
    "",
    "| # | Technique | Profiles | Listed by |",
    "| ---: | --- | ---: | --- |",
    ...ranking.gaps.map((gap, position) => {
      const names = namesText(gap.profiles.map((profile) => escape(profile.name)), NAMES_PER_GAP);
      return `| ${position + 1} | **${gap.id}** ${escape(gapWhat(gap))} | ${gap.profiles.length} | ${names} |`;
    }),
    "",
  ];
}

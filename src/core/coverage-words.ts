/**
 * What the coverage reports say, in one set of words: the panel, the text and Markdown reports and
 * the notices take their phrases, counts and shares from here, so a number or a word reads the
 * same wherever a person meets it. Each surface only adds its own markup (escaping, bold, links).
 */
import type { CoverageCounts, ProfileScope } from "./coverage";
import { profileScopeName } from "./threat-profiles";
import { percentText, plural } from "./wording";

/** `12 (80%)`: a count with its share of the whole. */
export function countWithShare(part: number, whole: number): string {
  return `${part} (${percentText(part, whole)})`;
}

/** What the counted techniques have, after their count: `12 (80%) with a detection rule`. */
export const COUNT_WORDS = { withRule: "with a detection rule", withTest: "with a test", noRule: "with no detection rule" };

/** The summary's four figures, in order: techniques, with a detection rule, with a test, with none. */
export function summaryParts(counts: CoverageCounts): { techniques: string; withRule: string; withTest: string; gaps: string } {
  return {
    techniques: plural(counts.techniques, "technique"),
    withRule: `${countWithShare(counts.withRule, counts.techniques)} ${COUNT_WORDS.withRule}`,
    withTest: `${countWithShare(counts.withTest, counts.techniques)} ${COUNT_WORDS.withTest}`,
    gaps: `${counts.gaps} ${COUNT_WORDS.noRule}`,
  };
}

/** The per-tactic table's header, in the text and Markdown reports. */
export const TACTIC_TABLE_HEADER = ["Tactic", "Techniques", "With rule", "With test", "No rule"];

/** The tactics a technique is listed under, or `no tactic`. */
export function tacticsText(names: readonly string[]): string {
  return names.length > 0 ? names.join(", ") : "no tactic";
}

/** `3 rules · 1 test`. */
export function ruleAndTestCounts(rules: number, tests: number): string {
  return `${plural(rules, "rule")} · ${plural(tests, "test")}`;
}

/** `named by 3 rules and 1 test`, leaving out a count of none; empty when both are none. */
export function namedByRulesAndTests(rules: number, tests: number): string {
  const counts = [rules > 0 ? plural(rules, "rule") : "", tests > 0 ? plural(tests, "test") : ""].filter(Boolean);
  return counts.length > 0 ? `named by ${counts.join(" and ")}` : "";
}

/** After a gap that has atomic tests. */
export const HAS_TESTS = "(has tests)";

/** `ATT&CK v18.1`. */
export function releaseName(version: string): string {
  return `ATT&CK v${version}`;
}

/** A technique the shipped release does not know, in place of its name. */
export function notInRelease(version: string): string {
  return `(not in ${releaseName(version)})`;
}

/** A technique a layer names that neither the vault nor the release names. */
export const UNKNOWN_TECHNIQUE = "(unknown technique)";

/** A report section: its title, and what it says when it lists nothing. */
export interface SectionWords {
  title: string;
  none: string;
}

export const GAPS_SECTION: SectionWords = { title: `Techniques ${COUNT_WORDS.noRule}`, none: "Every technique has a detection rule." };

export function missingSection(version: string): SectionWords {
  const release = releaseName(version);
  return { title: `${release} techniques with no note in the vault`, none: `Every ${release} technique has a note.` };
}

export const RETIRED_SECTION: SectionWords = { title: "Revoked or deprecated techniques the vault names", none: "No note names a revoked or deprecated technique." };

export const REFERENCED_SECTION: SectionWords = { title: "Techniques rules or tests name that have no note", none: "Every technique a rule or test names has a note." };

/** `deprecated; ATT&CK says to use T1059 instead`, or `revoked (…)` when the release names nothing. */
export function retiredText(status: "revoked" | "deprecated", replacedBy: readonly string[] | null): string {
  if (replacedBy && replacedBy.length > 0) return `${status}; ATT&CK says to use ${replacedBy.join(", ")} instead`;
  return status === "revoked" ? "revoked (the shipped ATT&CK data does not name what replaced it)" : "deprecated, with no replacement named";
}

/** What changed since a baseline layer. */
export const CHANGES_WORDS = {
  none: "No technique gained or lost detection rules",
  gained: "Gained rules",
  lost: "Lost rules",
  newlyCovered: "(newly covered)",
  noRuleLeft: "(no rule left)",
};

/** `2 → 5 rules`. */
export function ruleCountChange(before: number, after: number): string {
  return `${before} → ${after} rules`;
}

/** After a technique the vault has no note for. */
export const NO_NOTE = "no note in the vault";

/** `APT29: 61 techniques, 38 with rules (62%), 23 gaps`, and how many it lists that have no note: the panel's and the CLI's words. */
export function profileSummaryText(scope: ProfileScope): string {
  const { techniques, withRule, gaps } = scope.counts;
  const summary = `${profileScopeName(scope.profiles)}: ${plural(techniques, "technique")}, ${withRule} with rules (${percentText(withRule, techniques)}), ${plural(gaps, "gap")}`;
  const missing = scope.withoutNote.length;
  return missing === 0 ? summary : `${summary}; ${plural(missing, "more technique")} ${missing === 1 ? "has" : "have"} ${NO_NOTE}`;
}

/** Above a ranking of top gaps: `Techniques with no detection rule, by how many of the vault's 3 threat profiles list them`. */
export function topGapsCaption(profilesInVault: number, scope = ""): string {
  return `${GAPS_SECTION.title}${scope}, by how many of the vault's ${plural(profilesInVault, "threat profile")} list them`;
}

/** When every gap the profiles list has a rule: the CLI's and the panel's words. */
export function noTopGapsText(profilesInVault: number): string {
  return `every technique the vault's ${plural(profilesInVault, "threat profile")} list that passes the filters has a detection rule`;
}

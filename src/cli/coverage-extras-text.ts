/** The readable sections `coverage` adds: the ATT&CK comparison, changes since a baseline, the gate's verdict. */
import type { AttackComparison, RetiredTechniqueNote } from "../core/attack-coverage";
import type { CoverageChanges, RuleCountChange } from "../core/coverage-diff";
import { wantedProfiles, type CoverageFilter } from "../core/coverage";
import { shownPercent, type CoverageGate } from "../core/coverage-gate";
import { CHANGES_WORDS, COUNT_WORDS, missingSection, namedByRulesAndTests, notInRelease, REFERENCED_SECTION, retiredText, RETIRED_SECTION, ruleAndTestCounts, ruleCountChange, tacticsText, UNKNOWN_TECHNIQUE } from "../core/coverage-words";
import { plural } from "../core/wording";
import { printable } from "./printable";
import { widthOf } from "./coverage-text";


function idColumn(ids: readonly string[]): (id: string) => string {
  const width = widthOf(ids);
  return (id) => printable(id).padEnd(width);
}

export interface RetiredGroup {
  id: string;
  text: string;
  rules: number;
  tests: number;
  techniqueNotes: string[];
}

/** Retired notes grouped by technique: its technique notes by path, its rules and tests as counts. */
export function retiredGroups(entries: readonly RetiredTechniqueNote[]): RetiredGroup[] {
  const groups = new Map<string, RetiredGroup>();
  for (const entry of entries) {
    let group = groups.get(entry.id);
    if (!group) groups.set(entry.id, (group = { id: entry.id, text: retiredText(entry.status, entry.replacedBy), rules: 0, tests: 0, techniqueNotes: [] }));
    if (entry.kind === "rule") group.rules++;
    else if (entry.kind === "test") group.tests++;
    else group.techniqueNotes.push(entry.note);
  }
  return [...groups.values()];
}

export function namedBy(group: RetiredGroup): string {
  return namedByRulesAndTests(group.rules, group.tests);
}

function retiredLines(entries: readonly RetiredTechniqueNote[]): string[] {
  const groups = retiredGroups(entries);
  const pad = idColumn(groups.map((group) => group.id));
  return groups.flatMap((group) => [
    `  ${pad(group.id)}  ${group.text}${namedBy(group) ? ` — ${namedBy(group)}` : ""}`,
    ...group.techniqueNotes.map((note) => `  ${pad("")}  technique note: ${printable(note)}`),
  ]);
}

export function attackText(comparison: AttackComparison): string {
  const version = comparison.attack.version;
  const { missingTechniques: missing, revokedOrDeprecated: retired, referencedWithoutNote: referenced } = comparison;
  const heading = (words: { title: string; none: string }, count: number): string => (count === 0 ? words.none : `${words.title} (${count}):`);
  const lines: string[] = [];
  lines.push(heading(missingSection(version), missing.length));
  const missingPad = idColumn(missing.map((technique) => technique.id));
  for (const technique of missing) lines.push(`  ${missingPad(technique.id)}  ${printable(technique.name)} — ${printable(tacticsText(technique.tactics))}`);
  lines.push("");
  lines.push(heading(RETIRED_SECTION, new Set(retired.map((entry) => entry.id)).size));
  for (const line of retiredLines(retired)) lines.push(line);
  lines.push("");
  lines.push(heading(REFERENCED_SECTION, referenced.length));
  const referencedPad = idColumn(referenced.map((technique) => technique.id));
  for (const technique of referenced) {
    const counts = ruleAndTestCounts(technique.rules.length, technique.tests.length);
    lines.push(`  ${referencedPad(technique.id)}  ${printable(technique.name ?? notInRelease(version))} — ${counts}`);
  }
  return lines.join("\n") + "\n";
}

function changeLine(change: RuleCountChange, pad: (id: string) => string): string {
  const note = change.rulesBefore === 0 ? `  ${CHANGES_WORDS.newlyCovered}` : change.rulesAfter === 0 ? `  ${CHANGES_WORDS.noRuleLeft}` : "";
  return `  ${pad(change.id)}  ${printable(change.name ?? UNKNOWN_TECHNIQUE)} — ${ruleCountChange(change.rulesBefore, change.rulesAfter)}${note}`;
}

export function changesText(changes: CoverageChanges, baseline: string): string {
  if (changes.gained.length === 0 && changes.lost.length === 0) return `${CHANGES_WORDS.none} since ${printable(baseline)}.\n`;
  const pad = idColumn([...changes.gained, ...changes.lost].map((change) => change.id));
  const lines = [`Changes since ${printable(baseline)}:`];
  // Loops, not push(...): a baseline may name a million techniques, too many to spread as arguments.
  if (changes.gained.length > 0) lines.push(`${CHANGES_WORDS.gained} (${changes.gained.length}):`);
  for (const change of changes.gained) lines.push(changeLine(change, pad));
  if (changes.lost.length > 0) lines.push(`${CHANGES_WORDS.lost} (${changes.lost.length}):`);
  for (const change of changes.lost) lines.push(changeLine(change, pad));
  return lines.join("\n") + "\n";
}

/** The filters as they were given, `--platform "Azure AD" --tactic Impact`; empty when none was. */
export function filterFlags(filter: CoverageFilter): string {
  const flag = (name: string, value: string | undefined): string => (value === undefined ? "" : `--${name} ${/\s/.test(value) ? JSON.stringify(value) : value}`);
  const profiles = wantedProfiles(filter).map((profile) => flag("profile", profile));
  return [...profiles, flag("platform", filter.platform), flag("tactic", filter.tactic)].filter(Boolean).join(" ");
}

/** The verdict for stderr, after the report, which lists the gaps; the gaps are not listed twice. */
export function gateLines(gate: CoverageGate, filter: CoverageFilter): string[] {
  const bar = `--fail-under ${gate.failUnder}%`;
  if (gate.techniques === 0) return [`attack-vault: no technique note matches ${printable(filterFlags(filter))}, so there is no coverage to measure: below ${bar}`];
  const share = `coverage ${shownPercent(gate)}% (${gate.withRule} of ${plural(gate.techniques, "technique")} ${COUNT_WORDS.withRule})`;
  if (gate.passed) return [`attack-vault: ${share} meets ${bar}`];
  return [`attack-vault: ${share} is below ${bar}; the ${plural(gate.missing.length, "technique")} ${COUNT_WORDS.noRule} ${gate.missing.length === 1 ? "is" : "are"} in the report`];
}

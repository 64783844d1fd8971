/**
 * What `coverage` checks before it reports, so it never gives a false all-clear: that the vault
 * has technique notes (naming the tag it looked for, and the tags close to it), that rule and
 * test tags match something, and that --platform and --tactic name a platform and a tactic.
 */
import { currentPlatforms, platformKey, RENAMED_PLATFORMS } from "../core/attack-platforms";
import { platformChoices, tacticChoices, type CoverageFilter, type CoverageReport, type CoverageRow } from "../core/coverage";
import { profileLabel, threatProfiles } from "../core/threat-profiles";
import { suggestTags } from "../core/tag-suggestions";
import { tagKey } from "../core/tags";
import { findTactic, TACTICS } from "../core/tactics";
import { plural } from "../core/wording";
import { UsageError } from "./args";
import type { OpenVault } from "./load-vault";
import { printable } from "./printable";

/** `#detection_rule (35 notes), #detection (2 notes)`. */
function tagsWithCounts(tags: readonly string[], counts: ReadonlyMap<string, number>): string {
  return tags.map((tag) => `#${printable(tag)} (${plural(counts.get(tag) ?? 0, "note")})`).join(", ");
}

/** The tags a vault does use, close to one it does not, or its most used ones when none is close. */
function suggestionLine(tag: string, counts: ReadonlyMap<string, number>): string | null {
  const { close, mostUsed } = suggestTags(tag, counts);
  if (close.length > 0) return `  tags close to it that the vault uses: ${tagsWithCounts(close, counts)}`;
  if (mostUsed.length > 0) return `  no tag the vault uses is close to it; its most used are ${tagsWithCounts(mostUsed, counts)}`;
  return null;
}

/** Why there is no coverage to report, or null when the vault has technique notes with IDs. */
export function noTechniqueNotes(vault: OpenVault): string[] | null {
  const { index, settings } = vault;
  if (!index.techniqueIdsWithNotes().next().done) return null;
  const where = `attack-vault: no technique notes in ${printable(vault.dir)}`;
  if (vault.read.records.length === 0) return [`${where}: it holds no Markdown notes (.md files), so it has no coverage to report`];
  const tagged = [...index.notes()].filter((note) => note.kind === "technique").length;
  if (tagged > 0) {
    return [`${where}: ${plural(tagged, "note")} ${tagged === 1 ? "is" : "are"} tagged #${printable(settings.techniqueTag)}, but none has a technique ID in its tags, properties or file name (the warnings name them)`];
  }
  const lines = [`${where}: no note is tagged #${printable(settings.techniqueTag)}, the tag that marks technique notes (--technique-tag or the plugin's settings change it)`];
  const suggestion = suggestionLine(tagKey(settings.techniqueTag), index.tagCounts());
  return suggestion ? [...lines, suggestion] : lines;
}

/** A warning for a rule or test tag no note carries: every technique would read as a gap for want of rules. */
export function unusedKindTags(vault: OpenVault): string[] {
  const counts = vault.index.tagCounts();
  const lines: string[] = [];
  const kinds: Array<[string, string, string]> = [
    [vault.settings.ruleTag, "detection rules", "--rule-tag"],
    [vault.settings.testTag, "tests", "--test-tag"],
  ];
  for (const [tag, kind, flag] of kinds) {
    if (vault.index.pathsWithTag(tagKey(tag)).size > 0) continue;
    lines.push(`attack-vault: no note is tagged #${printable(tag)}, the tag that marks ${kind} (${flag} or the plugin's settings change it), so no technique has any`);
    const suggestion = suggestionLine(tagKey(tag), counts);
    if (suggestion) lines.push(suggestion);
  }
  return lines;
}

/** Refuses a platform or tactic that is none, listing the ones there are, instead of reporting 0 techniques. */
export function checkFilter(filter: CoverageFilter, rows: readonly CoverageRow[]): void {
  if (filter.platform !== undefined) {
    const wanted = platformKey(filter.platform);
    const attack = currentPlatforms();
    const known = [...attack, ...RENAMED_PLATFORMS.map((renamed) => renamed.old), ...platformChoices(rows)];
    if (!known.some((platform) => platformKey(platform) === wanted)) {
      const vaultOnly = platformChoices(rows).filter((platform) => !attack.some((name) => platformKey(name) === platformKey(platform)));
      throw new UsageError(
        `--platform ${printable(filter.platform)} is not a platform. ATT&CK's are ${attack.join(", ")}; ` +
          `older names work too: ${RENAMED_PLATFORMS.map(({ old, current }) => `${old} (now ${current})`).join(", ")}` +
          (vaultOnly.length > 0 ? `; this vault's notes also name ${vaultOnly.map(printable).join(", ")}` : ""),
      );
    }
  }
  if (filter.tactic !== undefined) {
    const wanted = filter.tactic.trim().toLowerCase();
    const vaultOwn = tacticChoices(rows).filter((tactic) => tactic.id === "");
    if (!findTactic(filter.tactic) && !vaultOwn.some((tactic) => tactic.name.toLowerCase() === wanted)) {
      throw new UsageError(
        `--tactic ${printable(filter.tactic)} is not a tactic. ATT&CK's are ${TACTICS.map((tactic) => tactic.name).join(", ")} (or their IDs and shortnames)` +
          (vaultOwn.length > 0 ? `; this vault's notes also name ${vaultOwn.map((tactic) => printable(tactic.name)).join(", ")}` : ""),
      );
    }
  }
}

/** Refuses a --profile that names no threat profile, naming the ones close to it, instead of reporting 0 techniques. */
export function checkProfiles(report: CoverageReport, vault: OpenVault): void {
  const unknown = report.profiles?.unknown ?? [];
  if (unknown.length === 0) return;
  const asked = unknown.map((name) => `--profile ${printable(name)}`).join(", ");
  const profiles = threatProfiles(vault.index);
  if (profiles.length === 0) {
    throw new UsageError(
      `${asked}: the vault has no threat profiles (notes tagged #${printable(vault.settings.profileTag)}); ` +
        "`attack-vault import-actors <vault>` writes ATT&CK's groups, campaigns and software as profiles",
    );
  }
  // The closest labels to each name asked for, the profiles with most techniques first among equals.
  const sizes = new Map(profiles.map((profile) => [profileLabel(profile), profile.techniqueIds.length]));
  const close = [...new Set(unknown.flatMap((name) => suggestTags(name, sizes, 5).close))];
  const hint = close.length > 0 ? `; close to it: ${close.map(printable).join(", ")}` : "";
  throw new UsageError(`${asked} ${unknown.length === 1 ? "names" : "name"} no threat profile of the vault's ${profiles.length} (by name, ATT&CK ID or alias)${hint}`);
}

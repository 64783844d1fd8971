/**
 * The vault against an ATT&CK release: techniques with no note, notes on revoked or deprecated
 * techniques (with what replaced them where ATT&CK says), and names for IDs the vault only references.
 */
import { techniqueName, type AttackRelease, type AttackTechnique } from "./attack-catalogue";
import { platformKey } from "./attack-platforms";
import type { CoverageFilter, CoverageReport } from "./coverage";
import { findTactic } from "./tactics";
import { compareCodeUnits } from "./order";
import type { VaultIndex } from "./vault-index";

export interface MissingTechnique {
  id: string;
  /** With the parent's name for a sub-technique: `Command and Scripting Interpreter: PowerShell`. */
  name: string;
  /** Tactic names in matrix order, as the vault's own rows spell them. */
  tactics: string[];
}

export interface RetiredTechniqueNote {
  id: string;
  note: string;
  kind: "technique" | "rule" | "test";
  status: "revoked" | "deprecated";
  replacedBy: string[] | null;
}

export interface ReferencedWithoutNote {
  id: string;
  /** Null when the release does not know the ID (a newer or a mistyped one). */
  name: string | null;
  rules: string[];
  tests: string[];
}

export interface AttackComparison {
  attack: { version: string; domain: string };
  missingTechniques: MissingTechnique[];
  revokedOrDeprecated: RetiredTechniqueNote[];
  referencedWithoutNote: ReferencedWithoutNote[];
}

type ComparedIndex = Pick<VaultIndex, "techniqueIdsWithNotes" | "referencedTechniqueIds" | "rulesFor" | "testsFor">;

/** The coverage filter applied to ATT&CK's own tactics and platforms; the status filter does not apply to techniques without notes. */
export function matchesAttackFilter(technique: AttackTechnique, filter: CoverageFilter, release: AttackRelease): boolean {
  if (filter.platform) {
    const wanted = platformKey(filter.platform);
    if (!technique.platforms.some((platform) => platformKey(platform) === wanted)) return false;
  }
  if (filter.tactic) {
    const wanted = findTactic(filter.tactic)?.shortname ?? filter.tactic.trim().toLowerCase();
    if (!technique.tactics.includes(wanted)) return false;
  }
  if (filter.text && filter.text.trim() !== "") {
    const text = filter.text.trim().toLowerCase();
    const name = techniqueName(technique.id, release) ?? technique.name;
    if (!technique.id.toLowerCase().includes(text) && !name.toLowerCase().includes(text)) return false;
  }
  return true;
}

function tacticNames(technique: AttackTechnique, release: AttackRelease): string[] {
  return release.tactics.filter((tactic) => technique.tactics.includes(tactic.shortname)).map((tactic) => tactic.name);
}

function retiredStatus(technique: AttackTechnique | undefined): "revoked" | "deprecated" | null {
  if (!technique) return null;
  return technique.revoked ? "revoked" : technique.deprecated ? "deprecated" : null;
}

const byIdThenNote = (a: RetiredTechniqueNote, b: RetiredTechniqueNote): number => compareCodeUnits(a.id, b.id) || compareCodeUnits(a.note, b.note);

export function compareWithAttack(index: ComparedIndex, report: CoverageReport, release: AttackRelease, filter: CoverageFilter = {}): AttackComparison {
  const withNotes = new Set(index.techniqueIdsWithNotes());
  // A threat profile narrows every list to its techniques, as it narrows the report's rows.
  const inProfile = report.profiles?.techniqueIds ?? null;
  const filtered = !!(filter.platform || filter.tactic || filter.text?.trim());
  const missingTechniques: MissingTechnique[] = [];
  for (const technique of release.techniques.values()) {
    if (technique.revoked || technique.deprecated || withNotes.has(technique.id)) continue;
    if (inProfile && !inProfile.has(technique.id)) continue;
    if (!matchesAttackFilter(technique, filter, release)) continue;
    missingTechniques.push({ id: technique.id, name: techniqueName(technique.id, release) ?? technique.name, tactics: tacticNames(technique, release) });
  }

  const revokedOrDeprecated: RetiredTechniqueNote[] = [];
  for (const row of report.rows) {
    const technique = release.techniques.get(row.id);
    const status = retiredStatus(technique);
    if (!status || !technique) continue;
    for (const note of row.notes) revokedOrDeprecated.push({ id: row.id, note, kind: "technique", status, replacedBy: technique.replacedBy });
  }

  const referencedWithoutNote: ReferencedWithoutNote[] = [];
  for (const id of [...index.referencedTechniqueIds()].sort(compareCodeUnits)) {
    const technique = release.techniques.get(id);
    if (inProfile && !inProfile.has(id)) continue;
    if (technique ? !matchesAttackFilter(technique, filter, release) : filtered) continue;
    const rules = [...index.rulesFor(id)].sort();
    const tests = [...index.testsFor(id)].sort();
    const status = retiredStatus(technique);
    if (status && technique) {
      const entry = { id, status, replacedBy: technique.replacedBy };
      for (const note of rules) revokedOrDeprecated.push({ ...entry, note, kind: "rule" });
      for (const note of tests) revokedOrDeprecated.push({ ...entry, note, kind: "test" });
    }
    if (!withNotes.has(id)) referencedWithoutNote.push({ id, name: techniqueName(id, release), rules, tests });
  }

  return {
    attack: { version: release.version, domain: release.domain },
    missingTechniques,
    revokedOrDeprecated: revokedOrDeprecated.sort(byIdThenNote),
    referencedWithoutNote,
  };
}

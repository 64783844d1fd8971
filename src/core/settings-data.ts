/**
 * The plugin's saved settings (`data.json`): what they hold and how a stored copy,
 * possibly old or hand-edited, becomes a complete, valid value. The CLI reads the
 * same file so both fronts agree on a vault.
 */
import { DEFAULT_CONVENTIONS, type VaultConventions } from "./note";
import { isPlainObject } from "./plain-object";

export interface AttackVaultSettings extends VaultConventions {
  /** Render ```query blocks ourselves instead of core Search. */
  takeOverQueryBlocks: boolean;
  /** A parent technique counts the rules and tests of its sub-techniques. */
  rollUpSubTechniques: boolean;
}

export const DEFAULT_SETTINGS: AttackVaultSettings = {
  ...DEFAULT_CONVENTIONS,
  takeOverQueryBlocks: true,
  rollUpSubTechniques: true,
};

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value.trim() !== "" ? value.trim().replace(/^#/, "") : fallback;
}

/** A property name: trimmed, and unlike a tag it keeps a leading `#`. */
function propertyOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : fallback;
}

function stringListOr(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return [...fallback];
  return value.filter((item): item is string => typeof item === "string").map((item) => item.trim()).filter(Boolean);
}

function booleanOr(value: unknown, fallback: boolean): boolean {
  return typeof value === "boolean" ? value : fallback;
}

/** Any stored value (or none) → complete settings; unknown keys are kept out. */
export function settingsFromData(data: unknown): AttackVaultSettings {
  const stored = isPlainObject(data) ? data : {};
  return {
    techniqueTag: stringOr(stored.techniqueTag, DEFAULT_SETTINGS.techniqueTag),
    ruleTag: stringOr(stored.ruleTag, DEFAULT_SETTINGS.ruleTag),
    testTag: stringOr(stored.testTag, DEFAULT_SETTINGS.testTag),
    idProperties: stringListOr(stored.idProperties, DEFAULT_SETTINGS.idProperties),
    techniqueListProperties: stringListOr(stored.techniqueListProperties, DEFAULT_SETTINGS.techniqueListProperties),
    excludedFolders: stringListOr(stored.excludedFolders, DEFAULT_SETTINGS.excludedFolders),
    profileTag: stringOr(stored.profileTag, DEFAULT_SETTINGS.profileTag),
    profileTechniquesProperty: propertyOr(stored.profileTechniquesProperty, DEFAULT_SETTINGS.profileTechniquesProperty),
    takeOverQueryBlocks: booleanOr(stored.takeOverQueryBlocks, DEFAULT_SETTINGS.takeOverQueryBlocks),
    rollUpSubTechniques: booleanOr(stored.rollUpSubTechniques, DEFAULT_SETTINGS.rollUpSubTechniques),
  };
}

/** Whether two settings classify notes alike (tags, ID properties, left-out folders, threat profiles). */
export function sameConventions(a: VaultConventions, b: VaultConventions): boolean {
  const sameList = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((item, i) => item === y[i]);
  return (
    a.techniqueTag === b.techniqueTag &&
    a.ruleTag === b.ruleTag &&
    a.testTag === b.testTag &&
    a.profileTag === b.profileTag &&
    a.profileTechniquesProperty === b.profileTechniquesProperty &&
    sameList(a.idProperties, b.idProperties) &&
    sameList(a.techniqueListProperties, b.techniqueListProperties) &&
    sameList(a.excludedFolders, b.excludedFolders)
  );
}

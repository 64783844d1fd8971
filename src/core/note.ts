/**
 * The note record: what both fronts (Obsidian's metadata cache, the headless reader)
 * hand to the core. It holds no body text, so the index stays small. It is a value: a changed
 * note comes as a new record, never as this one changed in place (the index reads a record's
 * tags again to take the note out, rather than keeping a copy of them).
 */
export interface NoteRecord {
  /** Vault-relative path with forward slashes, e.g. `Use Cases/T1059.001 - PowerShell.md`. */
  path: string;
  /** Parsed YAML frontmatter, or null when the note has none or it did not parse. */
  frontmatter: Record<string, unknown> | null;
  /** Inline `#tags` from the body (outside code), without `#`, as written. */
  inlineTags: readonly string[];
  /**
   * Why the note has frontmatter but no properties, when the front that read it cannot say so
   * itself (Obsidian's cache only leaves the properties out); the headless reader reports its
   * own, more precise warnings instead.
   */
  frontmatterProblem?: string;
  /** Length of the frontmatter's YAML text, which bounds what a property search may read of it (see note-view.ts). */
  frontmatterSize?: number;
}

/** A problem found while reading one note; never stops the others. */
export interface NoteWarning {
  path: string;
  message: string;
}

/** The tags and properties that mark the kinds of notes; the user can change them. */
export interface VaultConventions {
  techniqueTag: string;
  ruleTag: string;
  testTag: string;
  /** Properties that may hold a technique note's ID, checked in order. */
  idProperties: string[];
  /** List properties on rule and test notes that hold technique IDs. */
  techniqueListProperties: string[];
  /** Vault-relative folders whose notes are left out. */
  excludedFolders: string[];
  /** Notes with this tag are threat profiles: the techniques an adversary (or a team's own threat model) uses. */
  profileTag: string;
  /** The property of a threat profile that lists its technique IDs. */
  profileTechniquesProperty: string;
}

export const DEFAULT_CONVENTIONS: VaultConventions = {
  techniqueTag: "techniques",
  ruleTag: "detection_rule",
  testTag: "atomic_test",
  idProperties: ["attack_technique_id", "technique_id", "id"],
  techniqueListProperties: ["attack_technique_ids", "technique_ids", "techniques", "attack_techniques"],
  excludedFolders: [],
  profileTag: "threat_profile",
  profileTechniquesProperty: "techniques",
};

/**
 * Threat profiles: notes tagged `threat_profile` (a setting) that list the techniques an adversary
 * uses, in a property named by a setting. An ATT&CK group, campaign or piece of software, or a
 * team's own threat model; what the vault counts is what the note lists.
 */
import type { IndexedNote } from "./classify";
import { fileBaseName, listProperty } from "./classify";
import { compareCodeUnits, compareTitles } from "./order";
import { parentTechniqueId, parseTechniqueId } from "./technique-id";
import type { VaultIndex } from "./vault-index";
import { namesText } from "./wording";

export type ProfileKind = "group" | "campaign" | "software" | "custom";

export interface ThreatProfile {
  path: string;
  /** The note's `title` or `name` property, else its file name. */
  name: string;
  /** ATT&CK's ID (`G0016`, `C0024`, `S0154`), upper case; null for a team's own profile. */
  attackId: string | null;
  kind: ProfileKind;
  /** Obsidian's aliases of the note. */
  aliases: string[];
  /** The technique IDs the profile lists, each once, in the note's order. */
  techniqueIds: readonly string[];
}

const KINDS: readonly ProfileKind[] = ["group", "campaign", "software", "custom"];
const KIND_BY_PREFIX: Record<string, ProfileKind> = { G: "group", C: "campaign", S: "software" };

/**
 * Obsidian's reading of aliases (`parseFrontMatterAliases`, app.js id 56654808040): the first key
 * named `aliases` in any case (not `alias`); a string is one alias, a list gives its strings.
 */
export function frontmatterAliases(frontmatter: Readonly<Record<string, unknown>> | null): string[] {
  if (!frontmatter) return [];
  for (const key of Object.keys(frontmatter)) {
    if (!/^aliases$/i.test(key)) continue;
    const value = frontmatter[key];
    const items = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
    return items.filter((item): item is string => typeof item === "string").map((item) => item.trim()).filter(Boolean);
  }
  return [];
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  return typeof value === "number" ? String(value) : null;
}

/** The ATT&CK ID a profile names, upper case; null when it has none. */
function attackIdOf(frontmatter: Readonly<Record<string, unknown>> | null): string | null {
  return text(frontmatter?.attack_id)?.toUpperCase() ?? null;
}

function kindOf(frontmatter: Readonly<Record<string, unknown>> | null, attackId: string | null): ProfileKind {
  const stated = text(frontmatter?.kind)?.toLowerCase();
  if (stated && (KINDS as readonly string[]).includes(stated)) return stated as ProfileKind;
  return (attackId && KIND_BY_PREFIX[attackId.charAt(0)]) || "custom";
}

export function threatProfile(note: IndexedNote): ThreatProfile {
  const frontmatter = note.record.frontmatter;
  const attackId = attackIdOf(frontmatter);
  return {
    path: note.path,
    name: note.title,
    attackId,
    kind: kindOf(frontmatter, attackId),
    aliases: frontmatterAliases(frontmatter),
    techniqueIds: note.techniqueIds,
  };
}

/** What the profile's techniques property holds that is no technique ID: it is ignored, and the user told. */
export function unreadProfileEntries(note: IndexedNote, property: string): string[] {
  return listProperty(note.record.frontmatter?.[property]).filter((entry) => parseTechniqueId(entry) === null);
}

const byName = (a: ThreatProfile, b: ThreatProfile): number => compareTitles(a.name, b.name) || compareCodeUnits(a.path, b.path);

const listed = new WeakMap<VaultIndex, { revision: number; profiles: readonly ThreatProfile[] }>();

/**
 * Every threat profile in the vault, by name. Kept per index until a profile changes: the panel and
 * every `profile:` block ask on each redraw, and a vault may hold a thousand profiles.
 */
export function threatProfiles(index: VaultIndex): readonly ThreatProfile[] {
  const known = listed.get(index);
  if (known?.revision === index.profileRevision) return known.profiles;
  const profiles: ThreatProfile[] = [];
  for (const path of index.profilePaths()) {
    const note = index.get(path);
    if (note) profiles.push(threatProfile(note));
  }
  profiles.sort(byName);
  listed.set(index, { revision: index.profileRevision, profiles });
  return profiles;
}

/** `APT29 (G0016)`: how a profile is named wherever one is shown or picked. */
export function profileLabel(profile: ThreatProfile): string {
  return profile.attackId && profile.attackId !== profile.name.toUpperCase() ? `${profile.name} (${profile.attackId})` : profile.name;
}

/**
 * The profiles a user means by `wanted`: its path, ATT&CK ID, label, name, file name or an alias,
 * case-insensitively, in that order of preference; the first kind of match that finds any decides.
 * Several profiles can share a name; all of them are returned.
 */
export function findProfiles(profiles: readonly ThreatProfile[], wanted: string): ThreatProfile[] {
  const key = wanted.trim().toLowerCase();
  if (key === "") return [];
  const matchers: Array<(profile: ThreatProfile) => boolean> = [
    (profile) => profile.path.toLowerCase() === key,
    (profile) => profile.attackId?.toLowerCase() === key,
    (profile) => profileLabel(profile).toLowerCase() === key,
    (profile) => profile.name.toLowerCase() === key,
    (profile) => fileBaseName(profile.path).toLowerCase() === key,
    (profile) => profile.aliases.some((alias) => alias.toLowerCase() === key),
  ];
  for (const matches of matchers) {
    const found = profiles.filter(matches);
    if (found.length > 0) return found;
  }
  return [];
}

/** The union of the profiles' techniques. */
export function profileTechniqueIds(profiles: readonly ThreatProfile[]): Set<string> {
  const ids = new Set<string>();
  for (const profile of profiles) for (const id of profile.techniqueIds) ids.add(id);
  return ids;
}

export interface ResolvedProfiles {
  /** The names, IDs or aliases asked for, as given. */
  asked: string[];
  /** The profiles asked for, each once, in the order asked. */
  profiles: ThreatProfile[];
  /** What was asked for that names no profile. */
  unknown: string[];
  /** The union of their techniques. */
  techniqueIds: ReadonlySet<string>;
}

/** The profiles several names, IDs or aliases stand for (a union, as `--profile` repeated means). */
export function resolveProfiles(index: VaultIndex, wanted: readonly string[]): ResolvedProfiles {
  const all = threatProfiles(index);
  const found = new Map<string, ThreatProfile>();
  const unknown: string[] = [];
  for (const text of wanted) {
    const matches = findProfiles(all, text);
    if (matches.length === 0) unknown.push(text);
    for (const profile of matches) found.set(profile.path, profile);
  }
  const profiles = [...found.values()];
  return { asked: [...wanted], profiles, unknown, techniqueIds: profileTechniqueIds(profiles) };
}

/** `APT29`, `APT29 and FIN7`; labels (`Machete (G0095)`) where names alone would be ambiguous. */
export function profileScopeName(profiles: readonly ThreatProfile[]): string {
  const names = profiles.map((profile) => profile.name);
  const ambiguous = new Set(names.map((name) => name.toLowerCase())).size < names.length;
  return namesText(ambiguous ? profiles.map(profileLabel) : names);
}


export interface ProfilesUsing {
  /** Profiles that list the technique itself. */
  direct: ThreatProfile[];
  /** For a parent technique, profiles that list none of it but one of its sub-techniques. */
  viaSubTechniques: ThreatProfile[];
}

/** The profiles that use a technique, by name: those listing it, and for a parent those listing only its sub-techniques. */
export function profilesUsing(index: VaultIndex, techniqueId: string): ProfilesUsing {
  const direct = new Set(index.profilesFor(techniqueId));
  const viaSubs = new Set<string>();
  if (parentTechniqueId(techniqueId) === null) {
    for (const [id, paths] of index.profiledTechniques()) {
      if (parentTechniqueId(id) !== techniqueId) continue;
      for (const path of paths) if (!direct.has(path)) viaSubs.add(path);
    }
  }
  const profilesOf = (paths: Set<string>): ThreatProfile[] =>
    [...paths].map((path) => index.get(path)).filter((note): note is IndexedNote => note !== undefined).map(threatProfile).sort(byName);
  return { direct: profilesOf(direct), viaSubTechniques: profilesOf(viaSubs) };
}

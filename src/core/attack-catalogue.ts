/**
 * The ATT&CK Enterprise release the project ships (src/core/attack-data/enterprise.json, made by
 * scripts/generate-attack-data.mjs): techniques with names, tactics, platforms and status.
 * The table is compact to keep the plugin bundle small; it is decoded once, on first use.
 */
import enterpriseTable from "./attack-data/enterprise.json";
import { parentTechniqueId } from "./technique-id";

export interface AttackTechnique {
  id: string;
  /** ATT&CK's own name: `PowerShell` for T1059.001 (see techniqueName for the full one). */
  name: string;
  /** Tactic shortnames in matrix order, e.g. `execution`. */
  tactics: string[];
  platforms: string[];
  revoked: boolean;
  deprecated: boolean;
  /** What ATT&CK says replaced it; null when it names nothing (always for revoked ones, see the README). */
  replacedBy: string[] | null;
}

export interface AttackTactic {
  id: string;
  shortname: string;
  name: string;
}

export interface AttackRelease {
  /** The release, e.g. `18.1`. */
  version: string;
  /** Where the version came from: the STIX objects do not carry it. */
  versionSource: string;
  domain: string;
  /** In matrix order. */
  tactics: AttackTactic[];
  platforms: string[];
  /** Every technique and sub-technique, revoked and deprecated ones included, in ID order. */
  techniques: ReadonlyMap<string, AttackTechnique>;
}

/** The committed table's shape: see the generator for what each position holds. */
export interface AttackTable {
  version: string;
  versionSource: string;
  domain: string;
  tactics: Array<[string, string, string]>;
  platforms: string[];
  /** `id|name|tactic bitmask|platform bitmask|status|replacedBy`; a sub-technique's id is its `.001` suffix. */
  techniques: string[];
}

function fromBitmask(mask: number, names: readonly string[]): string[] {
  return names.filter((_name, bit) => (mask & (1 << bit)) !== 0);
}

export function decodeAttackTable(table: AttackTable): AttackRelease {
  const shortnames = table.tactics.map(([, shortname]) => shortname);
  const techniques = new Map<string, AttackTechnique>();
  let parentId = "";
  for (const line of table.techniques) {
    const [shortId = "", name = "", tacticMask = "0", platformMask = "0", status = "", replacedBy = ""] = line.split("|");
    const id = shortId.startsWith(".") ? parentId + shortId : shortId;
    if (!shortId.startsWith(".")) parentId = id;
    techniques.set(id, {
      id,
      name,
      tactics: fromBitmask(Number(tacticMask), shortnames),
      platforms: fromBitmask(Number(platformMask), table.platforms),
      revoked: status === "r",
      deprecated: status === "d",
      replacedBy: replacedBy === "" ? null : replacedBy.split(","),
    });
  }
  return {
    version: table.version,
    versionSource: table.versionSource,
    domain: table.domain,
    tactics: table.tactics.map(([id, shortname, name]) => ({ id, shortname, name })),
    platforms: table.platforms,
    techniques,
  };
}

let release: AttackRelease | null = null;

/** The shipped release, decoded on first use. */
export function attackRelease(): AttackRelease {
  // The JSON module's inferred type widens the tuples; the generator guarantees their shape.
  release ??= decodeAttackTable(enterpriseTable as unknown as AttackTable);
  return release;
}

/** `Command and Scripting Interpreter: PowerShell` for T1059.001, as ATT&CK's site titles it; null for an unknown ID. */
export function techniqueName(id: string, from: AttackRelease = attackRelease()): string | null {
  const technique = from.techniques.get(id);
  if (!technique) return null;
  const parentId = parentTechniqueId(id);
  const parent = parentId ? from.techniques.get(parentId) : undefined;
  return parent ? `${parent.name}: ${technique.name}` : technique.name;
}

/** `18` for `18.1`: Navigator layers name the major release. */
export function attackMajorVersion(from: AttackRelease = attackRelease()): string {
  return from.version.split(".")[0] ?? from.version;
}

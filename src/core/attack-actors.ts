/**
 * ATT&CK's actors from its STIX objects: groups (intrusion-set), campaigns and software (malware,
 * tool), each with the techniques it uses. Revoked and deprecated objects and relationships are
 * left out, as ATT&CK's own site and tools leave them out. A group's or a campaign's techniques
 * include those of the software it uses (ATT&CK's transitive "uses"), each marked with the software
 * it comes through, as ATT&CK's group pages show them.
 */
import { compareCodeUnits } from "./order";
import { parseTechniqueId } from "./technique-id";

export type ActorKind = "group" | "campaign" | "software";

/** What of a STIX object this module reads; everything else is ignored. Any field may be missing or of the wrong type. */
export interface StixObject {
  type?: unknown;
  id?: unknown;
  name?: unknown;
  description?: unknown;
  aliases?: unknown;
  x_mitre_aliases?: unknown;
  revoked?: unknown;
  x_mitre_deprecated?: unknown;
  external_references?: unknown;
  relationship_type?: unknown;
  source_ref?: unknown;
  target_ref?: unknown;
  modified?: unknown;
  x_mitre_platforms?: unknown;
}

export interface ActorReference {
  /** The name descriptions cite it by: `(Citation: <name>)`. */
  name: string;
  description: string | null;
  url: string | null;
}

export interface ActorTechnique {
  id: string;
  /** The actor itself is recorded using it (always, for software). */
  direct: boolean;
  /** ATT&CK IDs of the software it uses that is recorded using it, sorted. */
  via: string[];
}

export interface AttackActor {
  attackId: string;
  kind: ActorKind;
  /** `malware` or `tool`, for software. */
  softwareType: "malware" | "tool" | null;
  name: string;
  /** ATT&CK's other names for it, without its name, in ATT&CK's order. */
  aliases: string[];
  /** ATT&CK's Markdown, with its `(Citation: …)` markers. */
  description: string;
  url: string | null;
  /** The object's last modification, `YYYY-MM-DD`. */
  modified: string | null;
  references: ActorReference[];
  /** By ID. */
  techniques: ActorTechnique[];
  /** ATT&CK IDs of the software a group or campaign uses, sorted. */
  software: string[];
  /** ATT&CK IDs of the groups a campaign is attributed to, sorted. */
  attributedTo: string[];
  /** ATT&CK IDs of the campaigns attributed to a group, sorted. */
  campaigns: string[];
}

export interface ActorsFromStix {
  /** By ATT&CK ID. */
  actors: AttackActor[];
  /** Groups, campaigns and software left out because ATT&CK revoked or deprecated them. */
  retired: number;
  /** Objects that could not be read as what their type says, one line each. */
  problems: string[];
}

const ACTOR_TYPES: Record<string, { kind: ActorKind; prefix: string }> = {
  "intrusion-set": { kind: "group", prefix: "G" },
  campaign: { kind: "campaign", prefix: "C" },
  malware: { kind: "software", prefix: "S" },
  tool: { kind: "software", prefix: "S" },
};

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string" && item.trim() !== "") : []);
const isRetired = (object: StixObject): boolean => object.revoked === true || object.x_mitre_deprecated === true;

function references(object: StixObject): Array<Record<string, unknown>> {
  return Array.isArray(object.external_references) ? object.external_references.filter((entry): entry is Record<string, unknown> => typeof entry === "object" && entry !== null) : [];
}

/** The object's ATT&CK ID and page, from its `mitre-attack` external reference. */
function attackReference(object: StixObject): { id: string | null; url: string | null } {
  const entry = references(object).find((reference) => reference.source_name === "mitre-attack");
  return { id: text(entry?.external_id)?.trim() ?? null, url: text(entry?.url) };
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

function actorOf(object: StixObject, id: string, kind: ActorKind): AttackActor {
  const name = oneLine(text(object.name) ?? id);
  const seen = new Set([name.toLowerCase()]);
  const aliases: string[] = [];
  for (const alias of [...strings(object.aliases), ...strings(object.x_mitre_aliases)].map(oneLine)) {
    if (seen.has(alias.toLowerCase())) continue;
    seen.add(alias.toLowerCase());
    aliases.push(alias);
  }
  const cited = references(object)
    .filter((reference) => reference.source_name !== "mitre-attack" && text(reference.source_name) !== null)
    .map((reference) => ({ name: oneLine(text(reference.source_name) ?? ""), description: text(reference.description), url: text(reference.url) }));
  return {
    attackId: id,
    kind,
    softwareType: object.type === "malware" || object.type === "tool" ? object.type : null,
    name,
    aliases,
    description: text(object.description) ?? "",
    url: attackReference(object).url,
    modified: /^\d{4}-\d{2}-\d{2}/.exec(text(object.modified) ?? "")?.[0] ?? null,
    references: cited,
    techniques: [],
    software: [],
    attributedTo: [],
    campaigns: [],
  };
}

/** Adds to a map of sets, creating the set. */
function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let values = map.get(key);
  if (!values) map.set(key, (values = new Set()));
  values.add(value);
}

const sorted = (values: Iterable<string> | undefined): string[] => [...(values ?? [])].sort(compareCodeUnits);

export function actorsFromStix(objects: Iterable<StixObject>): ActorsFromStix {
  const problems: string[] = [];
  let retired = 0;
  const actorsByStixId = new Map<string, AttackActor>();
  const techniqueByStixId = new Map<string, string>();
  const relationships: StixObject[] = [];
  for (const object of objects) {
    const stixId = text(object.id);
    if (!stixId) continue;
    if (object.type === "relationship") {
      if (!isRetired(object)) relationships.push(object);
      continue;
    }
    if (object.type === "attack-pattern") {
      const techniqueId = parseTechniqueId(attackReference(object).id ?? "");
      if (techniqueId && !isRetired(object)) techniqueByStixId.set(stixId, techniqueId);
      continue;
    }
    const type = typeof object.type === "string" ? object.type : "";
    const actorType = ACTOR_TYPES[type];
    if (!actorType) continue;
    if (isRetired(object)) {
      retired++;
      continue;
    }
    const attackId = attackReference(object).id?.toUpperCase() ?? "";
    // The ID names the note's file: anything but ATT&CK's own form is refused, so no name can reach a path.
    if (!new RegExp(`^${actorType.prefix}\\d{4}$`).test(attackId)) {
      problems.push(`${stixId}: a ${type} whose ATT&CK ID is ${attackId ? JSON.stringify(attackId.slice(0, 40)) : "missing"}, not ${actorType.prefix} and four digits; left out`);
      continue;
    }
    actorsByStixId.set(stixId, actorOf(object, attackId, actorType.kind));
  }

  const direct = new Map<string, Set<string>>();
  const softwareOf = new Map<string, Set<string>>();
  const attributedTo = new Map<string, Set<string>>();
  for (const relationship of relationships) {
    const source = actorsByStixId.get(text(relationship.source_ref) ?? "");
    const targetRef = text(relationship.target_ref) ?? "";
    if (!source) continue;
    if (relationship.relationship_type === "uses") {
      const techniqueId = techniqueByStixId.get(targetRef);
      const target = actorsByStixId.get(targetRef);
      if (techniqueId) addTo(direct, source.attackId, techniqueId);
      else if (target?.kind === "software" && source.kind !== "software") addTo(softwareOf, source.attackId, target.attackId);
    } else if (relationship.relationship_type === "attributed-to" && source.kind === "campaign") {
      const group = actorsByStixId.get(targetRef);
      if (group?.kind === "group") addTo(attributedTo, source.attackId, group.attackId);
    }
  }

  const actors = [...actorsByStixId.values()].sort((a, b) => compareCodeUnits(a.attackId, b.attackId));
  const campaignsOf = new Map<string, Set<string>>();
  for (const [campaign, groups] of attributedTo) for (const group of groups) addTo(campaignsOf, group, campaign);
  for (const actor of actors) {
    const techniques = new Map<string, ActorTechnique>();
    for (const id of direct.get(actor.attackId) ?? []) techniques.set(id, { id, direct: true, via: [] });
    actor.software = sorted(softwareOf.get(actor.attackId));
    for (const software of actor.software) {
      for (const id of direct.get(software) ?? []) {
        let technique = techniques.get(id);
        if (!technique) techniques.set(id, (technique = { id, direct: false, via: [] }));
        technique.via.push(software);
      }
    }
    actor.techniques = [...techniques.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
    actor.attributedTo = sorted(attributedTo.get(actor.attackId));
    actor.campaigns = sorted(campaignsOf.get(actor.attackId));
  }
  return { actors, retired, problems };
}

/**
 * A small ATT&CK in STIX, written at test time: the shapes mitre/cti uses, with what the importer
 * must leave out (revoked and deprecated objects and relationships) and what it must survive
 * (names that would be paths, markup in descriptions). `writeStixFolder` lays it out as per-object
 * bundles, as ../shared/data/attack/enterprise-attack does.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

type Stix = Record<string, unknown>;

let counter = 0;
const stixId = (type: string): string => `${type}--00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;

function attackObject(type: string, attackId: string, name: string, extra: Stix = {}): Stix {
  const page = type === "attack-pattern" ? "techniques" : type === "intrusion-set" ? "groups" : type === "campaign" ? "campaigns" : "software";
  return {
    type,
    id: stixId(type),
    name,
    modified: "2025-04-04T17:07:43.344Z",
    revoked: false,
    x_mitre_deprecated: false,
    external_references: [{ source_name: "mitre-attack", external_id: attackId, url: `https://attack.mitre.org/${page}/${attackId.replace(".", "/")}` }],
    ...extra,
  };
}

const uses = (source: Stix, target: Stix, extra: Stix = {}): Stix => ({ type: "relationship", id: stixId("relationship"), relationship_type: "uses", source_ref: source.id, target_ref: target.id, ...extra });

export interface StixFixture {
  objects: Stix[];
  /** What the importer must make of it: ATT&CK ID → the technique IDs of its profile. */
  expected: Record<string, string[]>;
}

export function stixFixture(): StixFixture {
  const technique = (id: string, extra: Stix = {}): Stix => attackObject("attack-pattern", id, `Technique ${id}`, extra);
  const t1059 = technique("T1059.001");
  const t1027 = technique("T1027");
  const t1018 = technique("T1018");
  const t1486 = technique("T1486");
  const t1086 = technique("T1086", { revoked: true });
  const t1064 = technique("T1064", { x_mitre_deprecated: true });
  const apt = attackObject("intrusion-set", "G0016", "APT29", {
    aliases: ["APT29", "Cozy Bear", "The Dukes"],
    description:
      "[APT29](https://attack.mitre.org/groups/G0016) is a threat group.(Citation: Report One) It uses <code>rundll32</code>.(Citation: Report Two)(Citation: Report One)\n\n" +
      "```dataviewjs\ndv.paragraph('ran')\n```\n`$= dv.current()` ![[Secret note]] <img src=x onerror=alert(1)> [^9]",
    external_references: [
      { source_name: "mitre-attack", external_id: "G0016", url: "https://attack.mitre.org/groups/G0016" },
      { source_name: "Report One", description: "Vendor. (2021). Report one. Retrieved 2021.", url: "https://example.com/one" },
      { source_name: "Report Two", description: "Vendor. (2022). Report two.", url: "https://example.com/two" },
    ],
  });
  const fin = attackObject("intrusion-set", "G0046", "FIN7", { aliases: ["FIN7"] });
  const revokedGroup = attackObject("intrusion-set", "G0001", "Old Group", { revoked: true });
  const deprecatedGroup = attackObject("intrusion-set", "G0002", "Gone Group", { x_mitre_deprecated: true });
  const traversal = attackObject("intrusion-set", "G0099", "../../../etc/passwd: <evil>|#^[x]");
  const badId = attackObject("intrusion-set", "../G0098", "Bad ID");
  const campaign = attackObject("campaign", "C0024", "SolarWinds Compromise", { aliases: ["SolarWinds Compromise", "StellarParticle"] });
  const mimikatz = attackObject("tool", "S0002", "Mimikatz", { x_mitre_aliases: ["Mimikatz"] });
  const cobalt = attackObject("malware", "S0154", "Cobalt Strike", { x_mitre_aliases: ["Cobalt Strike"] });
  const oldMalware = attackObject("malware", "S0001", "Old Malware", { revoked: true });
  const objects: Stix[] = [
    t1059, t1027, t1018, t1486, t1086, t1064, apt, fin, revokedGroup, deprecatedGroup, traversal, badId, campaign, mimikatz, cobalt, oldMalware,
    uses(apt, t1059),
    uses(apt, mimikatz),
    uses(apt, t1086),
    uses(apt, t1064),
    uses(apt, oldMalware),
    uses(apt, t1486, { x_mitre_deprecated: true }),
    uses(mimikatz, t1018),
    uses(mimikatz, t1059),
    uses(cobalt, t1027),
    uses(oldMalware, t1486),
    uses(fin, cobalt),
    uses(fin, t1486, { revoked: true }),
    uses(campaign, t1018),
    uses(campaign, cobalt),
    uses(traversal, t1027),
    uses(revokedGroup, t1059),
    { type: "relationship", id: stixId("relationship"), relationship_type: "attributed-to", source_ref: campaign.id, target_ref: apt.id },
    { type: "relationship", id: stixId("relationship"), relationship_type: "revoked-by", source_ref: t1086.id, target_ref: t1059.id },
  ];
  return {
    objects,
    expected: {
      "C0024": ["T1018", "T1027"],
      "G0016": ["T1018", "T1059.001"],
      "G0046": ["T1027"],
      "G0099": ["T1027"],
      "S0002": ["T1018", "T1059.001"],
      "S0154": ["T1027"],
    },
  };
}

const FOLDERS: Record<string, string> = { "attack-pattern": "attack-pattern", "intrusion-set": "intrusion-set", campaign: "campaign", malware: "malware", tool: "tool", relationship: "relationship" };

/** The fixture as mitre/cti's per-object bundles under `dir`; returns `dir`. */
export function writeStixFolder(dir: string, objects: readonly Stix[] = stixFixture().objects): string {
  for (const folder of Object.values(FOLDERS)) mkdirSync(join(dir, folder), { recursive: true });
  for (const object of objects) {
    const folder = FOLDERS[String(object.type)];
    if (!folder) continue;
    writeFileSync(join(dir, folder, `${String(object.id)}.json`), JSON.stringify({ type: "bundle", id: `bundle--${String(object.id)}`, spec_version: "2.0", objects: [object] }, null, 4));
  }
  return dir;
}

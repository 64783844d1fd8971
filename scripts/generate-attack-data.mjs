#!/usr/bin/env node
// Builds src/core/attack-data/enterprise.json, the compact ATT&CK Enterprise table the plugin and
// CLI ship, from ATT&CK's per-object STIX files. Deterministic: the same input gives the same bytes.
//
//   node scripts/generate-attack-data.mjs [--source DIR] [--sources-md FILE] [--out FILE] [--attack-version X.Y]
//
// --source     the enterprise-attack folder (attack-pattern/, x-mitre-tactic/, x-mitre-matrix/, and
//              relationship/ for what replaced revoked techniques, when it is there);
//              default ../shared/data/attack/enterprise-attack beside the repo
// --sources-md the SOURCES.md that names the release; default ../shared/data/SOURCES.md
// --attack-version  the release, when SOURCES.md is absent (the STIX objects do not carry it)
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED_DATA = resolve(process.env.ATTACK_VAULT_SHARED ?? resolve(REPO_ROOT, "../shared"), "data");

function parseOptions(argv) {
  const options = {
    source: join(SHARED_DATA, "attack/enterprise-attack"),
    sourcesMd: join(SHARED_DATA, "SOURCES.md"),
    out: join(REPO_ROOT, "src/core/attack-data/enterprise.json"),
    attackVersion: null,
  };
  const names = { "--source": "source", "--sources-md": "sourcesMd", "--out": "out", "--attack-version": "attackVersion" };
  for (let i = 0; i < argv.length; i++) {
    const name = names[argv[i]];
    const value = argv[i + 1];
    if (!name || value === undefined) throw new Error(`usage: generate-attack-data.mjs [--source DIR] [--sources-md FILE] [--out FILE] [--attack-version X.Y] (at ${argv[i]})`);
    options[name] = resolve(value);
    if (name === "attackVersion") options[name] = value;
    i++;
  }
  return options;
}

/** Every object of one type in a folder of single-object STIX bundles, in file-name order. */
function stixObjects(folder, type) {
  if (!existsSync(folder)) throw new Error(`no STIX folder at ${folder}`);
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((name) => JSON.parse(readFileSync(join(folder, name), "utf8")).objects ?? [])
    .filter((object) => object.type === type);
}

function attackId(object) {
  return object.external_references?.find((reference) => reference.source_name === "mitre-attack")?.external_id ?? null;
}

/**
 * The release is not in these files: the matrix's x_mitre_version (1.0) is the object's own version.
 * SOURCES.md names it ("ATT&CK v18.1 Enterprise") on the row that imported enterprise-attack/.
 */
function releaseVersion(options) {
  if (options.attackVersion) return { version: options.attackVersion, versionSource: "--attack-version" };
  if (!existsSync(options.sourcesMd)) throw new Error(`no ${options.sourcesMd}; pass --attack-version`);
  const row = readFileSync(options.sourcesMd, "utf8").split("\n").find((line) => line.includes("attack/enterprise-attack/"));
  const version = row && /ATT&CK v(\d+(?:\.\d+)*) Enterprise/.exec(row)?.[1];
  if (!version) throw new Error(`${options.sourcesMd} names no "ATT&CK vX.Y Enterprise" for attack/enterprise-attack/; pass --attack-version`);
  const commit = /`([0-9a-f]{40})`/.exec(row)?.[1];
  return { version, versionSource: `shared/data/SOURCES.md: ATT&CK v${version} Enterprise${commit ? ` (mitre/cti ${commit})` : ""}` };
}

/**
 * What ATT&CK says replaced a deprecated technique: the links in its "This technique has been
 * deprecated. Please use [...](…/techniques/T1574/007)" notice. Revoked ones: see revokedBy.
 */
function deprecationReplacements(description) {
  const notice = /^\*\*This technique has been deprecated[^*]*\*\*/.exec(description ?? "")?.[0];
  if (!notice) return null;
  const ids = [...notice.matchAll(/attack\.mitre\.org\/techniques\/(T\d{4})(?:\/(\d{3}))?/g)].map(([, id, sub]) => (sub ? `${id}.${sub}` : id));
  return ids.length > 0 ? [...new Set(ids)] : null;
}

/**
 * What replaced each revoked technique, by its STIX id: the ATT&CK IDs its revoked-by relationships
 * point to, sorted. Only relationship/ holds them; without that folder none is named.
 */
function revokedBy(source, patterns) {
  const folder = join(source, "relationship");
  if (!existsSync(folder)) return new Map();
  const idsByStixId = new Map(patterns.map((pattern) => [pattern.id, attackId(pattern)]));
  const replacements = new Map();
  for (const relationship of stixObjects(folder, "relationship")) {
    if (relationship.relationship_type !== "revoked-by") continue;
    const target = idsByStixId.get(relationship.target_ref);
    if (!idsByStixId.has(relationship.source_ref) || !target) continue;
    const ids = replacements.get(relationship.source_ref) ?? [];
    if (!ids.includes(target)) ids.push(target);
    replacements.set(relationship.source_ref, ids.sort());
  }
  return replacements;
}

function bitmask(values, list) {
  return values.reduce((mask, value) => mask | (1 << list.indexOf(value)), 0);
}

export function buildTable(options) {
  const matrices = stixObjects(join(options.source, "x-mitre-matrix"), "x-mitre-matrix");
  if (matrices.length !== 1) throw new Error(`expected one x-mitre-matrix, found ${matrices.length}`);
  const tacticsByRef = new Map(stixObjects(join(options.source, "x-mitre-tactic"), "x-mitre-tactic").map((tactic) => [tactic.id, tactic]));
  const tactics = matrices[0].tactic_refs.map((ref) => {
    const tactic = tacticsByRef.get(ref);
    if (!tactic) throw new Error(`the matrix names ${ref}, which x-mitre-tactic/ does not hold`);
    return [attackId(tactic), tactic.x_mitre_shortname, tactic.name];
  });
  const shortnames = tactics.map(([, shortname]) => shortname);
  const patterns = stixObjects(join(options.source, "attack-pattern"), "attack-pattern");
  const platforms = [...new Set(patterns.flatMap((pattern) => pattern.x_mitre_platforms ?? []))].sort();
  const replacements = revokedBy(options.source, patterns);
  const techniques = patterns
    .map((pattern) => {
      const id = attackId(pattern);
      if (!id) throw new Error(`${pattern.id} has no mitre-attack external ID`);
      const phases = (pattern.kill_chain_phases ?? []).filter((phase) => phase.kill_chain_name === "mitre-attack").map((phase) => phase.phase_name);
      const unknown = phases.filter((phase) => !shortnames.includes(phase));
      if (unknown.length > 0) throw new Error(`${id} names tactics the matrix does not: ${unknown.join(", ")}`);
      const status = pattern.revoked ? "r" : pattern.x_mitre_deprecated ? "d" : "";
      const replacedBy = status === "d" ? deprecationReplacements(pattern.description) : status === "r" ? (replacements.get(pattern.id) ?? null) : null;
      const row = [id, pattern.name, bitmask(phases, shortnames), bitmask(pattern.x_mitre_platforms ?? [], platforms)];
      if (status) row.push(status);
      if (replacedBy) row.push(replacedBy);
      return row;
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const ids = techniques.map(([id]) => id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new Error(`two attack-patterns claim ${duplicate}`);
  return { ...releaseVersion(options), domain: "enterprise-attack", tactics, platforms, techniques };
}

/**
 * A technique as one line of text: `id|name|tactic bitmask|platform bitmask|status|replacedBy`,
 * trailing empty fields dropped; a sub-technique's ID is its `.001` suffix, as it follows its parent.
 * Strings, not arrays, because every quote and bracket lands in the plugin bundle.
 */
export function techniqueLine([id, name, tacticMask, platformMask, status = "", replacedBy = []], previousParent) {
  if (name.includes("|")) throw new Error(`${id}'s name has a "|", which the table uses as its separator`);
  const shortId = id.length === 9 && id.startsWith(previousParent + ".") ? id.slice(5) : id;
  if (id.length === 9 && shortId === id) throw new Error(`${id} does not follow its parent technique`);
  const fields = [shortId, name, String(tacticMask), String(platformMask), status, replacedBy.join(",")];
  while (fields[fields.length - 1] === "") fields.pop();
  return fields.join("|");
}

/** One tactic and one technique per line, so a new release reads as a short diff. */
export function tableText(table) {
  const field = (name, value) => ` ${JSON.stringify(name)}: ${JSON.stringify(value)}`;
  const list = (name, rows) => ` ${JSON.stringify(name)}: [\n${rows.map((row) => JSON.stringify(row)).join(",\n")}\n ]`;
  let parent = "";
  const lines = table.techniques.map((row) => {
    const line = techniqueLine(row, parent);
    if (row[0].length === 5) parent = row[0];
    return line;
  });
  const fields = [
    field("version", table.version),
    field("versionSource", table.versionSource),
    field("domain", table.domain),
    field(
      "format",
      "tactics: [id, shortname, name] in matrix order. techniques: id|name|tactic bitmask|platform bitmask|r revoked, d deprecated|replacedBy, " +
        "bit n standing for tactics[n] or platforms[n]; a sub-technique's id is its suffix, after its parent",
    ),
    list("tactics", table.tactics),
    field("platforms", table.platforms),
    list("techniques", lines),
  ];
  return `{\n${fields.join(",\n")}\n}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseOptions(process.argv.slice(2));
    const table = buildTable(options);
    writeFileSync(options.out, tableText(table));
    console.log(`wrote ${options.out}: ATT&CK v${table.version}, ${table.techniques.length} techniques, ${table.tactics.length} tactics`);
  } catch (error) {
    console.error(`generate-attack-data: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

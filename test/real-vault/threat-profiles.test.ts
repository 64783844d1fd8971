/**
 * Issue #13's "done when", on a copy of the real catalogue vault with ATT&CK v18.1's actors from
 * ../shared: import-actors writes the profiles, a second run changes nothing, a hand-edited profile
 * survives a rerun; and `coverage --profile G0016` agrees with a count made here from the raw STIX
 * bundles and a separate scan of the vault, without the importer or the core.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCliProcess } from "../support/build-cli";
import { scanVault } from "../support/independent-scan";
import { describeWhen, hasRealVault, REAL_VAULT, SHARED_DATA } from "../support/paths";

const ATTACK = join(SHARED_DATA, "attack/enterprise-attack");
const present = hasRealVault && existsSync(join(ATTACK, "intrusion-set"));

type Bundle = { objects?: Array<Record<string, unknown>> };

/** Every object of one folder of per-object bundles, read with nothing but JSON.parse. */
function objectsIn(folder: string): Array<Record<string, unknown>> {
  return readdirSync(join(ATTACK, folder)).flatMap((name) => (JSON.parse(readFileSync(join(ATTACK, folder, name), "utf8")) as Bundle).objects ?? []);
}

const live = (object: Record<string, unknown> | undefined): boolean => !!object && object.revoked !== true && object.x_mitre_deprecated !== true;
const attackIdOf = (object: Record<string, unknown>): string | undefined =>
  (object.external_references as Array<Record<string, unknown>> | undefined)?.find((reference) => reference.source_name === "mitre-attack")?.external_id as string | undefined;

/** G0016's techniques: those it uses, and those of the software it uses, all neither revoked nor deprecated. */
function apt29Techniques(): Set<string> {
  const byStixId = new Map<string, Record<string, unknown>>();
  for (const folder of ["attack-pattern", "intrusion-set", "malware", "tool"]) for (const object of objectsIn(folder)) byStixId.set(object.id as string, object);
  const uses = objectsIn("relationship").filter((relationship) => relationship.relationship_type === "uses" && live(relationship));
  const group = [...byStixId.values()].find((object) => object.type === "intrusion-set" && attackIdOf(object) === "G0016");
  if (!group) throw new Error("no G0016 in the STIX data");
  const usedBy = (source: unknown): Array<Record<string, unknown>> => uses.filter((relationship) => relationship.source_ref === source).map((relationship) => byStixId.get(relationship.target_ref as string)).filter((target): target is Record<string, unknown> => live(target));
  const users = [group, ...usedBy(group.id).filter((target) => target.type === "malware" || target.type === "tool")];
  const techniques = new Set<string>();
  for (const user of users) for (const target of usedBy(user.id)) if (target.type === "attack-pattern") techniques.add(attackIdOf(target) ?? "");
  return techniques;
}

/** `t1059_001` → `T1059.001`, for the catalogue's technique tags; null for other tags. */
const idOfTag = (tag: string): string | null => (/^t\d{4}(_\d{3})?$/.test(tag) ? tag.toUpperCase().replace("_", ".") : null);

describeWhen(present, "threat profiles on a copy of the real catalogue vault", "the real vault and ATT&CK's actors in ../shared (or ATTACK_VAULT_SHARED)", () => {
  const vault = mkdtempSync(join(tmpdir(), "attack-vault-catalogue-"));
  beforeAll(() => cpSync(REAL_VAULT, vault, { recursive: true }), 120_000);
  afterAll(() => rmSync(vault, { recursive: true, force: true }));
  const folder = join(vault, "Threat Profiles");
  const mtimes = (): Record<string, number> => Object.fromEntries(readdirSync(folder).map((name) => [name, statSync(join(folder, name)).mtimeMs]));

  test("import-actors writes one profile per live group, campaign and software", () => {
    const run = runCliProcess(["import-actors", vault, "--attack", ATTACK]);
    expect(run.code).toBe(0);
    const actors = ["intrusion-set", "campaign", "malware", "tool"].flatMap(objectsIn).filter(live).length;
    expect(readdirSync(folder)).toHaveLength(actors);
    expect(run.stdout).toContain(`created: ${actors} · updated: 0 · unchanged: 0 · left alone: 0`);
  }, 300_000);

  test("a second run changes nothing", () => {
    const before = mtimes();
    const run = runCliProcess(["import-actors", vault, "--attack", ATTACK]);
    expect(run.stdout).toMatch(/created: 0 · updated: 0 · unchanged: \d+ · left alone: 0/);
    expect(mtimes()).toEqual(before);
  }, 300_000);

  test("a hand-edited profile survives a rerun", () => {
    const apt29 = join(folder, "G0016 - APT29.md");
    const edited = readFileSync(apt29, "utf8") + "\nOur own notes on APT29.\n";
    writeFileSync(apt29, edited);
    const run = runCliProcess(["import-actors", vault, "--attack", ATTACK]);
    expect(run.stdout).toContain("  left alone  Threat Profiles/G0016 - APT29.md  (it was edited since import-actors wrote it)");
    expect(readFileSync(apt29, "utf8")).toBe(edited);
  }, 300_000);

  test("coverage --profile G0016 counts what the raw STIX bundles and a separate scan of the vault count", () => {
    const listed = apt29Techniques();
    const notes = scanVault(vault);
    const techniqueIds = new Set(notes.filter((note) => note.tags.has("techniques")).flatMap((note) => [...note.tags].map(idOfTag).filter((id): id is string => id !== null)));
    const ruleIds = new Set(notes.filter((note) => note.tags.has("detection_rule")).flatMap((note) => [...note.tags].map(idOfTag).filter((id): id is string => id !== null)));
    const withNotes = [...listed].filter((id) => techniqueIds.has(id));
    // As the report counts with the vault's rollup (on): a parent is covered by its sub-techniques' rules too.
    const covered = withNotes.filter((id) => ruleIds.has(id) || (!id.includes(".") && [...ruleIds].some((rule) => rule.startsWith(`${id}.`))));
    const report = JSON.parse(runCliProcess(["coverage", vault, "--profile", "G0016", "--json"]).stdout) as {
      totals: { techniques: number; withRule: number; gaps: number };
      profiles: { withoutNote: string[]; matched: Array<{ techniques: string[] }> };
    };
    expect(report.profiles.matched[0]?.techniques.slice().sort()).toEqual([...listed].sort());
    expect(report.totals).toMatchObject({ techniques: withNotes.length, withRule: covered.length, gaps: withNotes.length - covered.length });
    expect(report.profiles.withoutNote).toEqual([...listed].filter((id) => !techniqueIds.has(id)).sort());
  }, 300_000);
});

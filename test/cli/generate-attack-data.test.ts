/** scripts/generate-attack-data.mjs as a process: on a small STIX folder it writes, and on ../shared's ATT&CK files. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeAttackTable, type AttackTable } from "../../src/core/attack-catalogue";
import { describeWhen, REPO_ROOT, SHARED_DATA } from "../support/paths";

const SCRIPT = join(REPO_ROOT, "scripts/generate-attack-data.mjs");

function generate(...args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function bundle(object: Record<string, unknown>): string {
  return JSON.stringify({ type: "bundle", id: `bundle--${String(object.id)}`, spec_version: "2.0", objects: [object] });
}

const tactic = (ref: string, id: string, shortname: string, name: string) => ({
  type: "x-mitre-tactic",
  id: ref,
  name,
  x_mitre_shortname: shortname,
  external_references: [{ source_name: "mitre-attack", external_id: id }],
});

function pattern(ref: string, id: string, name: string, phases: string[], platforms: string[], extra: Record<string, unknown> = {}) {
  return {
    type: "attack-pattern",
    id: ref,
    name,
    description: "",
    kill_chain_phases: phases.map((phase_name) => ({ kill_chain_name: "mitre-attack", phase_name })),
    x_mitre_platforms: platforms,
    external_references: [{ source_name: "mitre-attack", external_id: id }, { source_name: "elsewhere", external_id: "X1" }],
    ...extra,
  };
}

/** A two-tactic release: a parent, its sub-technique, a revoked and a deprecated technique. */
function smallStix(): { source: string; sourcesMd: string } {
  const root = mkdtempSync(join(tmpdir(), "attack-stix-"));
  const source = join(root, "enterprise-attack");
  const write = (folder: string, object: Record<string, unknown>) => {
    mkdirSync(join(source, folder), { recursive: true });
    writeFileSync(join(source, folder, `${String(object.id)}.json`), bundle(object));
  };
  write("x-mitre-matrix", { type: "x-mitre-matrix", id: "x-mitre-matrix--1", tactic_refs: ["x-mitre-tactic--b", "x-mitre-tactic--a"] });
  write("x-mitre-tactic", tactic("x-mitre-tactic--a", "TA0002", "execution", "Execution"));
  write("x-mitre-tactic", tactic("x-mitre-tactic--b", "TA0001", "initial-access", "Initial Access"));
  write("attack-pattern", pattern("attack-pattern--4", "T1001", "Old Way", ["execution"], ["Linux"], {
    x_mitre_deprecated: true,
    description: "**This technique has been deprecated. Please use [New](https://attack.mitre.org/techniques/T1000) and [Sub](https://attack.mitre.org/techniques/T1000/001).**\n\nSee [Other](https://attack.mitre.org/techniques/T1999).",
  }));
  write("attack-pattern", pattern("attack-pattern--1", "T1000", "New", ["execution", "initial-access"], ["Windows", "Linux"]));
  write("attack-pattern", pattern("attack-pattern--3", "T1002", "Gone", ["initial-access"], ["Windows"], { revoked: true }));
  write("attack-pattern", pattern("attack-pattern--2", "T1000.001", "Sub", ["execution"], ["Windows"]));
  write("attack-pattern", pattern("attack-pattern--5", "T1003", "Gone Too", ["execution"], ["Linux"], { revoked: true }));
  // T1002 was revoked by T1000; the other relationships name no technique's replacement.
  write("relationship", { type: "relationship", id: "relationship--1", relationship_type: "revoked-by", source_ref: "attack-pattern--3", target_ref: "attack-pattern--1" });
  write("relationship", { type: "relationship", id: "relationship--2", relationship_type: "uses", source_ref: "attack-pattern--5", target_ref: "attack-pattern--1" });
  write("relationship", { type: "relationship", id: "relationship--3", relationship_type: "revoked-by", source_ref: "intrusion-set--1", target_ref: "intrusion-set--2" });
  const sourcesMd = join(root, "SOURCES.md");
  writeFileSync(sourcesMd, "| folder | upstream |\n| `attack/enterprise-attack/` (4 files) | mitre/cti (ATT&CK v9.9 Enterprise) | `" + "a".repeat(40) + "` |\n");
  return { source, sourcesMd };
}

describe("on a small STIX folder", () => {
  const { source, sourcesMd } = smallStix();
  const out = join(mkdtempSync(join(tmpdir(), "attack-table-")), "table.json");
  const result = generate("--source", source, "--sources-md", sourcesMd, "--out", out);
  const table = JSON.parse(readFileSync(out, "utf8")) as AttackTable;
  const decoded = decodeAttackTable(table);

  test("exits 0", () => {
    expect(result.code).toBe(0);
  });

  test("takes the tactics in the matrix's order, not the files'", () => {
    expect(decoded.tactics.map((t) => t.shortname)).toEqual(["initial-access", "execution"]);
  });

  test("takes the version and where it came from from SOURCES.md", () => {
    expect(table.version).toBe("9.9");
    expect(table.versionSource).toContain(`ATT&CK v9.9 Enterprise (mitre/cti ${"a".repeat(40)})`);
  });

  test.each([
    ["T1000", { name: "New", tactics: ["initial-access", "execution"], platforms: ["Linux", "Windows"], revoked: false, deprecated: false, replacedBy: null }],
    ["T1000.001", { name: "Sub", tactics: ["execution"], platforms: ["Windows"], revoked: false, deprecated: false, replacedBy: null }],
    ["T1002", { name: "Gone", tactics: ["initial-access"], platforms: ["Windows"], revoked: true, deprecated: false, replacedBy: ["T1000"] }],
    ["T1003", { name: "Gone Too", tactics: ["execution"], platforms: ["Linux"], revoked: true, deprecated: false, replacedBy: null }],
    // Only the links in the deprecation notice name replacements, not later ones in the text.
    ["T1001", { name: "Old Way", tactics: ["execution"], platforms: ["Linux"], revoked: false, deprecated: true, replacedBy: ["T1000", "T1000.001"] }],
  ])("round-trips %s", (id, expected) => {
    expect(decoded.techniques.get(id)).toEqual({ id, ...expected });
  });

  test("fails with one line when SOURCES.md names no release and --attack-version is not given", () => {
    const bare = join(mkdtempSync(join(tmpdir(), "attack-sources-")), "SOURCES.md");
    writeFileSync(bare, "nothing here\n");
    const failed = generate("--source", source, "--sources-md", bare, "--out", join(tmpdir(), "unused.json"));
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split("\n")).toHaveLength(1);
    expect(failed.stderr).toMatch(/--attack-version/);
  });
});

const stixDir = join(SHARED_DATA, "attack/enterprise-attack");
const hasStix = existsSync(stixDir);
describeWhen(hasStix, "on ../shared's ATT&CK v18.1 STIX files", "ATT&CK's STIX files in ../shared/data (or ATTACK_VAULT_SHARED)", () => {
  const dir = mkdtempSync(join(tmpdir(), "attack-table-"));
  const runs = [join(dir, "first.json"), join(dir, "second.json")].map((out) => ({
    out,
    result: generate("--source", stixDir, "--sources-md", join(SHARED_DATA, "SOURCES.md"), "--out", out),
  }));

  test("both runs exit 0", () => {
    expect(runs.map((run) => run.result.code)).toEqual([0, 0]);
  });

  test("two runs write the same bytes", () => {
    expect(readFileSync(runs[1]?.out ?? "")).toEqual(readFileSync(runs[0]?.out ?? ""));
  });

  test("the committed table is what the script writes", () => {
    expect(readFileSync(runs[0]?.out ?? "", "utf8")).toBe(readFileSync(join(REPO_ROOT, "src/core/attack-data/enterprise.json"), "utf8"));
  });
});

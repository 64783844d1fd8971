/** The core and the CLI reader against the real catalogue vault in ../shared. */
import { readVault } from "../../src/cli/read-vault";
import { computeCoverage } from "../../src/core/coverage";
import { runQuery } from "../../src/core/query/evaluate";
import { VaultIndex } from "../../src/core/vault-index";
import { notesWithAllTags, scanVault } from "../support/independent-scan";
import { describeWithRealVault, REAL_VAULT } from "../support/paths";

describeWithRealVault("the real use-case catalogue vault", () => {
  const read = readVault(REAL_VAULT, { queryBlocks: true });
  const index = new VaultIndex();
  read.records.forEach((record) => index.upsert(record));
  const notes = [...index.notes()];
  const count = (kind: string): number => notes.filter((note) => note.kind === kind).length;

  test("every Markdown file is read, bad ones included", () => {
    expect(read.records).toHaveLength(3731);
  });

  // Counted independently of this code (a separate script with PyYAML over the same files).
  test.each([
    ["technique", 625],
    ["rule", 2815],
    ["test", 282],
  ])("%s notes: %i", (kind, expected) => {
    expect(count(kind)).toBe(expected);
  });

  test("266 techniques have no direct detection rule, 49 of them with tests", () => {
    const rows = computeCoverage(index, { rollup: false }).rows;
    expect(rows.filter((row) => row.status === "no-rule" || row.status === "tests-no-rule")).toHaveLength(266);
    expect(rows.filter((row) => row.status === "tests-no-rule")).toHaveLength(49);
  });

  test("the seven rule notes with invalid YAML are reported by name and line, and kept as plain notes", () => {
    const yamlWarnings = read.warnings.filter((warning) => warning.message.startsWith("frontmatter is not valid YAML"));
    expect(yamlWarnings.map((warning) => warning.path).sort()).toEqual([
      "Detection Rules/default_credentials_usage.md",
      "Detection Rules/host_without_firewall.md",
      "Detection Rules/net_firewall_cleartext_protocols.md",
      "Detection Rules/netflow_cleartext_protocols.md",
      "Detection Rules/okta_security_threat_detected.md",
      "Detection Rules/win_security_user_logoff.md",
      "Detection Rules/win_security_workstation_was_locked.md",
    ]);
    expect(yamlWarnings[0]?.message).toMatch(/at line 6, column 8/);
    expect(index.get("Detection Rules/host_without_firewall.md")?.kind).toBe("other");
  });

  test("the fifteen technique notes that are not UTF-8 are reported and still indexed", () => {
    const encodingWarnings = read.warnings.filter((warning) => warning.message.includes("not valid UTF-8"));
    expect(encodingWarnings).toHaveLength(15);
    for (const warning of encodingWarnings) expect(index.get(warning.path)?.kind).toBe("technique");
  });

  test("T1059.001's rule block lists its 175 rules", () => {
    const result = runQuery("tag: detection_rule\ntag: T1059_001", index);
    expect(result.ok && result.value).toHaveLength(175);
  });

  test("every query block gives what an independent scan with Obsidian's semantics gives", () => {
    const scanned = scanVault(REAL_VAULT);
    expect(read.queryBlocks.length).toBe(1264);
    const mismatches: string[] = [];
    for (const block of read.queryBlocks) {
      const wanted = block.query
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => line.replace(/^tag:\s*#?/, "").toLowerCase());
      const result = runQuery(block.query, index);
      const expected = notesWithAllTags(scanned, wanted);
      if (!result.ok || JSON.stringify(result.value) !== JSON.stringify(expected)) mismatches.push(`${block.note}:${block.line}`);
    }
    expect(mismatches).toEqual([]);
  });
});

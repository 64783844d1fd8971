/**
 * `profile:` and `coverage:` (attack-query blocks, the CLI, the API): the technique notes a threat
 * profile lists, and those with a given coverage, counted as the report counts them. ```query
 * blocks keep core Search's semantics: there both are errors.
 */
import { computeCoverage } from "../../../src/core/coverage";
import { DEFAULT_CONVENTIONS } from "../../../src/core/note";
import { blockHeading, blockSubject, emptyStateText, isAffectedBy } from "../../../src/core/query-block-view";
import { queryTags } from "../../../src/core/query/evaluate";
import { answerQuery } from "../../../src/core/query/hints";
import { parseQuery } from "../../../src/core/query/parse";
import { VaultIndex } from "../../../src/core/vault-index";
import { record, rule, technique, test as atomicTest } from "../note-records";

const profile = (name: string, extra: Record<string, unknown>) => record(`Threat Profiles/${name}.md`, { tags: ["threat_profile"], name, ...extra });

function vault(): VaultIndex {
  const index = new VaultIndex();
  [
    technique("T1059", "Command and Scripting Interpreter"),
    technique("T1059.001", "PowerShell"),
    technique("T1027", "Obfuscated Files or Information"),
    technique("T1018", "Remote System Discovery"),
    technique("T1486", "Data Encrypted for Impact"),
    rule("ps", ["t1059_001"]),
    rule("ransom", ["t1486"]),
    atomicTest("T1018 - Atomic", ["T1018"]),
    profile("APT29", { attack_id: "G0016", aliases: ["Cozy Bear"], techniques: ["T1059", "T1027", "T1018", "T1583.001"] }),
    profile("Our threat model", { techniques: ["T1486", "T1027"] }),
  ].forEach((note) => index.upsert(note));
  return index;
}

const answer = (text: string, index = vault(), rollup = true): string[] | string => {
  const result = answerQuery(text, index, "attack", undefined, { rollup });
  return result.ok ? result.value.paths.map((path) => /T\d{4}(\.\d{3})?/.exec(path)?.[0] ?? path) : result.error.message;
};

describe("profile: and coverage: in the attack dialect", () => {
  test.each<[string, string[]]>([
    ["profile:G0016", ["T1018", "T1027", "T1059"]],
    ["profile:apt29", ["T1018", "T1027", "T1059"]],
    ['profile:"Cozy Bear"', ["T1018", "T1027", "T1059"]],
    ['profile:"Our threat model"', ["T1027", "T1486"]],
    ["profile:APT28", []],
    ["coverage:gap", ["T1018", "T1027"]],
    ["coverage:covered", ["T1059", "T1059.001", "T1486"]],
    ["coverage:tests-no-rule", ["T1018"]],
    ["coverage:GAP", ["T1018", "T1027"]],
    ["profile:G0016 coverage:gap", ["T1018", "T1027"]],
    ["profile:G0016 -coverage:gap", ["T1059"]],
    ['profile:G0016 OR profile:"Our threat model"', ["T1018", "T1027", "T1059", "T1486"]],
  ])("%s", (text, ids) => {
    expect(answer(text)).toEqual(ids);
  });

  test("coverage: counts a parent as the report does: through its sub-techniques with rollup, not without", () => {
    expect(answer("coverage:gap", vault(), false)).toEqual(["T1018", "T1027", "T1059"]);
    const report = computeCoverage(vault(), { rollup: true, filter: { status: "gaps" } });
    expect(answer("coverage:gap")).toEqual(report.rows.map((row) => row.id));
  });

  test.each([
    ["coverage:partly", '"coverage:" takes gap, covered, no-rule, tests-no-rule, rules-no-test, rules-and-tests, not "partly"'],
    ["profile:", `"profile:" needs a threat profile's name, ATT&CK ID or alias after it`],
  ])("%s is an error that says what it takes", (text, message) => {
    expect(answer(text)).toContain(message);
  });

  test.each([["profile:G0016"], ["coverage:gap"]])("%s is refused in a ```query block, which lists what Obsidian's search lists", (text) => {
    const parsed = parseQuery(text, "obsidian");
    expect(parsed.ok ? "" : parsed.error.message).toContain("is ATT&CK Vault's own operator, for attack-query blocks");
  });
});

describe("blocks with profile: and coverage:", () => {
  const parsed = (text: string) => {
    const result = parseQuery(text, "attack");
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  test("the importer's block lists techniques, says which, and names the profile when empty", () => {
    const subject = blockSubject(parsed("profile: G0016\ncoverage: gap"), DEFAULT_CONVENTIONS);
    expect(subject).toEqual({ listKind: "techniques", techniqueId: null, profile: "G0016", coverage: "gap" });
    expect(blockHeading(subject)).toBe("Techniques with no detection rule");
    expect(emptyStateText(subject)).toBe("Every technique G0016 lists that has a note here has a detection rule");
    expect(emptyStateText(subject, false)).toBe("No threat profile in this vault has the name, ATT&CK ID or alias G0016");
  });

  test.each<[string, (index: VaultIndex) => ReturnType<VaultIndex["upsert"]>, boolean]>([
    ["a profile listing another technique", (index) => index.upsert(profile("APT29", { attack_id: "G0016", techniques: ["T1059", "T1486"] })), true],
    ["a new rule for a listed technique", (index) => index.upsert(rule("discovery", ["t1018"])), true],
    ["a technique note removed", (index) => index.remove("Use Cases/T1027 - Obfuscated Files or Information.md"), true],
    ["a note that names no technique", (index) => index.upsert(record("Inbox/meeting.md", { tags: ["meeting"] })), false],
  ])("redraws for %s: %s", (_name, change, affected) => {
    const index = vault();
    const dependencies = queryTags(parsed("profile: G0016\ncoverage: gap"));
    expect(dependencies.dependsOnAllNotes).toBe(false);
    expect(isAffectedBy(dependencies, change(index))).toBe(affected);
  });
});

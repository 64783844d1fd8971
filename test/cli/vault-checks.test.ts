/** What `coverage` checks before it reports, so it never gives a false all-clear. */
import { parseArgs, UsageError } from "../../src/cli/args";
import { CONVENTION_FLAGS } from "../../src/cli/command";
import { openVault } from "../../src/cli/load-vault";
import { checkFilter, noTechniqueNotes, unusedKindTags } from "../../src/cli/vault-checks";
import { coverageRows } from "../../src/core/coverage";
import { scratch, vaultOf } from "../support/scratch-vault";

const open = (dir: string) => openVault(parseArgs(["coverage", dir], CONVENTION_FLAGS));

const TECHNIQUE = "---\ntags: [T1059, techniques]\n---\n";
const RULE = "---\ntags: [t1059, detection_rule]\n---\n";
const TEST = "---\ntags: [t1059, atomic_test]\n---\n";

describe("noTechniqueNotes", () => {
  test("null when the vault has technique notes with IDs", () => {
    expect(noTechniqueNotes(open(vaultOf({ "T1059.md": TECHNIQUE })))).toBeNull();
  });

  test.each<[string, Record<string, string>, RegExp[]]>([
    ["a folder without notes", {}, [/: it holds no Markdown notes \(\.md files\), so it has no coverage to report$/]],
    ["technique notes with no ID", { "a.md": "---\ntags: [techniques]\n---\n" }, [/: 1 note is tagged #techniques, but none has a technique ID in its tags, properties or file name/]],
    [
      "notes tagged close to the technique tag",
      { "T1059.md": "---\ntags: [T1059, technique]\n---\n" },
      [/: no note is tagged #techniques, the tag that marks technique notes/, /^ {2}tags close to it that the vault uses: #technique \(1 note\)$/],
    ],
  ])("%s: says why, naming what it looked for", (_name, notes, lines) => {
    const answer = noTechniqueNotes(open(Object.keys(notes).length === 0 ? scratch() : vaultOf(notes)));
    expect(answer).toHaveLength(lines.length);
    lines.forEach((line, i) => expect(answer?.[i]).toMatch(line));
  });
});

describe("unusedKindTags", () => {
  test("nothing when rules and tests are tagged", () => {
    expect(unusedKindTags(open(vaultOf({ "T1059.md": TECHNIQUE, "r.md": RULE, "t.md": TEST })))).toEqual([]);
  });

  test("a rule tag no note carries is named, with its flag and the tags close to it", () => {
    const lines = unusedKindTags(open(vaultOf({ "T1059.md": TECHNIQUE, "r.md": "---\ntags: [t1059, detection_rules]\n---\n", "t.md": TEST })));
    expect(lines).toEqual([
      "attack-vault: no note is tagged #detection_rule, the tag that marks detection rules (--rule-tag or the plugin's settings change it), so no technique has any",
      "  tags close to it that the vault uses: #detection_rules (1 note)",
    ]);
  });
});

describe("checkFilter", () => {
  const rows = coverageRows(open(vaultOf({ "T1059.md": "---\ntags: [T1059, techniques]\nplatforms: [Windows, Amiga]\ntactics: [Execution, Homebrew]\n---\n" })).index, { rollup: true });

  test.each([
    ["an ATT&CK platform in any case", { platform: "windows" }],
    ["an older platform name", { platform: "Azure AD" }],
    ["a platform only the vault names", { platform: "Amiga" }],
    ["an ATT&CK tactic", { tactic: "execution" }],
    ["a tactic only the vault names", { tactic: "Homebrew" }],
  ])("accepts %s", (_name, filter) => {
    expect(() => checkFilter(filter, rows)).not.toThrow();
  });

  test.each([
    ["a platform that is none", { platform: "Plan 9" }, /^--platform Plan 9 is not a platform\. ATT&CK's are .*Windows.*; older names work too: .*Azure AD \(now Identity Provider\).*; this vault's notes also name Amiga$/],
    ["a tactic that is none", { tactic: "Mischief" }, /^--tactic Mischief is not a tactic\. ATT&CK's are Reconnaissance, .* \(or their IDs and shortnames\); this vault's notes also name Homebrew$/],
  ])("refuses %s, listing the real ones", (_name, filter, message) => {
    expect(() => checkFilter(filter, rows)).toThrow(UsageError);
    expect(() => checkFilter(filter, rows)).toThrow(message);
  });
});

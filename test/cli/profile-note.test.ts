import { load } from "js-yaml";
import { actorsFromStix, type AttackActor, type StixObject } from "../../src/core/attack-actors";
import { classifyNote } from "../../src/core/classify";
import { DEFAULT_CONVENTIONS } from "../../src/core/note";
import { parseNote } from "../../src/cli/read-vault";
import { profileNoteText, safeDescription, splitHash, type ProfileNoteContext } from "../../src/cli/profile-note";
import { contentHash } from "../../src/cli/vault-writer";
import { stixFixture } from "../support/stix-fixture";

const actors = actorsFromStix(stixFixture().objects as StixObject[]).actors;
const actor = (id: string): AttackActor => {
  const found = actors.find((candidate) => candidate.attackId === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const context: ProfileNoteContext = {
  profileTag: "threat_profile",
  techniquesProperty: "techniques",
  techniqueNote: (id) => (id === "T1018" ? "Use Cases/T1018 - Remote System Discovery.md" : null),
  techniqueName: (id) => (id === "T1018" ? "Remote System Discovery" : id === "T1059.001" ? "Command and Scripting Interpreter: PowerShell" : null),
  profileNote: (id) => (id === "S0002" ? "Threat Profiles/S0002 - Mimikatz.md" : null),
  actorName: (id) => actors.find((candidate) => candidate.attackId === id)?.name ?? null,
};
const text = profileNoteText(actor("G0016"), context, contentHash);
const frontmatter = load(text.split("\n---\n")[0]?.replace(/^---\n/, "") ?? "") as Record<string, unknown>;
const body = text.slice(text.indexOf("\n---\n") + 5);

describe("a profile note", () => {
  test("is the same bytes for the same inputs", () => {
    expect(profileNoteText(actor("G0016"), context, contentHash)).toBe(text);
  });

  test("has the frontmatter of a threat profile, read back as one", () => {
    expect(frontmatter).toMatchObject({ tags: ["threat_profile"], name: "APT29", attack_id: "G0016", kind: "group", aliases: ["APT29", "Cozy Bear", "The Dukes"], techniques: ["T1018", "T1059.001"] });
    const note = classifyNote(parseNote("Threat Profiles/G0016 - APT29.md", text).record, DEFAULT_CONVENTIONS);
    expect([note.kind, note.techniqueIds]).toEqual(["profile", ["T1018", "T1059.001"]]);
  });

  test("writes its techniques into the property the settings name", () => {
    const other = profileNoteText(actor("G0016"), { ...context, profileTag: "adversary", techniquesProperty: "ttps" }, contentHash);
    expect(load(other.split("\n---\n")[0]?.replace(/^---\n/, "") ?? "")).toMatchObject({ tags: ["adversary"], ttps: ["T1018", "T1059.001"] });
  });

  test("links techniques to the vault's notes, says which have none, and names the software they come through", () => {
    expect(body).toContain("- [[Use Cases/T1018 - Remote System Discovery|T1018 Remote System Discovery]] — through [[Threat Profiles/S0002 - Mimikatz|Mimikatz]]");
    expect(body).toContain("- T1059.001 Command and Scripting Interpreter: PowerShell (no note in the vault)");
  });

  test("lists its gaps in an attack-query block", () => {
    expect(body).toContain("```attack-query\nprofile: G0016\ncoverage: gap\n```");
  });

  test("turns ATT&CK's citations into numbered footnotes, each once, with the references", () => {
    expect(body).toContain("is a threat group.[^1] It uses `rundll32`.[^2][^1]");
    expect(body).toContain("[^1]: Vendor. (2021). Report one. Retrieved 2021. <https://example.com/one>\n[^2]: Vendor. (2022). Report two. <https://example.com/two>");
  });

  test("carries a hash of the rest of its text, which an edit breaks and a checkout's line endings do not", () => {
    const split = splitHash(text);
    expect(split && contentHash(split.unhashed)).toBe(split?.hash);
    const edited = splitHash(text.replace("is a threat group", "is a group"));
    expect(edited && contentHash(edited.unhashed)).not.toBe(edited?.hash);
    const crlf = splitHash(text.replace(/\n/g, "\r\n"));
    expect(crlf && contentHash(crlf.unhashed)).toBe(crlf?.hash);
    expect(splitHash("---\ntags: [x]\n---\nmine")).toBeNull();
  });
});

describe("ATT&CK's text is text", () => {
  test.each<[string, string, string]>([
    ["a code fence (a dataviewjs block would run)", "```dataviewjs\ndv.paragraph('ran')\n```", "\\`\\`\\`dataviewjs\ndv.paragraph('ran')\n\\`\\`\\`"],
    ["a tilde fence inside a quote", "> ~~~js\nx\n> ~~~", "> \\~\\~\\~js\nx\n> \\~\\~\\~"],
    ["Dataview's inline JavaScript and queries", "`$= dv.current()` and `= this.file`", "\\`$= dv.current()` and \\`= this.file`"],
    ["an embed", "![[Secret note]]", "!\\[[Secret note]]"],
    ["HTML", "<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)>"],
    ["ATT&CK's own <code>", "use <code>cmd.exe</code>", "use `cmd.exe`"],
    ["a footnote marker of its own", "see [^9]", "see \\[^9]"],
  ])("%s is neutralised", (_name, markdown, safe) => {
    expect(safeDescription(markdown)).toBe(safe);
  });

  test("the whole note holds none of the fixture's hostile markup", () => {
    expect(body).not.toMatch(/^\s*```dataviewjs/m);
    expect(body).not.toMatch(/(^|[^\\])`\$=/);
    expect(body).not.toMatch(/(^|[^\\])!\[\[/);
    expect(body).not.toContain("<img");
  });
});

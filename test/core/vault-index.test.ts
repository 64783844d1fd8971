import type { NoteRecord } from "../../src/core/note";
import { DEFAULT_CONVENTIONS } from "../../src/core/note";
import { VaultIndex } from "../../src/core/vault-index";
import { record, rule, technique, test as atomicTest } from "./note-records";

function indexOf(records: NoteRecord[], conventions = DEFAULT_CONVENTIONS): VaultIndex {
  const index = new VaultIndex(conventions);
  records.forEach((note) => index.upsert(note));
  return index;
}

const sorted = (paths: ReadonlySet<string>): string[] => [...paths].sort();

describe("lookups", () => {
  const index = indexOf([
    technique("T1059.001", "PowerShell"),
    rule("ps_a", ["execution", "t1059_001"]),
    rule("ps_b", ["T1059_001"]),
    atomicTest("T1059.001 - PowerShell", ["T1059_001"]),
    record("n.md", { tags: ["attack/t1059/001", "Attack"] }),
  ]);

  test("tags are found case-insensitively", () => {
    expect(sorted(index.pathsWithTag("t1059_001"))).toEqual(["Detection Rules/ps_a.md", "Detection Rules/ps_b.md", "Testing Runbooks/T1059.001 - PowerShell.md", "Use Cases/T1059.001 - PowerShell.md"]);
  });

  test("a tag includes the nested tags below it, not longer names", () => {
    expect(sorted(index.pathsWithTag("attack"))).toEqual(["n.md"]);
    expect(sorted(index.pathsWithTag("attack/t1059"))).toEqual(["n.md"]);
    expect(sorted(index.pathsWithTag("attac"))).toEqual([]);
  });

  test("technique → rules, tests and notes", () => {
    expect(sorted(index.rulesFor("T1059.001"))).toEqual(["Detection Rules/ps_a.md", "Detection Rules/ps_b.md"]);
    expect(sorted(index.testsFor("T1059.001"))).toEqual(["Testing Runbooks/T1059.001 - PowerShell.md"]);
    expect(sorted(index.techniqueNotesFor("T1059.001"))).toEqual(["Use Cases/T1059.001 - PowerShell.md"]);
  });
});

describe("changes", () => {
  test("an upsert reports the paths, tags and techniques it touched, old and new", () => {
    const index = indexOf([rule("a", ["t1003"])]);
    const before = index.revision;
    const change = index.upsert(rule("a", ["t1486"]));
    expect(index.revision).toBeGreaterThan(before);
    expect([...change.paths]).toEqual(["Detection Rules/a.md"]);
    expect([...change.techniqueIds].sort()).toEqual(["T1003", "T1486"]);
    expect(change.tagKeys).toEqual(new Set(["t1003", "t1486", "detection_rule"]));
    expect(index.rulesFor("T1003").size).toBe(0);
    expect(index.rulesFor("T1486").size).toBe(1);
  });

  test("remove forgets a note everywhere", () => {
    const index = indexOf([rule("a", ["t1003", "x/y"])]);
    const change = index.remove("Detection Rules/a.md");
    expect(change.techniqueIds).toEqual(new Set(["T1003"]));
    expect(index.size).toBe(0);
    expect(index.pathsWithTag("x").size).toBe(0);
    expect(index.rulesFor("T1003").size).toBe(0);
  });

  test("removing an unknown path touches nothing", () => {
    const index = indexOf([]);
    expect(index.remove("nope.md").paths.size).toBe(0);
    expect(index.revision).toBe(0);
  });

  test("rename moves the note and re-reads an ID from the new file name", () => {
    const index = indexOf([record("Use Cases/T1087 - Account Discovery.md", { tags: ["techniques"] })]);
    const change = index.rename("Use Cases/T1087 - Account Discovery.md", "Use Cases/T1082 - System Information Discovery.md");
    expect(change.techniqueIds).toEqual(new Set(["T1087", "T1082"]));
    expect(sorted(index.techniqueNotesFor("T1082"))).toEqual(["Use Cases/T1082 - System Information Discovery.md"]);
    expect(index.techniqueNotesFor("T1087").size).toBe(0);
  });

  test("two notes that claim one ID are both kept and reported", () => {
    const index = indexOf([technique("T1059", "A"), record("Other/T1059 copy.md", { tags: ["T1059", "techniques"] })]);
    expect(index.duplicateTechniqueNotes()).toEqual([{ techniqueId: "T1059", paths: ["Other/T1059 copy.md", "Use Cases/T1059 - A.md"] }]);
  });

  test("notes in excluded folders are left out", () => {
    const index = indexOf([record("Templates/t.md", { tags: ["techniques", "T0000"] }), technique("T1059", "A")], {
      ...DEFAULT_CONVENTIONS,
      excludedFolders: ["Templates/"],
    });
    expect([...index.allPaths()]).toEqual(["Use Cases/T1059 - A.md"]);
  });
});

describe("load", () => {
  test("builds the same index as upserting each note, later notes replacing earlier ones at a path", () => {
    const notes = [technique("T1059", "A"), rule("a", ["t1059"]), rule("b", ["t1003", "x/y"]), rule("a", ["t1486"]), record("Templates/t.md", { tags: ["techniques"] })];
    const conventions = { ...DEFAULT_CONVENTIONS, excludedFolders: ["Templates"] };
    const loaded = new VaultIndex(conventions);
    loaded.load(notes);
    const upserted = indexOf(notes, conventions);
    const dump = (index: VaultIndex) => ({
      paths: [...index.allPaths()].sort(),
      nested: sorted(index.pathsWithTag("x")),
      rules: ["T1059", "T1003", "T1486"].map((id) => sorted(index.rulesFor(id))),
      techniques: sorted(index.techniqueNotesFor("T1059")),
    });
    expect(dump(loaded)).toEqual(dump(upserted));
    expect(loaded.revision).toBeGreaterThan(0);
  });
});

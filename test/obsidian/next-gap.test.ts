/** @jest-environment jsdom */
/** "Go to next uncovered technique": from the active note to the next technique note with no rule, wrapping, or a notice when there is none. */
import { GAPS_SECTION } from "../../src/core/coverage-words";
import { VaultIndex } from "../../src/core/vault-index";
import { openNextGap } from "../../src/obsidian/next-gap";
import { createFakeApp } from "../fakes/obsidian";
import { noticeLog } from "../fakes/ui";
import { rule, technique } from "../core/note-records";

const NOTES = [technique("T1001", "Data Obfuscation"), technique("T1003", "OS Credential Dumping"), technique("T1005", "Data from Local System"), technique("T1059", "Command and Scripting Interpreter"), technique("T1059.001", "PowerShell")];

/** The app with the notes open at `active`, and the index over them plus `ruleTags` as rules. */
async function appAt(active: string | null, ruleTags: string[]) {
  const records = [...NOTES, ...ruleTags.map((tag) => rule(`rule for ${tag}`, [tag]))];
  const app = createFakeApp({ files: Object.fromEntries(records.map((record) => [record.path, ""])) });
  await app.start();
  if (active) await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath(active)!);
  const index = new VaultIndex();
  records.forEach((record) => index.upsert(record));
  return { app, index };
}

describe("openNextGap", () => {
  test.each<[string, string | null, string[], boolean, string]>([
    ["from no note, the first gap", null, ["t1001"], true, "Use Cases/T1003 - OS Credential Dumping.md"],
    ["from a gap, the next one in ID order", "Use Cases/T1003 - OS Credential Dumping.md", ["t1001"], true, "Use Cases/T1005 - Data from Local System.md"],
    ["past the last gap, back to the first", "Use Cases/T1059.001 - PowerShell.md", ["t1001", "t1003"], true, "Use Cases/T1005 - Data from Local System.md"],
    ["with rollup, a parent covered by its sub-technique is no gap", "Use Cases/T1005 - Data from Local System.md", ["t1001", "t1003", "t1059_001"], true, "Use Cases/T1005 - Data from Local System.md"],
    ["without rollup, it is", "Use Cases/T1005 - Data from Local System.md", ["t1001", "t1003", "t1059_001"], false, "Use Cases/T1059 - Command and Scripting Interpreter.md"],
  ])("%s", async (_name, active, ruleTags, rollup, opened) => {
    const { app, index } = await appAt(active, ruleTags);
    openNextGap(app as never, index, rollup);
    expect(app.workspace.openedLinks.map((link) => link.linktext)).toEqual([opened]);
  });

  test("with no gap, a notice says so and nothing opens", async () => {
    const { app, index } = await appAt(null, ["t1001", "t1003", "t1005", "t1059", "t1059_001"]);
    openNextGap(app as never, index, true);
    expect({ opened: app.workspace.openedLinks, notices: noticeLog }).toEqual({ opened: [], notices: [GAPS_SECTION.none] });
  });
});

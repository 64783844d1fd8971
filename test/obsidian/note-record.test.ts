/** @jest-environment jsdom */
/**
 * Frontmatter Obsidian could not read shows in its cache only as a first `yaml` section, with no
 * `frontmatter` or `frontmatterPosition` (worker.js, public copy id 56547900761). The plugin must
 * report the same notes the CLI reports, from that cache.
 */
import type { TFile } from "obsidian";
import { parseNote } from "../../src/cli/read-vault";
import { noteRecordFrom, UNREADABLE_FRONTMATTER } from "../../src/obsidian/note-record";
import { createFakeApp } from "../fakes/obsidian";

async function pluginRecord(content: string) {
  const app = createFakeApp({ files: { "n.md": content } });
  await app.start();
  const file = app.vault.getFileByPath("n.md") as unknown as TFile;
  return noteRecordFrom(file, app.metadataCache.getFileCache(app.vault.getFileByPath("n.md")!));
}

describe("frontmatter Obsidian could not read", () => {
  test.each<[string, string, boolean]>([
    ["invalid YAML", "---\ntags: [, detection_rule]\n---\nbody", true],
    ["a list", "---\n- a\n- b\n---\nbody", true],
    ["a single value", "---\njust text\n---\nbody", true],
    ["a mapping", "---\ntags: [detection_rule]\n---\nbody", false],
    ["an empty block", "---\n---\nbody", false],
    ["no frontmatter", "body", false],
  ])("%s: reported by the plugin as by the CLI", async (_name, content, unreadable) => {
    const record = await pluginRecord(content);
    const cliWarns = parseNote("n.md", content).warnings.length > 0;
    expect([record.frontmatterProblem === UNREADABLE_FRONTMATTER, cliWarns]).toEqual([unreadable, unreadable]);
  });

  test("the tags of unreadable frontmatter are not read, but inline tags are", async () => {
    const record = await pluginRecord("---\ntags: [, detection_rule]\n---\n#x");
    expect([record.frontmatter, record.inlineTags]).toEqual([null, ["x"]]);
  });
});

/** @jest-environment jsdom */
/**
 * The plugin in the fake app over the hostile vault: nothing throws, the panel lists the problems
 * the metadata cache shows, each opening its note, good notes render as they do without the
 * hostile ones, and note text stays text.
 */
import { loadVaultFolder } from "../fakes/load-vault-folder";
import { listenerErrors, MarkdownView, renderErrors } from "../fakes/obsidian";
import { buildHostileVault, GENERATED, goodNotePaths, hostileNotePaths, removeVault, UNPORTABLE_NAMES_ALLOWED } from "../fixtures/hostile-vault";
import { openCoverage, openNote, renderedBlocks, startPlugin, type Harness } from "../plugin/plugin-harness";
import { T1490_NOTE } from "./expected-answers";
import { EXPECTED_PROBLEMS, matchProblems } from "./expected-problems";
import { UNREADABLE_FRONTMATTER } from "../../src/obsidian/note-record";
import { foreignMarkup, panelProblems, scriptLinks, unfoldPanel } from "./plugin-dom";
import { testWhen } from "../support/paths";

type Rendered = ReturnType<typeof renderedBlocks>;

// Every note but the 5 MB one, whose blocks the CLI tests check: drawing it takes the fake seconds.
const notesToOpen = hostileNotePaths().filter((path) => path !== GENERATED.huge);

/** The vault's files, built in a temporary folder and read back. */
function vaultFiles(hostile: boolean): Record<string, string> {
  const dir = buildHostileVault({ hostile });
  try {
    return loadVaultFolder(dir);
  } finally {
    removeVault(dir);
  }
}

const goodRendered = new Map<string, Rendered>();
const hostileRendered = new Map<string, Rendered>();
const hostileForeign = new Map<string, string[]>();
const hostileBlockText = new Map<string, string>();
const hostileScriptLinks: string[] = [];
let harness: Harness;
let panel: HTMLElement;
let errorsAfterRendering: unknown[] = [];
let hostileFiles: Record<string, string> = {};

beforeAll(async () => {
  hostileFiles = vaultFiles(true);
  const good = await startPlugin(vaultFiles(false));
  for (const path of goodNotePaths()) goodRendered.set(path, renderedBlocks(await openNote(good.app, path)));
  harness = await startPlugin(hostileFiles);
  panel = (await openCoverage(harness)).contentEl;
  unfoldPanel(panel);
  for (const path of notesToOpen) {
    const content = await openNote(harness.app, path);
    hostileRendered.set(path, renderedBlocks(content));
    hostileForeign.set(path, Array.from(content.querySelectorAll(".attack-vault-block")).flatMap(foreignMarkup));
    hostileBlockText.set(path, Array.from(content.querySelectorAll(".attack-vault-block"), (block) => block.textContent ?? "").join("\n"));
    content.querySelectorAll(".attack-vault-block").forEach((block) => hostileScriptLinks.push(...scriptLinks(block)));
  }
  errorsAfterRendering = [...listenerErrors, ...renderErrors];
}, 60_000);

describe("nothing throws", () => {
  test("no listener or post-processor error while indexing, rendering every note and the panel", () => {
    expect(errorsAfterRendering).toEqual([]);
  });

  test("the index holds every note of the vault", () => {
    expect(harness.plugin.service.index.size).toBe(Object.keys(hostileFiles).filter((path) => path.endsWith(".md")).length);
  });
});

describe("the panel's vault problems", () => {
  // Frontmatter the cache could not read is reported in the plugin's own words: it knows no line or reason.
  const shown = EXPECTED_PROBLEMS.filter((problem) => problem.visibility !== "files").map((problem) =>
    problem.visibility === "cache" ? { ...problem, wrong: new RegExp(`^${UNREADABLE_FRONTMATTER.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) } : problem,
  );

  test("list exactly the problems the metadata cache shows", () => {
    expect(matchProblems(panelProblems(panel), shown)).toEqual({ missing: [], unexpected: [] });
  });

  test("are titled with their count", () => {
    expect(panel.querySelector(".attack-vault-problems-title")?.textContent).toBe(`Vault problems (${panelProblems(panel).length})`);
  });

  test("name each note by its path, as text", () => {
    for (const problem of panelProblems(panel)) expect(problem.linkText).toBe(problem.path);
  });

  const clickable = shown.filter((problem) => !problem.path.includes("#"));
  test.each(clickable.map((problem) => [problem.path]))("a click on %s opens that note and writes nothing", async (path) => {
    const link = Array.from(panel.querySelectorAll<HTMLElement>(".attack-vault-problems a.internal-link")).find((candidate) => candidate.dataset.href === path);
    link?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const opened = harness.app.workspace.getActiveViewOfType(MarkdownView)?.file?.path;
    expect({ opened, writes: harness.app.vault.noteWrites() }).toEqual({ opened: path, writes: [] });
  });

  // Link text reads "#" as a heading: such paths must open as files, creating nothing.
  test("a click on a note whose name holds # opens that note and creates no other", async () => {
    const path = "Use Cases/Technique #without ^an ID [[nowhere]].md";
    const link = Array.from(panel.querySelectorAll<HTMLElement>(".attack-vault-problems a.internal-link")).find((candidate) => candidate.dataset.href === path);
    link?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const opened = harness.app.workspace.getActiveViewOfType(MarkdownView)?.file?.path;
    expect({ opened, writes: harness.app.vault.noteWrites() }).toEqual({ opened: path, writes: [] });
  });

});

describe("good notes render as they do without the hostile notes", () => {
  test.each(goodNotePaths().map((path) => [path]))("%s", (path) => {
    expect(hostileRendered.get(path)).toEqual(goodRendered.get(path));
  });

  test("the comparison covers blocks with results and blocks with gaps", () => {
    const blocks = [...goodRendered.values()].flat();
    expect([blocks.some((block) => block.links.length > 0), blocks.some((block) => block.gap !== null)]).toEqual([true, true]);
  });
});

describe("note text is rendered as text", () => {
  test.each(notesToOpen.map((path) => [path]))("the blocks of %s hold only our own elements", (path) => {
    expect(hostileForeign.get(path)).toEqual([]);
  });

  test("the panel, unfolded, holds only our own elements", () => {
    expect([panel.querySelectorAll("details[open]").length > 0, foreignMarkup(panel)]).toEqual([true, []]);
  });

  test.each([
    ["a rule title", T1490_NOTE, "<script>alert('rule title')</script> ]] | [[x"],
    ["a rule's level", T1490_NOTE, "<b>high</b>"],
    ["a rule's log source", T1490_NOTE, "<img src=x onerror=alert('logsource')>"],
    ["an error about markup in a query", "Hostile queries.md", "\"<img\" is a text search"],
  ])("%s shows as text", (_name, path, text) => {
    expect(hostileBlockText.get(path)).toContain(text);
  });

  test("a technique title and platforms show as text in the panel", () => {
    const row = panel.querySelector('.attack-vault-technique[data-technique="T1490"] .attack-vault-technique-name');
    const platforms = Array.from(panel.querySelectorAll(".attack-vault-filter-platform option"), (option) => option.textContent);
    expect({ title: row?.textContent?.startsWith("<img src=x onerror=alert('technique')> [[Inhibit]]"), platforms }).toEqual({
      title: true,
      platforms: expect.arrayContaining(["<script>alert('platform')</script>", "<img src=x onerror=alert('platform')>"]),
    });
  });

  // A note at the vault root named `javascript:…` must not become a script URL: links carry no href.
  testWhen(UNPORTABLE_NAMES_ALLOWED, "no link's href is a javascript: URL", "a file system that allows ':' in file names", () => {
    expect(hostileScriptLinks).toEqual([]);
  });
});

test("still no listener or post-processor error after every click, and nothing added to Object.prototype", () => {
  expect({ errors: [...listenerErrors, ...renderErrors], polluted: "polluted" in Object.prototype }).toEqual({ errors: [], polluted: false });
});

/** @jest-environment jsdom */
/** The plugin's side of interop: the API for Dataview and other plugins, and Navigator layer export. */
import type { DataviewInlineApi } from "obsidian-dataview";
import { runCli } from "../../src/cli/main";
import { severityRank } from "../../src/core/sigma-level";
import { exportLayer } from "../../src/obsidian/layer-export";
import { askToOverwrite } from "../../src/ui/overwrite-modal";
import type AttackVaultPlugin from "../../src/main";
import { openModals, type App } from "../fakes/obsidian";
import { layerProblems } from "../schemas/navigator-layer";
import { EXAMPLE_VAULT } from "../support/paths";
import { openCoverage, settle, startPluginOnFolder } from "./plugin-harness";


describe("the API at app.plugins.plugins['attack-vault'].api", () => {
  test("coverage() gives the CLI's JSON shape and answers", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    const api = (app.plugins.plugins["attack-vault"] as unknown as AttackVaultPlugin).api;
    const cli = JSON.parse(runCli(["coverage", EXAMPLE_VAULT, "--json"]).stdout) as { techniques: unknown[]; totals: unknown };
    const fromApi = api.coverage();
    expect([fromApi.techniques, fromApi.totals]).toEqual([cli.techniques, cli.totals]);
    expect(api.ready).toBe(true);
  });

  test("coverage(filter) narrows like the panel", async () => {
    const { plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    const gaps = plugin.api.coverage({ status: "gaps" }).techniques;
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.filter((technique) => technique.status !== "no-rule" && technique.status !== "tests-no-rule")).toEqual([]);
  });

  test.each([["T1059.001"], ["t1059_001"], ["attack.t1059.001"]])("rulesFor(%s) lists the rules, most severe first", async (spelling) => {
    const { plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    const rules = plugin.api.rulesFor(spelling);
    expect(rules.map((rule) => rule.path).sort()).toEqual([...plugin.service.index.rulesFor("T1059.001")].sort());
    const ranks = rules.map((rule) => severityRank(rule.level));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  test("testsFor lists the atomic tests", async () => {
    const { plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    expect(plugin.api.testsFor("T1059.001").map((test) => test.path)).toEqual([...plugin.service.index.testsFor("T1059.001")]);
  });

  test.each([
    ["a good query", "tag:detection_rule tag:T1059_001", true],
    ["an unbalanced one", "tag:a (tag:b", false],
  ])("query() answers %s", async (_name, text, ok) => {
    const { plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    const answer = plugin.api.query(text);
    expect(answer.ok).toBe(ok);
    if (answer.ok) expect(answer.paths).toEqual(JSON.parse(runCli(["query", EXAMPLE_VAULT, text, "--json"]).stdout).results);
    else expect(answer.error).toEqual({ message: expect.stringContaining("line 1"), line: 1, column: expect.any(Number) });
  });

  test("coverageTable renders through Dataview's table with file links", async () => {
    const { plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    const calls: Array<{ headers: string[]; rows: unknown[][] }> = [];
    const dv = {
      fileLink: (path: string, _embed?: boolean, display?: string) => ({ path, display }),
      table: async (headers: string[], rows: unknown[][]) => void calls.push({ headers, rows }),
    } as unknown as DataviewInlineApi;
    await plugin.api.coverageTable(dv, { tactic: "Impact" });
    expect(calls[0]?.headers).toEqual(["Technique", "Status", "Rules", "Tests"]);
    expect(calls[0]?.rows.map((row) => (row[0] as { display: string }).display)).toEqual(["T1486 Data Encrypted for Impact", "T1490 Inhibit System Recovery"]);
  });
});

describe("exporting a Navigator layer from the plugin", () => {
  const layerFiles = (app: App) => app.vault.getFiles().filter((file) => file.path.startsWith("ATT&CK layers/"));

  test("the command writes a new, valid layer file and touches no note", async () => {
    const { app } = await startPluginOnFolder(EXAMPLE_VAULT);
    expect(app.commands.executeCommandById("attack-vault:export-navigator-layer")).toBe(true);
    await settle(app);
    const [file] = layerFiles(app);
    if (!file) throw new Error("no layer written");
    const layer = JSON.parse(await app.vault.read(file)) as Record<string, unknown>;
    expect(layerProblems(layer)).toEqual([]);
    expect(app.vault.writes.filter((write) => write.path.endsWith(".md"))).toEqual([]);
  });

  test.each([
    ["Keep both", ["ATT&CK layers/same 2.json", "ATT&CK layers/same.json"], "old"],
    ["Cancel", ["ATT&CK layers/same.json"], "old"],
    ["Overwrite", ["ATT&CK layers/same.json"], "new"],
  ])("an existing file is replaced only when asked: %s", async (button, expectedFiles, firstContent) => {
    const { app, plugin } = await startPluginOnFolder(EXAMPLE_VAULT);
    const date = "2026-01-01";
    const name = `ATT&CK layers/ATT&CK coverage ${date}.json`;
    await app.vault.createFolder("ATT&CK layers");
    await app.vault.create(name, "old");
    const done = exportLayer(app as never, { index: plugin.service.index, rollup: true, scoring: "count", filter: {}, date }, (path) => askToOverwrite(app as never, path));
    await settle(app);
    const modal = openModals.at(-1);
    const choice = Array.from(modal?.contentEl.querySelectorAll("button") ?? []).find((el) => el.textContent === button);
    choice?.click();
    await done;
    const paths = layerFiles(app).map((file) => file.path.replace(`ATT&CK coverage ${date}`, "same")).sort();
    expect(paths).toEqual(expectedFiles);
    const first = (await app.vault.read(app.vault.getFileByPath(name)!)) === "old" ? "old" : "new";
    expect(first).toBe(firstContent);
  });

  test("the panel's export button exports what the panel shows", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const select = harness.app.workspace.containerEl.querySelector<HTMLSelectElement>(".attack-vault-filter-platform");
    if (!select) throw new Error("no platform picker");
    select.value = "Linux";
    select.dispatchEvent(new Event("change"));
    harness.app.workspace.containerEl.querySelector<HTMLButtonElement>(".attack-vault-export")?.click();
    await settle(harness.app);
    const [file] = layerFiles(harness.app);
    const layer = JSON.parse(await harness.app.vault.read(file!)) as { filters?: { platforms: string[] } };
    expect(layer.filters?.platforms).toEqual(["Linux"]);
  });
});

describe("the panel beyond the vault's notes", () => {
  test("lists ATT&CK techniques the vault has no note for, folded until opened", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    await openCoverage(harness);
    const section = harness.app.workspace.containerEl.querySelector<HTMLDetailsElement>(".attack-vault-attack-section.is-missing");
    expect(section?.querySelector("summary")?.textContent).toMatch(/^ATT&CK v18\.1 techniques with no note in the vault \(\d+\)$/);
    expect(section?.querySelectorAll("li")).toHaveLength(0);
    section!.open = true;
    section!.dispatchEvent(new Event("toggle"));
    const items = Array.from(section!.querySelectorAll("li"), (li) => li.textContent ?? "");
    expect(items).toContainEqual(expect.stringMatching(/^T1001 Data Obfuscation/));
    expect(items.filter((text) => text.startsWith("T1059.001"))).toEqual([]);
  });
});

describe("IDs the vault only references", () => {
  test("are named from ATT&CK, with their rules", async () => {
    const harness = await startPluginOnFolder(EXAMPLE_VAULT);
    harness.app.vault.createNow("Detection Rules/unnoted.md", '---\ntitle: "Unnoted"\ntags: [t1001_001, detection_rule]\n---\n');
    await settle(harness.app);
    await openCoverage(harness);
    const section = harness.app.workspace.containerEl.querySelector<HTMLDetailsElement>(".attack-vault-attack-section.is-referenced");
    if (!section) throw new Error("no section for referenced IDs");
    section.open = true;
    section.dispatchEvent(new Event("toggle"));
    const item = Array.from(section.querySelectorAll("li")).find((li) => li.textContent?.startsWith("T1001.001"));
    expect(item?.textContent).toContain("Data Obfuscation: Junk Data");
    expect(item?.querySelector("a.internal-link")?.getAttribute("data-href")).toBe("Detection Rules/unnoted.md");
  });
});

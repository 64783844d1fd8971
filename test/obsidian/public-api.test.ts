/** @jest-environment jsdom */
/** The API at `app.plugins.plugins["attack-vault"].api`: over an index built in Node, and from the plugin in the fake app. */
import type { DataviewInlineApi } from "obsidian-dataview";
import { runCli } from "../../src/cli/main";
import type AttackVaultPlugin from "../../src/main";
import { severityRank } from "../../src/core/sigma-level";
import { blockItems, blockSubject } from "../../src/core/query-block-view";
import { DEFAULT_CONVENTIONS } from "../../src/core/note";
import { evaluateQuery } from "../../src/core/query/evaluate";
import { parseQuery } from "../../src/core/query/parse";
import { VaultIndex } from "../../src/core/vault-index";
import { createAttackVaultApi } from "../../src/obsidian/public-api";
import { record, rule } from "../core/note-records";
import { startPluginOnFolder } from "../plugin/plugin-harness";
import { EXAMPLE_VAULT } from "../support/paths";
import { openVault } from "../../src/cli/load-vault";

describe("rulesFor", () => {
  const index = new VaultIndex();
  for (const [file, title, level] of [["r10", "Rule 10", "high"], ["r2", "rule 2", "high"], ["r1", "Rule 1", "low"], ["z", "Zeta", "critical"], ["none", "Alpha", null]]) {
    index.upsert(rule(file ?? "", ["t1059_001"], { title, level }));
  }
  const api = createAttackVaultApi({ index, ready: true }, () => true);

  test("lists a technique's rules in the order its block shows them", () => {
    const query = parseQuery("tag:detection_rule tag:T1059_001");
    if (!query.ok) throw new Error(query.error.message);
    const block = blockItems(evaluateQuery(query.value, index), index, blockSubject(query.value, DEFAULT_CONVENTIONS)).map((item) => item.title);
    expect(api.rulesFor("t1059.001").map((summary) => summary.title)).toEqual(block);
  });

  test("that order is most severe first, numbers in titles by value", () => {
    expect(api.rulesFor("T1059.001").map((summary) => summary.title)).toEqual(["Zeta", "rule 2", "Rule 10", "Rule 1", "Alpha"]);
  });
});

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

describe("threat profiles through the API", () => {
  const exampleApi = () => {
    const vault = openVault({ command: "coverage", positionals: [EXAMPLE_VAULT], flags: new Map() });
    return { index: vault.index, api: createAttackVaultApi({ index: vault.index, ready: true }, () => vault.settings.rollUpSubTechniques) };
  };
  const cliJson = (...args: string[]) => JSON.parse(runCli(["coverage", EXAMPLE_VAULT, "--json", ...args]).stdout) as Record<string, unknown>;

  test.each([["T1027"], ["t1027"], ["attack.t1027"]])("profilesFor(%s) names the profiles listing it, by name", (spelling) => {
    expect(exampleApi().api.profilesFor(spelling).map((profile) => [profile.name, profile.attackId, profile.kind])).toEqual([
      ["APT29", "G0016", "group"],
      ["Our threat model", null, "custom"],
    ]);
  });

  test("profilesFor carries the aliases as Obsidian reads them", () => {
    expect(exampleApi().api.profilesFor("T1059.001").map((profile) => profile.aliases)).toEqual([["Cozy Bear"], ["Threat model 2026"]]);
  });

  test.each([["G0016"], [["G0016", "Our threat model"]]])("coverage({ profile: %j }) is the CLI's --profile", (profile) => {
    const args = (Array.isArray(profile) ? profile : [profile]).flatMap((name) => ["--profile", name]);
    const cli = cliJson(...args);
    const fromApi = exampleApi().api.coverage({ profile });
    expect([fromApi.techniques, fromApi.totals, fromApi.profiles]).toEqual([cli.techniques, cli.totals, cli.profiles]);
  });

  test("coverage() with a profile no note has throws, naming it", () => {
    expect(() => exampleApi().api.coverage({ profile: "APT28" })).toThrow('No threat profile in this vault has the name, ATT&CK ID or alias "APT28"');
  });

  test("topGaps(n) is the CLI's --top-gaps", () => {
    expect(exampleApi().api.topGaps(4)).toEqual(cliJson("--top-gaps", "4").topGaps);
  });

  test("answers follow an edited profile", () => {
    const { index, api } = exampleApi();
    index.upsert(record("Threat Profiles/Our threat model.md", { tags: ["threat_profile"], techniques: ["T1572"] }));
    expect(api.profilesFor("T1027").map((profile) => profile.name)).toEqual(["APT29"]);
    expect(api.profilesFor("T1572").map((profile) => profile.name)).toEqual(["APT29", "Our threat model"]);
  });
});

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
import { rule } from "../core/note-records";
import { startPluginOnFolder } from "../plugin/plugin-harness";
import { EXAMPLE_VAULT } from "../support/paths";

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

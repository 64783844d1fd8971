/** @jest-environment jsdom */
/**
 * The rollup setting decides a technique's counted rules, tests and status once, on the coverage
 * row; the panel, the Navigator layer, the API and the CLI's text, Markdown and JSON all read them
 * there. Toggled on and off, the six agree with each other and with the row, technique by technique.
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataviewInlineApi } from "obsidian-dataview";
import { runCli } from "../../src/cli/main";
import { computeCoverage, isGap, type CoverageReport, type CoverageStatus } from "../../src/core/coverage";
import { COVERAGE_VIEW_TYPE } from "../../src/ui/coverage-view";
import { EXAMPLE_VAULT } from "../support/paths";
import { openCoverage, settle, startPluginOnFolder, type Harness } from "./plugin-harness";

/** What a consumer shows of one technique; a consumer leaves out what it does not show. */
interface Shown {
  gap: boolean;
  status?: CoverageStatus;
  rules?: number;
  tests?: number;
}

interface Consumer {
  withRule: number;
  techniques: Map<string, Shown>;
}

/** A copy of the example vault whose saved plugin settings say `rollUpSubTechniques`, for the CLI. */
function vaultWithSetting(rollUp: boolean): string {
  const dir = join(mkdtempSync(join(tmpdir(), "attack-vault-rollup-")), "example-vault");
  cpSync(EXAMPLE_VAULT, dir, { recursive: true });
  writeFileSync(join(dir, ".obsidian/plugins/attack-vault/data.json"), JSON.stringify({ excludedFolders: ["Templates"], rollUpSubTechniques: rollUp }));
  return dir;
}

function panelConsumer(harness: Harness): Consumer {
  const panel = (harness.app.workspace.getLeavesOfType(COVERAGE_VIEW_TYPE)[0]?.view as unknown as { contentEl: HTMLElement }).contentEl;
  const techniques = new Map<string, Shown>();
  for (const row of Array.from(panel.querySelectorAll<HTMLElement>(".attack-vault-technique"))) {
    const status = /attack-vault-status-([a-z-]+)/.exec(row.querySelector(".attack-vault-status")?.className ?? "")?.[1] as CoverageStatus;
    const [, rules, tests] = /^(\d+) rules? · (\d+) tests?/.exec(row.querySelector(".attack-vault-technique-counts")?.textContent ?? "") ?? [];
    techniques.set(row.dataset.technique ?? "", { gap: isGap(status), status, rules: Number(rules), tests: Number(tests) });
  }
  const summary = panel.querySelector(".attack-vault-summary-row.is-overall .attack-vault-summary-rules")?.textContent ?? "";
  return { withRule: Number(/^(\d+) \([\d.]+%\) with a detection rule/.exec(summary)?.[1]), techniques };
}

async function layerConsumer(harness: Harness): Promise<Consumer> {
  const path = await harness.plugin.exportLayer({});
  const layer = JSON.parse(await harness.app.vault.read(harness.app.vault.getFileByPath(path ?? "")!)) as {
    description: string;
    techniques: Array<{ techniqueID: string; metadata: Array<{ name: string; value: string }> }>;
  };
  const techniques = new Map<string, Shown>();
  for (const entry of layer.techniques) {
    const meta = new Map(entry.metadata.map((item) => [item.name, item.value]));
    if (!meta.has("note")) continue; // ATT&CK techniques without a note are not rows
    const status = meta.get("status") as CoverageStatus;
    techniques.set(entry.techniqueID, { gap: isGap(status), status, rules: Number(meta.get("rules")), tests: Number(meta.get("tests")) });
  }
  return { withRule: Number(/: (\d+) of \d+ technique notes have a rule/.exec(layer.description)?.[1]), techniques };
}

async function apiConsumers(harness: Harness): Promise<{ api: Consumer; table: Consumer }> {
  const coverage = harness.plugin.api.coverage();
  const api = new Map(coverage.techniques.map((t) => [t.id, { gap: isGap(t.status), status: t.status, rules: t.rules.length, tests: t.tests.length }]));
  let tableRows: unknown[][] = [];
  const dv = { fileLink: (path: string, _embed?: boolean, display?: string) => ({ path, display }), table: async (_headers: string[], rows: unknown[][]) => void (tableRows = rows) };
  await harness.plugin.api.coverageTable(dv as unknown as DataviewInlineApi);
  const table = new Map(
    tableRows.map(([link, status, rules, tests]) => [
      /^(T[\d.]+) /.exec((link as { display: string }).display)?.[1] ?? "",
      { gap: isGap(status as CoverageStatus), status: status as CoverageStatus, rules: rules as number, tests: tests as number },
    ]),
  );
  return { api: { withRule: coverage.totals.withRule, techniques: api }, table: { withRule: coverage.totals.withRule, techniques: table } };
}

/** The text and Markdown reports show the totals and list the gaps; every other technique is covered. */
function reportConsumer(output: string, ids: readonly string[], gapLine: (id: string) => RegExp, withRule: RegExp): Consumer {
  const techniques = new Map(ids.map((id) => [id, { gap: gapLine(id).test(output) }]));
  return { withRule: Number(withRule.exec(output)?.[1]), techniques };
}

function cliConsumers(vault: string, ids: readonly string[]): Record<"text" | "markdown" | "json", Consumer> {
  const escaped = (id: string): string => id.replace(".", "\\.");
  const text = runCli(["coverage", vault]).stdout;
  const markdown = runCli(["coverage", vault, "--format", "markdown"]).stdout;
  const json = JSON.parse(runCli(["coverage", vault, "--json"]).stdout) as ReturnType<Harness["plugin"]["api"]["coverage"]>;
  return {
    text: reportConsumer(text, ids, (id) => new RegExp(`^  ${escaped(id)} `, "m"), / · (\d+) \([\d.]+%\) with a detection rule/),
    markdown: reportConsumer(markdown, ids, (id) => new RegExp(`^- \\*\\*${escaped(id)}\\*\\* `, "m"), / · (\d+) \([\d.]+%\) with a detection rule/),
    json: {
      withRule: json.totals.withRule,
      techniques: new Map(json.techniques.map((t) => [t.id, { gap: isGap(t.status), status: t.status, rules: t.rules.length, tests: t.tests.length }])),
    },
  };
}

/** The row's counted fields, cut down to what the consumer shows. */
function expectedFor(report: CoverageReport, consumer: Consumer): Consumer {
  const rows = new Map(report.rows.map((row) => [row.id, row]));
  const techniques = new Map<string, Shown>();
  for (const [id, shown] of consumer.techniques) {
    const row = rows.get(id);
    if (!row) continue;
    const full: Shown = { gap: isGap(row.status), status: row.status, rules: row.rules.length, tests: row.tests.length };
    techniques.set(id, Object.fromEntries(Object.keys(shown).map((key) => [key, full[key as keyof Shown]])) as unknown as Shown);
  }
  return { withRule: report.overall.withRule, techniques };
}

describe.each([true, false])("with Roll up sub-techniques %s", (rollUp) => {
  let harness: Harness;
  let consumers: Record<string, Consumer>;
  let report: CoverageReport;

  beforeAll(async () => {
    harness = await startPluginOnFolder(EXAMPLE_VAULT);
    // Toggled from the other value, as a person does in the settings tab.
    await harness.plugin.updateSettings({ rollUpSubTechniques: !rollUp });
    await settle(harness.app);
    await harness.plugin.updateSettings({ rollUpSubTechniques: rollUp });
    await openCoverage(harness);
    report = computeCoverage(harness.plugin.service.index, { rollup: rollUp });
    const ids = report.rows.map((row) => row.id);
    consumers = { panel: panelConsumer(harness), layer: await layerConsumer(harness), ...(await apiConsumers(harness)), ...cliConsumers(vaultWithSetting(rollUp), ids) };
  });

  test.each(["panel", "layer", "api", "table", "text", "markdown", "json"])("the %s shows every technique's counted rules, tests and status, and the total", (name) => {
    const consumer = consumers[name]!;
    expect(consumer.techniques.size).toBeGreaterThan(10);
    expect(consumer).toEqual(expectedFor(report, consumer));
  });

  test("T1059, covered only through its sub-techniques, is a gap in all of them exactly when the setting is off", () => {
    const { index } = harness.plugin.service;
    // Counted straight from the index: the rules that name a T1059 sub-technique.
    const subRules = new Set(["T1059.001", "T1059.003", "T1059.004"].flatMap((id) => [...index.rulesFor(id)]));
    expect([index.rulesFor("T1059").size, subRules.size > 0]).toEqual([0, true]);
    const shown = Object.fromEntries(Object.entries(consumers).map(([name, consumer]) => [name, consumer.techniques.get("T1059")?.gap]));
    expect(shown).toEqual(Object.fromEntries(Object.keys(consumers).map((name) => [name, !rollUp])));
    expect(consumers.panel?.techniques.get("T1059")?.rules).toBe(rollUp ? subRules.size : 0);
  });
});

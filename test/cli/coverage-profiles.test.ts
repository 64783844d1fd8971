/** `coverage --profile` and `coverage --top-gaps` on the example vault's two hand-written profiles. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openVault } from "../../src/cli/load-vault";
import { runCli } from "../../src/cli/main";
import { EXAMPLE_VAULT } from "../support/paths";

interface CoverageJson {
  techniques: Array<{ id: string }>;
  totals: { techniques: number; withRule: number; gaps: number };
  profiles?: { asked: string[]; matched: Array<{ name: string; attackId: string | null }>; totals: { techniques: number }; withoutNote: string[] };
  topGaps?: { total: number; profilesInVault: number; gaps: Array<{ id: string; note: string | null; profiles: Array<{ name: string }> }> };
  gate?: { passed: boolean; techniques: number };
}

const json = (...args: string[]): CoverageJson => JSON.parse(runCli(["coverage", EXAMPLE_VAULT, "--json", ...args]).stdout) as CoverageJson;
const vault = openVault({ command: "coverage", positionals: [EXAMPLE_VAULT], flags: new Map() });
/** The techniques a profile note lists that have technique notes, read here from the index's own maps. */
const listedWithNotes = (path: string): string[] => (vault.index.get(path)?.techniqueIds ?? []).filter((id) => vault.index.techniqueNotesFor(id).size > 0).sort();

describe("coverage --profile", () => {
  test.each([["G0016"], ["APT29"], ["cozy bear"], ["Threat Profiles/G0016 - APT29.md"]])("%s keeps exactly APT29's techniques that have notes", (name) => {
    const report = json("--profile", name);
    expect(report.techniques.map((technique) => technique.id).sort()).toEqual(listedWithNotes("Threat Profiles/G0016 - APT29.md"));
    expect(report.profiles?.matched).toEqual([expect.objectContaining({ name: "APT29", attackId: "G0016" })]);
  });

  test("repeated, it covers the union", () => {
    const union = [...new Set([...listedWithNotes("Threat Profiles/G0016 - APT29.md"), ...listedWithNotes("Threat Profiles/Our threat model.md")])].sort();
    const report = json("--profile", "G0016", "--profile", "Our threat model");
    expect(report.techniques.map((technique) => technique.id).sort()).toEqual(union);
    expect(report.profiles?.asked).toEqual(["G0016", "Our threat model"]);
    expect(report.profiles?.withoutNote).toEqual(["T1583.001"]);
  });

  test("the text report says the profile's summary under its title", () => {
    const { stdout } = runCli(["coverage", EXAMPLE_VAULT, "--profile", "G0016"]);
    expect(stdout.split("\n")[1]).toBe("Threat profile APT29: 12 techniques, 7 with rules (58.3%), 5 gaps");
  });

  test("the Markdown report says it too", () => {
    const { stdout } = runCli(["coverage", EXAMPLE_VAULT, "--profile", "Our threat model", "--format", "markdown"]);
    expect(stdout).toContain("**Threat profile Our threat model: 11 techniques, 9 with rules (81.8%), 2 gaps; 1 more technique has no note in the vault**");
  });

  test.each([
    ["80 passes at 82%", "80", 0],
    ["90 fails", "90", 3],
  ])("--fail-under gates on the profile alone: %s", (_name, bar, code) => {
    const run = runCli(["coverage", EXAMPLE_VAULT, "--profile", "Our threat model", "--fail-under", bar]);
    expect(run.exitCode).toBe(code);
    expect(run.stderr.join("\n")).toContain("9 of 11 techniques");
  });

  test("combines with --platform and --tactic", () => {
    const report = json("--profile", "G0016", "--tactic", "Discovery");
    expect(report.techniques.map((technique) => technique.id)).toEqual(["T1018"]);
    expect(report.profiles?.totals.techniques).toBe(12);
  });

  test("a layer made with a profile names it and scores only its techniques", () => {
    const dir = mkdtempSync(join(tmpdir(), "attack-vault-profile-layer-"));
    try {
      const file = join(dir, "apt29.json");
      expect(runCli(["coverage", EXAMPLE_VAULT, "--profile", "G0016", "--navigator", file]).exitCode).toBe(0);
      const layer = JSON.parse(readFileSync(file, "utf8")) as { name: string; description: string; techniques: Array<{ techniqueID: string }> };
      expect(layer.name).toContain("threat profile APT29 (G0016)");
      expect(layer.description).toContain("APT29: 12 techniques");
      expect([...new Set(layer.techniques.map((entry) => entry.techniqueID))].sort()).toEqual(listedWithNotes("Threat Profiles/G0016 - APT29.md"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    ["a name no profile has, with the close ones", ["--profile", "APT2"], /--profile APT2 names no threat profile of the vault's 2 .*close to it: APT29 \(G0016\)/],
    ["a vault without profiles, pointing to the importer", ["--profile", "G0016", "--profile-tag", "adversary"], /the vault has no threat profiles \(notes tagged #adversary\); `attack-vault import-actors <vault>`/],
  ])("refuses %s (exit 2)", (_name, args, message) => {
    const run = runCli(["coverage", EXAMPLE_VAULT, ...args]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.join("\n")).toMatch(message);
  });
});

describe("coverage --top-gaps", () => {
  test("ranks the gaps the most profiles list, with their names", () => {
    const ranking = json("--top-gaps", "3").topGaps;
    expect(ranking?.profilesInVault).toBe(2);
    expect(ranking?.gaps.map((gap) => [gap.id, gap.profiles.map((profile) => profile.name)])).toEqual([
      ["T1027", ["APT29", "Our threat model"]],
      ["T1018", ["APT29"]],
      ["T1041", ["APT29"]],
    ]);
    expect(ranking?.total).toBe(7);
  });

  test("as text", () => {
    const { stdout } = runCli(["coverage", EXAMPLE_VAULT, "--top-gaps", "2"]);
    expect(stdout).toContain(
      [
        "Top gaps: 2 of the 7 techniques with no detection rule that the vault's 2 threat profiles list, most listed first:",
        "  1  T1027  Obfuscated Files or Information — 2 profiles: APT29 and Our threat model",
        "  2  T1018  Remote System Discovery (has tests) — 1 profile: APT29",
      ].join("\n"),
    );
  });

  test("as Markdown", () => {
    const { stdout } = runCli(["coverage", EXAMPLE_VAULT, "--top-gaps", "1", "--format", "markdown"]);
    expect(stdout).toContain("| 1 | **T1027** Obfuscated Files or Information | 2 | APT29 and Our threat model |");
  });

  test("a technique the vault has no note for is ranked too, said so", () => {
    const gap = json("--top-gaps", "10").topGaps?.gaps.find((entry) => entry.id === "T1583.001");
    expect(gap).toMatchObject({ note: null, profiles: [{ name: "Our threat model" }] });
    expect(runCli(["coverage", EXAMPLE_VAULT, "--top-gaps", "10"]).stdout).toContain("T1583.001  Acquire Infrastructure: Domains (no note in the vault) — 1 profile: Our threat model");
  });

  test("with a profile, within its techniques", () => {
    const ranking = json("--top-gaps", "10", "--profile", "Our threat model").topGaps;
    expect(ranking?.gaps.map((gap) => gap.id)).toEqual(["T1027", "T1562.001", "T1583.001"]);
  });

  test("a vault without profiles says so instead of an empty list", () => {
    const { stdout } = runCli(["coverage", EXAMPLE_VAULT, "--top-gaps", "5", "--profile-tag", "adversary"]);
    expect(stdout).toContain("Top gaps: the vault has no threat profiles (notes tagged #adversary)");
  });

  test.each([["0"], ["-3"], ["ten"], ["2.5"]])("refuses --top-gaps %s", (value) => {
    const run = runCli(["coverage", EXAMPLE_VAULT, "--top-gaps", value]);
    expect([run.exitCode, run.stderr.join("")]).toEqual([2, expect.stringContaining("--top-gaps takes how many gaps to rank")]);
  });
});

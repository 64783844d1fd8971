/**
 * The CLI never writes a vault: every file of the hostile vault and of the example vault hashes the
 * same before and after every command. The one option that writes a file, --navigator, will not
 * overwrite an existing file (a note of the vault least of all) without --force.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildHostileVault, hashFolder, removeVault } from "../fixtures/hostile-vault";
import { cliBundle } from "../support/build-cli";
import { EXAMPLE_VAULT } from "../support/paths";
import { T1490_NOTE } from "./expected-answers";

const hostileVault = buildHostileVault({ hostile: true });
const outDir = mkdtempSync(join(tmpdir(), "attack-vault-out-"));
afterAll(() => {
  removeVault(hostileVault);
  rmSync(outDir, { recursive: true, force: true });
});

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cliBundle(), ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every command and output form, as a user or CI would run them; `{vault}` and `{out}` are filled in. */
const EVERY_COMMAND: string[][] = [
  ["coverage", "{vault}"],
  ["coverage", "{vault}", "--json"],
  ["coverage", "{vault}", "--format", "markdown", "--attack"],
  ["coverage", "{vault}", "--no-rollup", "--tactic", "Impact", "--platform", "Windows"],
  ["coverage", "{vault}", "--navigator", "{out}/layer.json", "--score", "level"],
  ["coverage", "{vault}", "--baseline", "{out}/layer.json", "--fail-under", "90"],
  ["coverage", "{vault}", "--navigator", "{out}/layer.json", "--force"],
  ["blocks", "{vault}"],
  ["blocks", "{vault}", "--json"],
  ["query", "{vault}", "tag:detection_rule", "--json"],
  ["query", "{vault}", "[level:high] OR -tag:techniques"],
  ["query", "{vault}", "content:x"],
  ["coverage", "{vault}", "--rule-tag", "techniques", "--technique-tag", "detection_rule"],
];

describe.each([
  ["the hostile vault", hostileVault],
  ["the example vault", EXAMPLE_VAULT],
])("no command writes to %s", (_name, vault) => {
  test("every file hashes the same after every command", () => {
    const out = mkdtempSync(join(outDir, "run-"));
    const before = hashFolder(vault);
    const codes = EVERY_COMMAND.map((args) => run(...args.map((arg) => arg.replace("{vault}", vault).replace("{out}", out))).code);
    expect({ hashes: hashFolder(vault), ranEvery: codes.every((code) => code !== null && code !== 70) }).toEqual({ hashes: before, ranEvery: true });
  });
});

describe("--navigator refuses to overwrite without --force", () => {
  test("a new file is written", () => {
    const file = join(outDir, "new-layer.json");
    expect(run("coverage", hostileVault, "--navigator", file).code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveProperty("techniques");
  });

  test("an existing file is left as it was, with a one-line refusal and exit 2", () => {
    const file = join(outDir, "existing.json");
    writeFileSync(file, "keep me");
    const result = run("coverage", hostileVault, "--navigator", file);
    expect({ code: result.code, stderr: result.stderr.trim(), content: readFileSync(file, "utf8") }).toEqual({
      code: 2,
      stderr: `attack-vault: ${file} already exists; pass --force to overwrite it`,
      content: "keep me",
    });
  });

  test("a note of the vault is never overwritten without --force", () => {
    const note = join(hostileVault, T1490_NOTE);
    const before = readFileSync(note);
    expect(run("coverage", hostileVault, "--navigator", note).code).toBe(2);
    expect(readFileSync(note)).toEqual(before);
  });

  test("--force overwrites an existing file with the layer", () => {
    const file = join(outDir, "forced.json");
    writeFileSync(file, "old");
    expect(run("coverage", hostileVault, "--navigator", file, "--force").code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveProperty("techniques");
  });

});

/**
 * `attack-vault import-actors` on copies of the example vault with a small ATT&CK written at test
 * time: what it writes, that a rerun changes nothing and an edited note survives, and the hostile
 * cases of a command that writes into a vault (paths out of the folder, files it did not write,
 * links, a read-only folder, a full disk, a crash half-way).
 */
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import * as nodeFs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importActorsRun } from "../../src/cli/import-actors";
import { runCli } from "../../src/cli/main";
import type { WriterFs } from "../../src/cli/vault-writer";
import { EXAMPLE_VAULT } from "../support/paths";
import { stixFixture, writeStixFolder } from "../support/stix-fixture";

const scratch = mkdtempSync(join(tmpdir(), "attack-vault-import-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const stix = writeStixFolder(join(scratch, "stix"));
let vaults = 0;

/** A fresh copy of the example vault. */
function vaultCopy(): string {
  const dir = join(scratch, `vault-${++vaults}`);
  cpSync(EXAMPLE_VAULT, dir, { recursive: true });
  return dir;
}

const importInto = (vault: string, ...args: string[]) => runCli(["import-actors", vault, "--attack", stix, ...args]);
const FOLDER = "Threat Profiles";

/** Every file under a folder, by relative path, with its bytes as text. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else files[path] = entry.isSymbolicLink() ? `-> link` : readFileSync(join(dir, path), "utf8");
    }
  };
  if (existsSync(dir)) walk("");
  return files;
}

const written = (vault: string): string[] => Object.keys(snapshot(join(vault, FOLDER))).sort();
const NEW_NOTES = [
  "C0024 - SolarWinds Compromise.md",
  "G0046 - FIN7.md",
  "G0099 - _.._.._etc_passwd- _evil_____x_.md",
  "S0002 - Mimikatz.md",
  "S0154 - Cobalt Strike.md",
];
// The example vault's own hand-written G0016 profile is the user's: never written, never duplicated.
const HAND_WRITTEN = ["G0016 - APT29.md", "Our threat model.md"];

describe("import-actors", () => {
  test("writes one profile per live group, campaign and software, and leaves the vault's own G0016 alone", () => {
    const vault = vaultCopy();
    const run = importInto(vault);
    expect(run.exitCode).toBe(0);
    expect(written(vault)).toEqual([...NEW_NOTES, ...HAND_WRITTEN].sort());
    expect(run.stdout).toContain("created: 5 · updated: 0 · unchanged: 0 · left alone: 1");
    expect(run.stdout).toContain("  left alone  Threat Profiles/G0016 - APT29.md  (import-actors did not write it)");
    expect(readFileSync(join(vault, FOLDER, "G0016 - APT29.md"), "utf8")).toBe(readFileSync(join(EXAMPLE_VAULT, FOLDER, "G0016 - APT29.md"), "utf8"));
  });

  test("a second run changes nothing, byte for byte", () => {
    const vault = vaultCopy();
    importInto(vault);
    const first = snapshot(vault);
    const again = importInto(vault);
    expect(again.stdout).toContain("created: 0 · updated: 0 · unchanged: 5 · left alone: 1");
    expect(snapshot(vault)).toEqual(first);
  });

  test("the same inputs write the same bytes in another vault", () => {
    const [a, b] = [vaultCopy(), vaultCopy()];
    importInto(a);
    importInto(b);
    expect(snapshot(join(a, FOLDER))).toEqual(snapshot(join(b, FOLDER)));
  });

  test("a hand-edited profile survives a rerun on new data; its unedited neighbours are updated", () => {
    const vault = vaultCopy();
    importInto(vault);
    const fin7 = join(vault, FOLDER, "G0046 - FIN7.md");
    const edited = readFileSync(fin7, "utf8").replace("# FIN7", "# FIN7\n\nOur notes: seen in March.");
    writeFileSync(fin7, edited);
    const changed = stixFixture().objects.map((object) => (object.type === "tool" ? { ...object, name: `${String(object.name)} Tool` } : object));
    const newData = writeStixFolder(join(scratch, `stix-changed-${vaults}`), changed);
    const run = runCli(["import-actors", vault, "--attack", newData]);
    expect(run.stdout).toContain("  left alone  Threat Profiles/G0046 - FIN7.md  (it was edited since import-actors wrote it)");
    expect(readFileSync(fin7, "utf8")).toBe(edited);
    // G0016 is the vault's own; C0024 does not name the tool: neither changes. The tool's profile keeps its path and is updated.
    expect(run.stdout).toContain("updated: 1");
    expect(readFileSync(join(vault, FOLDER, "S0002 - Mimikatz.md"), "utf8")).toContain("name: Mimikatz Tool");
  });

  test("--dry-run lists what it would create, update and leave alone, and writes nothing", () => {
    const vault = vaultCopy();
    rmSync(join(vault, FOLDER), { recursive: true });
    writeFileSync(join(vault, "Threat notes.md"), "mine");
    const before = snapshot(vault);
    const run = importInto(vault, "--dry-run", "--folder", "New Profiles");
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split("\n").filter((line) => line.startsWith("  "))).toEqual([...NEW_NOTES, "G0016 - APT29.md"].sort().map((name) => `  would create  New Profiles/${name}`));
    expect(snapshot(vault)).toEqual(before);
  });

  test("--only writes those actors alone", () => {
    const vault = vaultCopy();
    expect(importInto(vault, "--only", "c0024, S0154").exitCode).toBe(0);
    expect(written(vault)).toEqual(["C0024 - SolarWinds Compromise.md", "S0154 - Cobalt Strike.md", ...HAND_WRITTEN].sort());
  });

  test.each([
    ["an ID the data does not hold", ["--only", "G0016,G0777"], "--only G0777: is not in the ATT&CK data, or revoked or deprecated there"],
    ["a revoked group", ["--only", "G0001"], "--only G0001: is not in the ATT&CK data, or revoked or deprecated there"],
    ["what is no ATT&CK ID", ["--only", "APT29"], "--only takes ATT&CK IDs of groups, campaigns or software"],
    ["no ATT&CK data", ["--attack", "/nonexistent/attack"], "no ATT&CK data at /nonexistent/attack; give --attack DIR"],
  ])("refuses %s (exit 2), writing nothing", (_name, args, message) => {
    const vault = vaultCopy();
    const before = snapshot(vault);
    const run = runCli(["import-actors", vault, ...(args.includes("--attack") ? [] : ["--attack", stix]), ...args]);
    expect([run.exitCode, run.stderr.join("\n")]).toEqual([2, expect.stringContaining(message)]);
    expect(snapshot(vault)).toEqual(before);
  });
});

describe("import-actors against hostile input", () => {
  test.each([
    ["a way out of the vault", "../outside", "leads out of the vault"],
    ["a way out past a real folder", "Threat Profiles/../../outside", "leads out of the vault"],
    ["an absolute path", "/tmp/attack-vault-elsewhere", "is an absolute path"],
    ["a hidden folder", ".obsidian/profiles", "is hidden (.obsidian)"],
    ["no folder at all", "./.", "names no folder"],
  ])("--folder with %s is refused, and nothing is written anywhere", (_name, folder, message) => {
    const vault = vaultCopy();
    const before = snapshot(scratch);
    const run = importInto(vault, "--folder", folder);
    expect([run.exitCode, run.stderr.join("\n")]).toEqual([2, expect.stringContaining(message)]);
    expect(snapshot(scratch)).toEqual(before);
  });

  test("a folder that is a link out of the vault is refused", () => {
    const vault = vaultCopy();
    const outside = join(scratch, `outside-${vaults}`);
    mkdirSync(outside);
    symlinkSync(outside, join(vault, "Linked"));
    const run = importInto(vault, "--folder", "Linked");
    expect([run.exitCode, run.stderr.join("\n")]).toEqual([2, expect.stringContaining("Linked is a symbolic link")]);
    expect(readdirSync(outside)).toEqual([]);
  });

  test("an actor's name that would be a path becomes a file name inside the folder", () => {
    const vault = vaultCopy();
    importInto(vault);
    expect(existsSync(join(vault, FOLDER, "G0099 - _.._.._etc_passwd- _evil_____x_.md"))).toBe(true);
    expect(existsSync(join(vault, "etc"))).toBe(false);
  });

  test("files it did not write, links and folders at its paths are left alone, and so is what a link points to", () => {
    const vault = vaultCopy();
    const folder = join(vault, FOLDER);
    const target = join(scratch, `linked-target-${vaults}.md`);
    writeFileSync(target, "outside the vault");
    writeFileSync(join(folder, "G0046 - FIN7.md"), "---\nname: FIN7\n---\nMy own FIN7 note.");
    symlinkSync(target, join(folder, "S0002 - Mimikatz.md"));
    mkdirSync(join(folder, "S0154 - Cobalt Strike.md"));
    const run = importInto(vault);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("  left alone  Threat Profiles/G0046 - FIN7.md  (import-actors did not write it)");
    expect(run.stdout).toContain("  left alone  Threat Profiles/S0002 - Mimikatz.md  (it is a symbolic link)");
    expect(run.stdout).toContain("  left alone  Threat Profiles/S0154 - Cobalt Strike.md  (it is not a regular file)");
    expect(readFileSync(join(folder, "G0046 - FIN7.md"), "utf8")).toBe("---\nname: FIN7\n---\nMy own FIN7 note.");
    expect(readFileSync(target, "utf8")).toBe("outside the vault");
    expect(lstatSync(join(folder, "S0002 - Mimikatz.md")).isSymbolicLink()).toBe(true);
  });

  test("a note carrying a forged hash line is not the importer's", () => {
    const vault = vaultCopy();
    const path = join(vault, FOLDER, "G0046 - FIN7.md");
    writeFileSync(path, `---\nattack_vault_hash: ${"0".repeat(64)}\n---\nnot ours`);
    expect(importInto(vault).stdout).toContain("  left alone  Threat Profiles/G0046 - FIN7.md  (it was edited since import-actors wrote it)");
    expect(readFileSync(path, "utf8")).toBe(`---\nattack_vault_hash: ${"0".repeat(64)}\n---\nnot ours`);
  });

  test("a full disk half-way: the notes written are whole, the rest are reported (exit 74), no temporary is left, and a rerun completes the job", () => {
    const vault = vaultCopy();
    let writes = 0;
    const fullAfterTwo: WriterFs = {
      ...nodeFs,
      writeSync: ((fd: number, data: string) => {
        if (++writes > 2) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        return nodeFs.writeSync(fd, data);
      }) as WriterFs["writeSync"],
    };
    const run = importActorsRun({ command: "import-actors", positionals: [vault], flags: new Map([["attack", stix]]) }, fullAfterTwo);
    expect(run.exitCode).toBe(74);
    expect(run.stderr.filter((line) => line.endsWith("could not be written: the disk is full"))).toHaveLength(3);
    expect(written(vault).filter((name) => !name.startsWith("."))).toHaveLength(2 + HAND_WRITTEN.length);
    expect(written(vault).filter((name) => name.startsWith("."))).toEqual([]);
    const clean = vaultCopy();
    importInto(clean);
    expect(importInto(vault).exitCode).toBe(0);
    expect(snapshot(join(vault, FOLDER))).toEqual(snapshot(join(clean, FOLDER)));
  });

  test("a crash half-way: temporaries it left are removed, and the rerun is what a clean run writes", () => {
    const vault = vaultCopy();
    importInto(vault, "--only", "G0046");
    // What a process killed between writing a temporary and renaming it leaves behind.
    writeFileSync(join(vault, FOLDER, ".attack-vault-import-4242-0.tmp"), "---\nname: half\n");
    const run = importInto(vault);
    expect(run.stdout).toContain("removed 1 temporary file an interrupted run left");
    const clean = vaultCopy();
    importInto(clean);
    expect(snapshot(join(vault, FOLDER))).toEqual(snapshot(join(clean, FOLDER)));
  });

  test("a read-only folder: nothing is written, each note is reported (exit 74), and the vault is as it was", () => {
    const vault = vaultCopy();
    const readOnly: WriterFs = {
      ...nodeFs,
      openSync: ((path: nodeFs.PathLike, flags?: nodeFs.OpenMode, mode?: nodeFs.Mode) => {
        if (String(flags) === "wx") throw Object.assign(new Error("EACCES: permission denied, open"), { code: "EACCES" });
        return nodeFs.openSync(path, flags ?? "r", mode);
      }) as WriterFs["openSync"],
    };
    const before = snapshot(vault);
    const run = importActorsRun({ command: "import-actors", positionals: [vault], flags: new Map([["attack", stix]]) }, readOnly);
    expect(run.exitCode).toBe(74);
    expect(run.stderr.filter((line) => line.endsWith("could not be written: permission denied"))).toHaveLength(NEW_NOTES.length);
    expect(snapshot(vault)).toEqual(before);
  });
});

/**
 * The writer behind import-actors, against a real file system: a folder that really is read-only,
 * and a process killed with SIGKILL in the middle of a run, after which a rerun must be correct.
 */
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importFolder, NoteWriter, noteState } from "../../src/cli/vault-writer";
import { cliBundle, runCliProcess } from "../support/build-cli";
import { EXAMPLE_VAULT, testWhen } from "../support/paths";
import { stixFixture, writeStixFolder } from "../support/stix-fixture";

const scratch = mkdtempSync(join(tmpdir(), "attack-vault-writer-"));
afterAll(() => {
  for (const undo of undoReadOnly.splice(0).reverse()) undo();
  rmSync(scratch, { recursive: true, force: true });
});

const undoReadOnly: Array<() => void> = [];

/** Makes a folder read-only for this process: chmod, and for root (whom chmod does not stop) chattr +i where the system has it. Null when neither holds. */
function makeReadOnly(dir: string): boolean {
  const denied = (): boolean => {
    try {
      writeFileSync(join(dir, ".probe"), "x");
      rmSync(join(dir, ".probe"));
      return false;
    } catch {
      return true;
    }
  };
  chmodSync(dir, 0o555);
  undoReadOnly.push(() => chmodSync(dir, 0o755));
  if (denied()) return true;
  try {
    execFileSync("chattr", ["+i", dir], { stdio: "ignore" });
    undoReadOnly.push(() => execFileSync("chattr", ["-i", dir], { stdio: "ignore" }));
  } catch {
    return false;
  }
  return denied();
}

const probe = mkdtempSync(join(tmpdir(), "attack-vault-readonly-probe-"));
const canMakeReadOnly = makeReadOnly(probe);
for (const undo of undoReadOnly.splice(0).reverse()) undo();
rmSync(probe, { recursive: true, force: true });

describe("the folder written into", () => {
  test("is created part by part inside the vault's real folder", () => {
    const vault = mkdtempSync(join(scratch, "vault-"));
    const folder = importFolder(vault, "Intel/Threat Profiles", true);
    expect(folder.folder).toBe("Intel/Threat Profiles");
    expect(readdirSync(join(vault, "Intel"))).toEqual(["Threat Profiles"]);
  });

  test("a file name that would leave the folder is refused before anything is written", () => {
    const vault = mkdtempSync(join(scratch, "vault-"));
    const writer = new NoteWriter(importFolder(vault, "P", true));
    for (const name of ["../escape.md", "a/b.md", "..", "sub\\x.md"]) expect(() => writer.pathOf(name)).toThrow("would leave the folder");
    expect(readdirSync(join(vault, "P"))).toEqual([]);
  });

  test("a new note never replaces a file that appeared after the plan was made", () => {
    const vault = mkdtempSync(join(scratch, "vault-"));
    const writer = new NoteWriter(importFolder(vault, "P", true));
    writeFileSync(join(vault, "P/x.md"), "theirs");
    expect(writer.write("x.md", "ours", null)).toBe("a file appeared there while import-actors ran");
    expect(readFileSync(join(vault, "P/x.md"), "utf8")).toBe("theirs");
    expect(readdirSync(join(vault, "P"))).toEqual(["x.md"]);
  });

  test("an update never replaces a note edited after the plan was made", () => {
    const vault = mkdtempSync(join(scratch, "vault-"));
    const folder = importFolder(vault, "P", true);
    writeFileSync(join(vault, "P/x.md"), "edited meanwhile");
    expect(noteState(join(vault, "P/x.md"))).toEqual({ kind: "not-ours", reason: "import-actors did not write it" });
    expect(new NoteWriter(folder).write("x.md", "new", "what was planned on")).toBe("it changed while import-actors ran");
    expect(readFileSync(join(vault, "P/x.md"), "utf8")).toBe("edited meanwhile");
  });
});

describe("a real file system against the importer", () => {
  const stix = writeStixFolder(join(scratch, "stix"));

  testWhen(canMakeReadOnly, "a read-only folder: every note reported (exit 74), nothing written, no temporary left", "a folder this process cannot write (chmod, or chattr for root)", () => {
    const vault = join(scratch, "readonly-vault");
    cpSync(EXAMPLE_VAULT, vault, { recursive: true });
    const folder = join(vault, "Threat Profiles");
    const before = readdirSync(folder).sort();
    expect(makeReadOnly(folder)).toBe(true);
    const run = runCliProcess(["import-actors", vault, "--attack", stix]);
    expect(run.code).toBe(74);
    expect(run.stderr.split("\n").filter((line) => line.includes("could not be written"))).toHaveLength(5);
    expect(readdirSync(folder).sort()).toEqual(before);
  });

  test("killed half-way, a rerun writes exactly what a clean run writes", async () => {
    // Enough groups that the run is still writing when it is killed.
    const many = stixFixture().objects.concat(
      Array.from({ length: 800 }, (_, n) => ({
        type: "intrusion-set",
        id: `intrusion-set--11111111-0000-4000-8000-${String(n).padStart(12, "0")}`,
        name: `Group ${n}`,
        description: "A generated group.".repeat(20),
        external_references: [{ source_name: "mitre-attack", external_id: `G${String(5000 + n)}` }],
      })),
    );
    const bigStix = writeStixFolder(join(scratch, "stix-big"), many);
    const killed = join(scratch, "killed-vault");
    const clean = join(scratch, "clean-vault");
    mkdirSync(killed);
    mkdirSync(clean);
    const child = spawn(process.execPath, [cliBundle(), "import-actors", killed, "--attack", bigStix], { stdio: "ignore" });
    const folder = join(killed, "Threat Profiles");
    const count = (): number => {
      try {
        return readdirSync(folder).length;
      } catch {
        return 0;
      }
    };
    let atKill = 0;
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        atKill = count();
        if (atKill >= 30 || child.exitCode !== null) {
          clearInterval(poll);
          child.kill("SIGKILL");
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => child.once("exit", resolve));
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(806);
    expect(runCliProcess(["import-actors", killed, "--attack", bigStix]).code).toBe(0);
    expect(runCliProcess(["import-actors", clean, "--attack", bigStix]).code).toBe(0);
    const files = (dir: string): string[] => readdirSync(join(dir, "Threat Profiles")).sort();
    expect(files(killed)).toEqual(files(clean));
    for (const name of files(clean)) expect(readFileSync(join(killed, "Threat Profiles", name), "utf8")).toBe(readFileSync(join(clean, "Threat Profiles", name), "utf8"));
  }, 120_000);
});

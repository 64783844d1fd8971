/**
 * Issue #15, classes 4 and 5 (and class 10's file name that is not UTF-8): every file the CLI opens
 * may be hostile, and no folder or file stops the run. The payloads are made here: links to
 * /dev/zero and out of the vault, FIFOs (which blocked forever), sparse files of gigabytes (read
 * whole before), a folder it may not read and one past the system's path length. The CLI runs as a
 * process with a timeout, so a hang fails the test rather than the suite.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { jsonErrorOffset } from "../../src/cli/json-file";
import { pluginDataPath } from "../../src/cli/load-vault";
import { readVault } from "../../src/cli/read-vault";
import { cliBundle } from "../support/build-cli";
import { describeWhen } from "../support/paths";

const SECRET = "SECRET-0123456789";
const DATA_JSON = pluginDataPath(".obsidian");
const GIB = 1 << 30;
const POSIX = process.platform !== "win32";
const NEEDS_POSIX = "a POSIX system (FIFOs, symbolic links, sparse files, mkfifo)";

let scratch = "";
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "attack-files-"));
  chmodSync(scratch, 0o755);
});
// rm, not rmSync: Node's removal walks by whole paths, which the deep folder makes too long.
afterAll(() => spawnSync("rm", ["-rf", scratch]));

let vaults = 0;

/** A small vault: one rule, one technique; `arrange` plants the hostile file. */
function vaultWith(name: string, arrange: (vault: string) => void): string {
  const vault = join(scratch, `${name}-${vaults++}`);
  mkdirSync(join(vault, ".obsidian/plugins/attack-vault"), { recursive: true });
  mkdirSync(join(vault, "Rules"));
  writeFileSync(join(vault, "Rules/good.md"), "---\ntags: [t1059, detection_rule]\n---\n");
  writeFileSync(join(vault, "T1059.md"), "---\ntags: [T1059, techniques]\n---\n");
  arrange(vault);
  return vault;
}

function mkfifo(path: string): void {
  const made = spawnSync("mkfifo", [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
}

interface Run {
  code: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** The CLI as a process, given 30 s: what used to block forever now ends at once. */
function cli(args: string[], options: { uid?: number; gid?: number; bundle?: string } = {}): Run {
  const result = spawnSync(process.execPath, [options.bundle ?? cliBundle(), ...args], { encoding: "utf8", timeout: 30_000, uid: options.uid, gid: options.gid, maxBuffer: 1 << 26 });
  return { code: result.status, timedOut: result.error !== undefined, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/** The rule the first technique counts: "Rules/good.md" when the run went on past the hostile file. */
const countedRule = (run: Run): string | undefined => (JSON.parse(run.stdout) as { techniques: Array<{ id: string; rules: string[] }> }).techniques[0]?.rules[0];
const GOOD_RULE = "Rules/good.md";

describeWhen(POSIX, "the plugin's saved settings as the CLI reads them", NEEDS_POSIX, () => {
  test.each([
    ["a link to /dev/zero", (vault: string) => symlinkSync("/dev/zero", join(vault, DATA_JSON)), /^is a symbolic link, which is not followed here/],
    ["a FIFO", (vault: string) => mkfifo(join(vault, DATA_JSON)), /^is a FIFO \(named pipe\), not a regular file, so it is not read/],
    ["a link to a file outside the vault", (vault: string) => {
      writeFileSync(join(scratch, "outside.json"), `${SECRET}{`);
      symlinkSync(join(scratch, "outside.json"), join(vault, DATA_JSON));
    }, /^is a symbolic link, which is not followed here/],
    ["a configuration folder that links out of the vault", (vault: string) => {
      mkdirSync(join(scratch, "elsewhere/plugins/attack-vault"), { recursive: true });
      writeFileSync(join(scratch, "elsewhere/plugins/attack-vault/data.json"), `{"ruleTag": "${SECRET}"}`);
      rmSync(join(vault, ".obsidian"), { recursive: true });
      symlinkSync(join(scratch, "elsewhere"), join(vault, ".obsidian"));
    }, /^leads outside the vault \(through a symbolic link\), so it is not read/],
    ["a sparse file of 4 GiB", (vault: string) => {
      writeFileSync(join(vault, DATA_JSON), "");
      truncateSync(join(vault, DATA_JSON), 4 * GIB);
    }, /^is larger than 1 MiB, so it is not read/],
    ["JSON that fails after a secret", (vault: string) => writeFileSync(join(vault, DATA_JSON), `{"ruleTag": "${SECRET}", oops}`), /^is not valid JSON \(it fails at line 1, column 34\)/],
  ])("%s: a warning that says what it is, never what it holds; the defaults; the run goes on", (name, arrange, warning) => {
    const run = cli(["coverage", vaultWith(name.replace(/\W+/g, "-"), arrange), "--json"]);
    const warnings = run.timedOut ? [] : (JSON.parse(run.stdout) as { warnings: Array<{ path: string; message: string }> }).warnings;
    expect({ timedOut: run.timedOut, code: run.code, counted: run.timedOut ? undefined : countedRule(run), echoed: run.stdout.includes(SECRET) || run.stderr.includes(SECRET) }).toEqual({
      timedOut: false,
      code: 0,
      counted: GOOD_RULE,
      echoed: false,
    });
    expect(warnings).toEqual([{ path: DATA_JSON, message: expect.stringMatching(warning) }]);
    expect(warnings[0]?.message).toMatch(/; using the default settings$/);
  });
});

describeWhen(POSIX, "a --baseline file", NEEDS_POSIX, () => {
  test.each([
    ["/dev/zero", () => "/dev/zero", /is a device, not a regular file/],
    ["a FIFO", () => {
      const fifo = join(scratch, "baseline.fifo");
      mkfifo(fifo);
      return fifo;
    }, /is a FIFO \(named pipe\), not a regular file/],
    ["a sparse file of 4 GiB", () => {
      const big = join(scratch, "big-baseline.json");
      writeFileSync(big, "");
      truncateSync(big, 4 * GIB);
      return big;
    }, /is larger than 64 MiB/],
    ["JSON that fails after a secret", () => {
      const bad = join(scratch, "bad-baseline.json");
      writeFileSync(bad, `{"techniques": ["${SECRET}" x]}`);
      return bad;
    }, /is not valid JSON \(it fails at line 1, column 37\)/],
  ])("%s is refused at once, in words that quote nothing from it", (_name, make, message) => {
    const run = cli(["coverage", vaultWith("baseline", () => undefined), "--baseline", make()]);
    expect({ timedOut: run.timedOut, code: run.code, echoed: run.stderr.includes(SECRET) }).toEqual({ timedOut: false, code: 2, echoed: false });
    expect(run.stderr).toMatch(message);
  });

  test("a link to a regular layer is followed: the user named it", () => {
    const vault = vaultWith("baseline-link", () => undefined);
    const layer = join(scratch, "layer.json");
    expect(cli(["coverage", vault, "--navigator", layer]).code).toBe(0);
    symlinkSync(layer, join(scratch, "layer-link.json"));
    const run = cli(["coverage", vault, "--baseline", join(scratch, "layer-link.json"), "--json"]);
    expect([run.code, (JSON.parse(run.stdout) as { changes?: unknown }).changes]).toEqual([0, { baseline: join(scratch, "layer-link.json"), gained: [], lost: [] }]);
  });
});

describeWhen(POSIX, "notes and folders", NEEDS_POSIX, () => {
  test("a sparse 1 GiB note, a FIFO, links to /dev/zero and to a folder outside are warnings; the other notes are read", () => {
    const vault = vaultWith("notes", (dir) => {
      writeFileSync(join(dir, "Rules/huge.md"), "");
      truncateSync(join(dir, "Rules/huge.md"), GIB);
      mkfifo(join(dir, "Rules/pipe.md"));
      symlinkSync("/dev/zero", join(dir, "Rules/zero.md"));
      symlinkSync(scratch, join(dir, "Outside"));
      symlinkSync("/dev/zero", join(dir, "Rules/image.png"));
    });
    const { records, warnings } = readVault(vault);
    expect({ records: records.map((record) => record.path), warnings: warnings.map((warning) => `${warning.path}: ${warning.message}`).sort() }).toEqual({
      records: ["Rules/good.md", "T1059.md"],
      warnings: [
        "Outside: is a symbolic link, which is not followed (only regular files and folders inside the vault are read); the notes it leads to are left out",
        "Rules/huge.md: is larger than 64 MiB, so it is not read",
        "Rules/pipe.md: is not a regular file (a FIFO, a device or a socket), so it is not read",
        "Rules/zero.md: is a symbolic link, which is not followed (only regular files and folders inside the vault are read); it is left out",
      ],
    });
  });

  test("a folder deeper than the system's path length is a warning naming it; the run goes on", () => {
    const vault = vaultWith("deep", (dir) => {
      // Made one level at a time from inside, as no single path to it may be that long.
      spawnSync("sh", ["-c", 'cd "$1" && for i in $(seq 1 40); do mkdir aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa && cd aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; done', "sh", dir]);
    });
    const run = cli(["coverage", vault, "--json"]);
    const warnings = (JSON.parse(run.stdout || "{}") as { warnings?: Array<{ path: string; message: string }> }).warnings ?? [];
    expect({ code: run.code, counted: countedRule(run), tooLong: warnings.filter((warning) => /path is longer than the system allows \(ENAMETOOLONG\)/.test(warning.message)).length }).toEqual({ code: 0, counted: GOOD_RULE, tooLong: 1 });
  });

  test("a folder it may not read is a warning naming it; the run goes on", () => {
    const vault = vaultWith("locked", (dir) => {
      mkdirSync(join(dir, "Locked"));
      writeFileSync(join(dir, "Locked/hidden.md"), "---\ntags: [t1059, detection_rule]\n---\n");
      chmodSync(join(dir, "Locked"), 0o000);
    });
    // Root reads any folder: the run drops to `nobody`, with its own copy of the CLI it can read.
    const asRoot = process.getuid?.() === 0;
    const bundle = join(scratch, "cli.js");
    copyFileSync(cliBundle(), bundle);
    const run = cli(["coverage", vault, "--json"], asRoot ? { uid: 65534, gid: 65534, bundle } : {});
    expect({ code: run.code, stderr: run.stderr.split("\n").filter((line) => line.startsWith("warning: ")) }).toEqual({
      code: 0,
      stderr: ["warning: Locked/: is a folder that could not be read (permission denied (EACCES)); the notes in it are left out"],
    });
    expect(countedRule(run)).toBe(GOOD_RULE);
  });

  test("a file name that is not UTF-8 is named as such, not as missing (ENOENT)", () => {
    const vault = vaultWith("names", (dir) => writeFileSync(Buffer.concat([Buffer.from(join(dir, "Rules/bad")), Buffer.from([0xff, 0xfe]), Buffer.from(".md")]), "x"));
    expect(readVault(vault).warnings).toEqual([
      { path: "Rules/bad\uFFFD\uFFFD.md", message: "has a name that is not valid UTF-8 (shown with \uFFFD for the bytes that are not), which Obsidian cannot open either; it is left out: rename it" },
    ]);
  });
});

describe("where JSON fails", () => {
  test("is found exactly where JSON.parse fails, and never when it does not", () => {
    const pieces = fc.constantFrom("{", "}", "[", "]", ",", ":", '"a"', '"\\u00e9"', '"\\x"', "1", "-0.5e3", "01", "true", "nul", " ", "\n", "\t", '"');
    const text = fc.oneof(fc.json(), fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join("")), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(text, (candidate) => {
        let parses = true;
        try {
          JSON.parse(candidate);
        } catch {
          parses = false;
        }
        return parses === (jsonErrorOffset(candidate) === -1);
      }),
      { numRuns: 5000, seed: 15 },
    );
  });

  test("a million levels deep costs no recursion", () => {
    expect(jsonErrorOffset("[".repeat(1_000_000) + "]".repeat(1_000_000))).toBe(-1);
  });
});

/**
 * Issue #15, classes 6 and 8: output larger than memory, and writes that fail. `blocks --json` of a
 * note with 2,000 blocks listing 300 rules each is 36 MB of JSON; it used to be one string (4,000
 * blocks passed V8's string limit and failed), and is now written block by block, in pieces, byte
 * for byte what JSON.stringify writes. A write that fails (a full disk, a file-size limit, a closed
 * pipe) ends the run with exit 74 and a message, where it used to exit 0 in silence.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { startCli } from "../../src/cli/main";
import { jsonOutput, LazyList } from "../../src/cli/output";
import { cliBundle } from "../support/build-cli";
import { describeWhen, EXAMPLE_VAULT } from "../support/paths";

const RULES = 300;
const BLOCKS = 2_000;
const POSIX = process.platform !== "win32";
const NEEDS_POSIX = "a POSIX system with bash (/dev/full, ulimit, pipes, mkfifo)";

let vault = "";
beforeAll(() => {
  vault = mkdtempSync(join(tmpdir(), "attack-output-"));
  mkdirSync(join(vault, "Rules"));
  for (let n = 0; n < RULES; n++) writeFileSync(join(vault, `Rules/detection rule number ${n} with a long name.md`), "---\ntags: [t1059, detection_rule]\n---\n");
  writeFileSync(join(vault, "T1059.md"), "---\ntags: [T1059, techniques]\n---\n" + "```query\ntag:detection_rule\n```\n".repeat(BLOCKS));
});
afterAll(() => rmSync(vault, { recursive: true, force: true }));

describe("output written as it is made", () => {
  test("blocks --json of 2,000 blocks × 300 results comes in pieces of at most a few hundred characters", () => {
    const output = startCli(["blocks", vault, "--json"]);
    let pieces = 0;
    let largest = 0;
    let total = 0;
    let openings = 0;
    for (const piece of typeof output.stdout === "string" ? [output.stdout] : output.stdout) {
      pieces++;
      largest = Math.max(largest, piece.length);
      total += piece.length;
      if (piece.includes('"note": ')) openings++;
    }
    expect({ oneString: typeof output.stdout === "string", blocks: openings, largeOutput: total > 30_000_000, smallPieces: largest < 500, manyPieces: pieces > BLOCKS * RULES }).toEqual({
      oneString: false,
      blocks: BLOCKS,
      largeOutput: true,
      smallPieces: true,
      manyPieces: true,
    });
  });

  test("pieces of any value join to exactly what JSON.stringify(value, null, 2) writes", () => {
    const value = fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: false, withBigInt: false, withMap: false, withSet: false }));
    fc.assert(
      fc.property(value, (candidate) => {
        // Our outputs are lists and maps; JSON.stringify writes nothing at all for a bare undefined or function.
        fc.pre(JSON.stringify(candidate) !== undefined);
        return [...jsonOutput(candidate)].join("") === JSON.stringify(candidate, null, 2) + "\n";
      }),
      { numRuns: 2000, seed: 15 },
    );
  });

  test("a lazy list is written as the list it yields, each entry made only when it is next to be written", () => {
    const made: number[] = [];
    const entries = function* (): Generator<{ n: number }> {
      for (let n = 0; n < 3; n++) {
        made.push(n);
        yield { n };
      }
    };
    const pieces = jsonOutput({ items: new LazyList(entries()) })[Symbol.iterator]();
    const opened = [pieces.next().value, pieces.next().value];
    const madeWhenOpened = [...made];
    const rest = [...{ [Symbol.iterator]: () => pieces }].join("");
    expect({ opened, madeWhenOpened, whole: opened.join("") + rest }).toEqual({
      opened: ['{\n  "items": ', "[\n    "],
      madeWhenOpened: [0],
      whole: JSON.stringify({ items: [{ n: 0 }, { n: 1 }, { n: 2 }] }, null, 2) + "\n",
    });
  });
});

interface Run {
  code: number | null;
  stderr: string;
}

/** The CLI with stdout sent where `shell` says (`>/dev/full`, `| head -c 10`), run by bash. */
function cliInShell(args: string, shell: string, before = ""): Run {
  const script = `${before} set -o pipefail; "${process.execPath}" "${cliBundle()}" ${args} ${shell}`;
  const result = spawnSync("bash", ["-c", script], { encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stderr: result.stderr };
}

describeWhen(POSIX, "writes that fail", NEEDS_POSIX, () => {
  test.each([
    ["coverage --json to a full disk", `coverage "${EXAMPLE_VAULT}" --json`, ">/dev/full", "", "no space left on device (ENOSPC)"],
    ["blocks --json to a full disk", "blocks VAULT --json", ">/dev/full", "", "no space left on device (ENOSPC)"],
    ["coverage past a file-size limit", `coverage "${EXAMPLE_VAULT}"`, ">OUT/report.txt", "trap '' XFSZ; ulimit -f 1;", "the file would be too large (EFBIG)"],
    ["blocks --json to a reader that stops after 10 bytes", "blocks VAULT --json", "| head -c 10 >/dev/null", "", "the reader closed the pipe (EPIPE)"],
  ])("%s: exit 74 and a message", (_name, args, shell, before, reason) => {
    const out = mkdtempSync(join(tmpdir(), "attack-out-"));
    const run = cliInShell(args.replace("VAULT", `"${vault}"`), shell.replace("OUT", out), before);
    rmSync(out, { recursive: true, force: true });
    expect({ code: run.code, last: run.stderr.trim().split("\n").at(-1) }).toEqual({ code: 74, last: `attack-vault: cannot write the output: ${reason}` });
  });

  test("a layer past a file-size limit: exit 74, a message, and no file and no temporary file left", () => {
    const folder = mkdtempSync(join(tmpdir(), "attack-layer-"));
    const run = cliInShell(`coverage "${EXAMPLE_VAULT}" --navigator "${join(folder, "layer.json")}"`, ">/dev/null", "trap '' XFSZ; ulimit -f 1;");
    const left = readdirSync(folder);
    rmSync(folder, { recursive: true, force: true });
    expect({ code: run.code, message: run.stderr.includes(`cannot write ${join(folder, "layer.json")}: the file would be too large (EFBIG)`), left }).toEqual({ code: 74, message: true, left: [] });
  });

  test.each([
    ["a FIFO", (path: string) => spawnSync("mkfifo", [path]), /is not a regular file \(a FIFO, a device or a folder\)/],
    ["a link", (path: string) => spawnSync("ln", ["-s", "/dev/null", path]), /is a symbolic link/],
  ])("--navigator onto %s with --force is refused before any work, without blocking", (_name, make, message) => {
    const folder = mkdtempSync(join(tmpdir(), "attack-layer-"));
    const target = join(folder, "layer.json");
    make(target);
    const result = spawnSync(process.execPath, [cliBundle(), "coverage", EXAMPLE_VAULT, "--navigator", target, "--force"], { encoding: "utf8", timeout: 30_000 });
    const stillThere = existsSync(target) || readdirSync(folder).length > 0;
    rmSync(folder, { recursive: true, force: true });
    expect({ code: result.status, stillThere }).toEqual({ code: 2, stillThere: true });
    expect(result.stderr).toMatch(message);
  });
});

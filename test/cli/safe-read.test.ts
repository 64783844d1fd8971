/** Reading files an adversary may have planted: regular files only, links only when named, never past a size. */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileSystemReason, FileRefusal, readRegularFile, sizeText } from "../../src/cli/safe-read";
import { scratch } from "../support/scratch-vault";
import { testWhen } from "../support/paths";

const POSIX = process.platform !== "win32";

/** A vault folder holding `note.md` ("text"), and a file outside it. */
function folders(): { vault: string; note: string; outside: string } {
  const root = scratch();
  const vault = join(root, "vault");
  mkdirSync(vault);
  writeFileSync(join(vault, "note.md"), "text");
  writeFileSync(join(root, "outside.md"), "secret");
  return { vault, note: join(vault, "note.md"), outside: join(root, "outside.md") };
}

function bigFile(folder: string): string {
  writeFileSync(join(folder, "big.md"), "x".repeat(3000));
  return join(folder, "big.md");
}

/** The refusal's message and code, or the bytes as text when it reads. */
function outcome(path: string, options: Parameters<typeof readRegularFile>[1]): { text: string } | { refused: string; code?: string } {
  try {
    return { text: readRegularFile(path, options).toString("utf8") };
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    return error.code === undefined ? { refused: error.message } : { refused: error.message, code: error.code };
  }
}

describe("readRegularFile", () => {
  test("a regular file's bytes, through a scratch buffer too", () => {
    const { note, vault } = folders();
    expect([outcome(note, { maxBytes: 10 }), outcome(note, { maxBytes: 10, inside: vault, scratch: Buffer.alloc(64) })]).toEqual([{ text: "text" }, { text: "text" }]);
  });

  test.each<[string, (paths: ReturnType<typeof folders>) => [string, Parameters<typeof readRegularFile>[1]], ReturnType<typeof outcome>]>([
    ["a file past the size", ({ vault }) => [bigFile(vault), { maxBytes: 2048 }], { refused: "is larger than 2 KiB, so it is not read" }],
    ["a folder", ({ vault }) => [vault, { maxBytes: 10 }], { refused: "is a folder, not a regular file, so it is not read" }],
    ["a file that is not there, with its code", ({ vault }) => [join(vault, "gone.md"), { maxBytes: 10 }], { refused: "could not be read: it is not there (it may have been moved while being read) (ENOENT)", code: "ENOENT" }],
  ])("refuses %s", (_name, make, expected) => {
    const [path, options] = make(folders());
    expect(outcome(path, options)).toEqual(expected);
  });

  testWhen(POSIX, "a symbolic link is refused in the vault, and one that leads outside it even when followed", "POSIX symbolic links", () => {
    const { vault, outside, note } = folders();
    symlinkSync(note, join(vault, "link.md"));
    symlinkSync(outside, join(vault, "out.md"));
    expect([outcome(join(vault, "link.md"), { maxBytes: 10, inside: vault }), outcome(join(vault, "out.md"), { maxBytes: 10, inside: vault, followLinks: true })]).toEqual([
      { refused: "is a symbolic link, which is not followed here; only regular files are read" },
      { refused: "leads outside the vault (through a symbolic link), so it is not read" },
    ]);
  });

  testWhen(POSIX, "a link the user named is followed", "POSIX symbolic links", () => {
    const { vault, note } = folders();
    symlinkSync(note, join(vault, "named.md"));
    expect(outcome(join(vault, "named.md"), { maxBytes: 10, followLinks: true })).toEqual({ text: "text" });
  });
});

describe("fileSystemReason", () => {
  test.each<[unknown, string]>([
    [Object.assign(new Error("EACCES: permission denied, open '/x'"), { code: "EACCES" }), "permission denied (EACCES)"],
    [Object.assign(new Error("odd"), { code: "EWEIRD" }), "EWEIRD"],
    [new Error("something failed, '/some/path'\nstack"), "something failed"],
    ["a string", "a string"],
  ])("%#: %s", (error, reason) => {
    expect(fileSystemReason(error)).toBe(reason);
  });
});

describe("sizeText", () => {
  test.each([
    [1 << 20, "1 MiB"],
    [64 << 20, "64 MiB"],
    [2048, "2 KiB"],
  ])("%i bytes: %s", (bytes, text) => {
    expect(sizeText(bytes)).toBe(text);
  });
});

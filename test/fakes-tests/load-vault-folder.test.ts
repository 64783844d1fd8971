import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadVaultFolder } from "../fakes/load-vault-folder";
import { describeWithRealVault, REAL_VAULT } from "../support/paths";

describe("loadVaultFolder on a temporary vault", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "fake-vault-"));
    for (const folder of [".obsidian", ".trash", ".git", "Notes/.hidden", "Notes/Sub"]) mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, ".obsidian/app.json"), "{}");
    writeFileSync(join(dir, ".trash/old.md"), "old");
    writeFileSync(join(dir, "Notes/.hidden/x.md"), "x");
    writeFileSync(join(dir, "Notes/.DS_Store"), "x");
    writeFileSync(join(dir, "Notes/Sub/deep.md"), "deep");
    writeFileSync(join(dir, "top.md"), Buffer.from([0x61, 0xff, 0x62])); // "a", an invalid byte, "b"
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("hidden files and folders are skipped; paths use forward slashes", () => {
    expect(Object.keys(loadVaultFolder(dir)).sort()).toEqual(["Notes/Sub/deep.md", "top.md"]);
  });

  test("invalid UTF-8 bytes become U+FFFD", () => {
    expect(loadVaultFolder(dir)["top.md"]).toBe("a\uFFFDb");
  });
});

describeWithRealVault("loadVaultFolder on the use-case catalogue", () => {
  test("reads all 3,731 markdown notes", () => {
    const files = loadVaultFolder(REAL_VAULT);
    expect(Object.keys(files).filter((path) => path.endsWith(".md")).length).toBe(3731);
  });
});

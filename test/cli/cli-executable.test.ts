/** `attack-vault` is a command a user can run: the build makes dist/cli.js executable, with a shebang. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../support/paths";

// Built in a copy of the sources, so no test rebuilds this repository's own files.
const copy = mkdtempSync(join(tmpdir(), "attack-vault-build-"));
for (const path of ["esbuild.config.mjs", "package.json", "tsconfig.json", "src"]) cpSync(join(REPO_ROOT, path), join(copy, path), { recursive: true });
symlinkSync(join(REPO_ROOT, "node_modules"), join(copy, "node_modules"), "dir");
const build = spawnSync(process.execPath, ["esbuild.config.mjs", "production"], { cwd: copy, encoding: "utf8" });
const cli = join(copy, "dist/cli.js");

describe("the built CLI", () => {
  test("the build succeeds", () => {
    expect(build.status).toBe(0);
  });

  test("dist/cli.js starts with a node shebang and is executable", () => {
    expect({ firstLine: readFileSync(cli, "utf8").split("\n")[0], executable: (statSync(cli).mode & 0o111) === 0o111 }).toEqual({ firstLine: "#!/usr/bin/env node", executable: true });
  });

  test("it runs by itself, as `npm link`'s attack-vault does", () => {
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
    const run = spawnSync(cli, ["--version"], { encoding: "utf8", env: { ...process.env, PATH: `${join(process.execPath, "..")}:${process.env.PATH ?? ""}` } });
    expect(run.stdout).toBe(`${version}\n`);
  });

  test("package.json names it as the attack-vault command", () => {
    expect((JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { bin: unknown }).bin).toEqual({ "attack-vault": "dist/cli.js" });
  });
});

/** The release scripts as processes: version-bump on a temporary copy, install-plugin into a temporary vault. */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { REPO_ROOT } from "../support/paths";

const VERSION_BUMP = join(REPO_ROOT, "scripts/version-bump.mjs");
const INSTALL_PLUGIN = join(REPO_ROOT, "scripts/install-plugin.mjs");

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org" };

function node(script: string, args: string[], cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd, encoding: "utf8", env: GIT_ENV });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
const git = (cwd: string, ...args: string[]): string => execFileSync("git", args, { cwd, encoding: "utf8", env: GIT_ENV });

/** A git repository holding the three files the script reads, at version 0.1.0. */
function projectCopy(packageJson: Record<string, unknown>, manifestFields: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "attack-vault-release-"));
  // An undefined field is left out of the written manifest.
  const manifest = { ...readJson(join(REPO_ROOT, "manifest.json")), version: "0.1.0", minAppVersion: "1.7.2", ...manifestFields };
  writeFileSync(join(dir, "package.json"), JSON.stringify(packageJson, null, 2) + "\n");
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  writeFileSync(join(dir, "versions.json"), JSON.stringify({ "0.1.0": "1.7.2" }) + "\n");
  git(dir, "init", "-q");
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "start");
  return dir;
}

describe("version-bump", () => {
  const dir = projectCopy({ name: "attack-vault", version: "0.3.0" }, { minAppVersion: "1.8.0" });
  const result = node(VERSION_BUMP, [], dir);
  const manifest = readJson(join(dir, "manifest.json"));

  test("exits 0", () => {
    expect(result.code).toBe(0);
  });

  test("writes package.json's version into manifest.json and leaves its other fields", () => {
    expect(manifest.version).toBe("0.3.0");
    expect(manifest).toEqual({ ...readJson(join(REPO_ROOT, "manifest.json")), version: "0.3.0", minAppVersion: "1.8.0" });
  });

  test("adds the version with the manifest's minAppVersion to versions.json, keeping the old ones", () => {
    expect(readJson(join(dir, "versions.json"))).toEqual({ "0.1.0": "1.7.2", "0.3.0": "1.8.0" });
  });

  test("stages both files", () => {
    expect(git(dir, "diff", "--cached", "--name-only").trim().split("\n").sort()).toEqual(["manifest.json", "versions.json"]);
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown>, RegExp]>([
    ["package.json without an x.y.z version", { name: "x", version: "soon" }, {}, /no x\.y\.z version/],
    ["a manifest without minAppVersion", { name: "x", version: "1.0.0" }, { minAppVersion: undefined }, /no minAppVersion/],
  ])("%s fails with one line and changes nothing", (_name, packageJson, manifestFields, message) => {
    const broken = projectCopy(packageJson, manifestFields);
    const failed = node(VERSION_BUMP, [], broken);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split("\n")).toHaveLength(1);
    expect(failed.stderr).toMatch(message);
    expect(git(broken, "status", "--porcelain")).toBe("");
  });

  test("`npm version minor` runs it through the version script and commits all three files", () => {
    const project = projectCopy({ name: "attack-vault", version: "0.1.0", scripts: { version: `node ${JSON.stringify(VERSION_BUMP)}` } });
    const npm = spawnSync("npm", ["version", "minor", "--no-audit", "--no-fund"], { cwd: project, encoding: "utf8", env: GIT_ENV });
    expect(npm.status).toBe(0);
    expect(git(project, "show", "--name-only", "--format=", "HEAD").trim().split("\n").sort()).toEqual(["manifest.json", "package.json", "versions.json"]);
    expect(readJson(join(project, "manifest.json")).version).toBe("0.2.0");
  });
});

/** Every file below a folder, relative, with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(dir, full), readFileSync(full, "latin1"));
    }
  };
  walk(dir);
  return files;
}

function release(files: Record<string, string> = { "main.js": "// plugin\n", "manifest.json": '{ "id": "attack-vault", "version": "9.9.9" }\n', "styles.css": ".x {}\n" }): string {
  const dir = mkdtempSync(join(tmpdir(), "attack-vault-build-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function vault(configDir = ".obsidian"): string {
  const dir = mkdtempSync(join(tmpdir(), "attack-vault-vault-"));
  mkdirSync(join(dir, configDir, "plugins/attack-vault"), { recursive: true });
  mkdirSync(join(dir, configDir, "plugins/other-plugin"), { recursive: true });
  mkdirSync(join(dir, "Use Cases"));
  writeFileSync(join(dir, configDir, "app.json"), "{}\n");
  writeFileSync(join(dir, configDir, "plugins/attack-vault/data.json"), '{ "ruleTag": "mine" }\n');
  writeFileSync(join(dir, configDir, "plugins/other-plugin/main.js"), "// someone else\n");
  writeFileSync(join(dir, "Use Cases/T1059 - Command and Scripting Interpreter.md"), "---\ntags: [T1059, techniques]\n---\n");
  return dir;
}

const PLUGIN = ".obsidian/plugins/attack-vault";

describe("install-plugin", () => {
  test("copies exactly main.js, manifest.json and styles.css; every other file stays as it was", () => {
    const from = release();
    const target = vault();
    const before = snapshot(target);
    const result = node(INSTALL_PLUGIN, [target, "--from", from]);
    expect(result.code).toBe(0);
    const after = snapshot(target);
    const added = [...after.keys()].filter((path) => !before.has(path)).sort();
    expect(added).toEqual([`${PLUGIN}/main.js`, `${PLUGIN}/manifest.json`, `${PLUGIN}/styles.css`]);
    for (const [path, bytes] of before) expect(after.get(path)).toBe(bytes);
    for (const name of ["main.js", "manifest.json", "styles.css"]) expect(after.get(`${PLUGIN}/${name}`)).toBe(readFileSync(join(from, name), "latin1"));
  });

  test("a second install replaces the three files and keeps the saved settings", () => {
    const target = vault();
    node(INSTALL_PLUGIN, [target, "--from", release()]);
    const newer = release({ "main.js": "// newer\n", "manifest.json": '{ "version": "10.0.0" }\n', "styles.css": "" });
    expect(node(INSTALL_PLUGIN, [target, "--from", newer]).code).toBe(0);
    expect(readFileSync(join(target, PLUGIN, "main.js"), "utf8")).toBe("// newer\n");
    expect(readFileSync(join(target, PLUGIN, "data.json"), "utf8")).toBe('{ "ruleTag": "mine" }\n');
  });

  test("creates the plugin folder when there is none, below --config-dir", () => {
    const target = mkdtempSync(join(tmpdir(), "attack-vault-vault-"));
    mkdirSync(join(target, ".config"));
    expect(node(INSTALL_PLUGIN, [target, "--config-dir", ".config", "--from", release()]).code).toBe(0);
    expect(readdirSync(join(target, ".config/plugins/attack-vault")).sort()).toEqual(["main.js", "manifest.json", "styles.css"]);
  });

  test.each<[string, (target: string) => string[], RegExp]>([
    ["no vault", () => [], /no vault given/],
    ["a vault folder that does not exist", (target) => [join(target, "missing"), "--from", release()], /no vault folder at /],
    ["a folder that is not a vault", () => [mkdtempSync(join(tmpdir(), "not-a-vault-")), "--from", release()], /has no \.obsidian folder/],
    ["a build without styles.css", (target) => [target, "--from", release({ "main.js": "", "manifest.json": "{}" })], /has no styles\.css/],
    ["an unknown option", (target) => [target, "--yes"], /unknown option --yes/],
  ])("%s exits 2 and writes nothing", (_name, args, message) => {
    const target = vault();
    const before = snapshot(target);
    const result = node(INSTALL_PLUGIN, args(target));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(snapshot(target)).toEqual(before);
  });
});

/**
 * A stand-in repository for install-plugin's own build step: the real script, and an
 * esbuild.config.mjs that writes main.js and notes that it ran, so no test rebuilds this repo.
 */
function repositoryCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "attack-vault-repo-"));
  mkdirSync(join(dir, "scripts"));
  mkdirSync(join(dir, "src"));
  copyFileSync(INSTALL_PLUGIN, join(dir, "scripts/install-plugin.mjs"));
  writeFileSync(join(dir, "esbuild.config.mjs"), 'import { writeFileSync } from "node:fs";\nwriteFileSync("main.js", "// built\\n");\nwriteFileSync("built.marker", process.argv[2] ?? "");\n');
  writeFileSync(join(dir, "package.json"), "{}\n");
  writeFileSync(join(dir, "manifest.json"), '{ "version": "0.1.0" }\n');
  writeFileSync(join(dir, "styles.css"), "");
  writeFileSync(join(dir, "src/main.ts"), "// source\n");
  return dir;
}

/** Sets a file's modification time to `secondsAgo` before now. */
function age(path: string, secondsAgo: number): void {
  const when = Date.now() / 1000 - secondsAgo;
  utimesSync(path, when, when);
}

describe("install-plugin builds only when main.js is missing or older than its sources", () => {
  test.each<[string, (repo: string) => void, boolean]>([
    ["main.js missing", () => undefined, true],
    [
      "main.js newer than every source",
      (repo) => {
        writeFileSync(join(repo, "main.js"), "// up to date\n");
        for (const path of ["src/main.ts", "src", "esbuild.config.mjs", "package.json"]) age(join(repo, path), 60);
      },
      false,
    ],
    [
      "a source changed after main.js",
      (repo) => {
        writeFileSync(join(repo, "main.js"), "// stale\n");
        age(join(repo, "main.js"), 60);
      },
      true,
    ],
  ])("%s", (_name, arrange, builds) => {
    const repo = repositoryCopy();
    arrange(repo);
    const target = vault();
    const result = node(join(repo, "scripts/install-plugin.mjs"), [target], repo);
    expect(result.code).toBe(0);
    const installed = readFileSync(join(target, PLUGIN, "main.js"), "utf8");
    expect({ built: existsSync(join(repo, "built.marker")), installed }).toEqual({
      built: builds,
      installed: builds ? "// built\n" : "// up to date\n",
    });
    if (builds) expect(readFileSync(join(repo, "built.marker"), "utf8")).toBe("production");
  });
});

#!/usr/bin/env node
// npm run install-plugin -- <vault> [--config-dir .obsidian] [--from DIR]
//
// Copies the plugin's three release files (main.js, manifest.json, styles.css) into
// <vault>/<config-dir>/plugins/attack-vault/, building main.js first when it is missing or older
// than the sources. Creates the plugins folders if needed and touches nothing else in the vault:
// the plugin's saved settings (data.json) stay as they are. --from copies an unpacked release
// from DIR instead of this repository, without building.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const RELEASE_FILES = ["main.js", "manifest.json", "styles.css"];
const USAGE = "usage: npm run install-plugin -- <vault> [--config-dir .obsidian] [--from DIR]";

class UsageError extends Error {}

function parseOptions(argv) {
  const options = { vault: null, configDir: ".obsidian", from: null };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === "--config-dir" || word === "--from") {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${word} needs a value; ${USAGE}`);
      if (word === "--config-dir") options.configDir = value;
      else options.from = resolve(value);
    } else if (word.startsWith("--")) throw new UsageError(`unknown option ${word}; ${USAGE}`);
    else if (options.vault === null) options.vault = resolve(word);
    else throw new UsageError(`one vault at a time; ${USAGE}`);
  }
  if (options.vault === null) throw new UsageError(`no vault given; ${USAGE}`);
  return options;
}

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** The build is stale when main.js is missing or older than anything it is built from. */
function needsBuild() {
  const bundle = join(REPO_ROOT, "main.js");
  if (!existsSync(bundle)) return true;
  const sources = ["src", "esbuild.config.mjs", "package.json"].map((name) => join(REPO_ROOT, name)).filter(existsSync);
  return Math.max(...sources.map(newestChange)) > statSync(bundle).mtimeMs;
}

function build() {
  console.log("install-plugin: building main.js");
  const result = spawnSync(process.execPath, ["esbuild.config.mjs", "production"], { cwd: REPO_ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("the build failed; see above");
}

try {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(options.vault) || !statSync(options.vault).isDirectory()) throw new UsageError(`no vault folder at ${options.vault}`);
  const configDir = join(options.vault, options.configDir);
  if (!existsSync(configDir)) {
    throw new UsageError(`${options.vault} has no ${options.configDir} folder: open it as a vault in Obsidian once, or pass --config-dir`);
  }
  const from = options.from ?? REPO_ROOT;
  if (!options.from && needsBuild()) build();
  const missing = RELEASE_FILES.filter((name) => !existsSync(join(from, name)));
  if (missing.length > 0) throw new UsageError(`${from} has no ${missing.join(", ")}`);
  const pluginDir = join(configDir, "plugins", "attack-vault");
  mkdirSync(pluginDir, { recursive: true });
  for (const name of RELEASE_FILES) copyFileSync(join(from, name), join(pluginDir, name));
  const { version } = JSON.parse(readFileSync(join(from, "manifest.json"), "utf8"));
  console.log(`install-plugin: installed ATT&CK Vault ${version} into ${pluginDir}; reload Obsidian or turn the plugin off and on to load it`);
} catch (error) {
  console.error(`install-plugin: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof UsageError ? 2 : 1);
}

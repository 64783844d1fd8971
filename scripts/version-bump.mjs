#!/usr/bin/env node
// Run by `npm version <new>` through the `version` script, after npm has bumped package.json and
// before it commits: copies the new version into manifest.json, records it in versions.json with
// the manifest's minAppVersion (Obsidian reads that to pick a release an older app can run), and
// stages both files so they land in npm's version commit. Works on the current directory.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

try {
  const { version } = readJson("package.json");
  if (typeof version !== "string" || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) throw new Error(`package.json has no x.y.z version (${String(version)})`);
  const manifest = readJson("manifest.json");
  if (typeof manifest.minAppVersion !== "string") throw new Error("manifest.json has no minAppVersion");
  manifest.version = version;
  writeFileSync("manifest.json", JSON.stringify(manifest, null, 2) + "\n");
  const versions = readJson("versions.json");
  versions[version] = manifest.minAppVersion;
  writeFileSync("versions.json", JSON.stringify(versions, null, 2) + "\n");
  execFileSync("git", ["add", "manifest.json", "versions.json"], { stdio: ["ignore", "ignore", "pipe"] });
  console.log(`version-bump: manifest.json and versions.json now say ${version} (minAppVersion ${manifest.minAppVersion})`);
} catch (error) {
  console.error(`version-bump: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exit(1);
}

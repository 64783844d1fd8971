/**
 * Builds what the e2e page loads: the fake app and the plugin as one browser bundle (esbuild,
 * `obsidian` aliased to the fake), and the vault serialised to JSON: the real catalogue when
 * ../shared has it, else the example vault. Written to test/e2e/.build/ and served from memory.
 */
import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { profileNotesFor } from "../../src/cli/import-actors";
import { openVault } from "../../src/cli/load-vault";
import { loadVaultFolder } from "../fakes/load-vault-folder";
import { EXAMPLE_VAULT, REAL_VAULT, REPO_ROOT, SHARED_DATA, hasRealVault } from "../support/paths";
import type { PageVaultData } from "./page/e2e-api";

/** This folder, named from the repository's root so the bench's bundle (built elsewhere) finds it too. */
const E2E_DIR = join(REPO_ROOT, "test/e2e");
export const BUILD_DIR = join(E2E_DIR, ".build");

export interface PageVault {
  name: "use-case-catalogue" | "example-vault";
  dir: string;
}

export function pageVault(): PageVault {
  return hasRealVault ? { name: "use-case-catalogue", dir: REAL_VAULT } : { name: "example-vault", dir: EXAMPLE_VAULT };
}

const ATTACK_DIR = join(SHARED_DATA, "attack/enterprise-attack");
let imported: Array<{ path: string; text: string }> | null = null;

/**
 * The threat profiles the page's vault holds beyond its folder: on the catalogue, every ATT&CK group,
 * campaign and software as import-actors writes them (about 1,000 notes); the example vault has its own.
 */
export function importedProfiles(vault: PageVault): Array<{ path: string; text: string }> {
  if (vault.name !== "use-case-catalogue" || !existsSync(join(ATTACK_DIR, "intrusion-set"))) return [];
  imported ??= profileNotesFor(openVault({ command: "import-actors", positionals: [vault.dir], flags: new Map() }), ATTACK_DIR);
  return imported;
}

export interface PageAsset {
  body: Buffer;
  contentType: string;
}

/** Parallel test files build the same bytes, so each writes a temporary file and renames it into place. */
function writeAtomically(name: string, body: Buffer): void {
  mkdirSync(BUILD_DIR, { recursive: true });
  const temporary = join(BUILD_DIR, `${name}.${process.pid}.tmp`);
  writeFileSync(temporary, body);
  renameSync(temporary, join(BUILD_DIR, name));
}

async function bundlePage(): Promise<Buffer> {
  const result = await build({
    entryPoints: [join(E2E_DIR, "page/page-main.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    alias: { obsidian: join(REPO_ROOT, "test/fakes/obsidian.ts") },
    sourcemap: "inline",
    write: false,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("esbuild produced no page bundle");
  return Buffer.from(output.contents);
}

function serialiseVault(vault: PageVault): Buffer {
  const settingsFile = join(vault.dir, ".obsidian/plugins/attack-vault/data.json");
  const files = loadVaultFolder(vault.dir);
  for (const note of importedProfiles(vault)) files[note.path] = note.text;
  const data: PageVaultData = {
    name: vault.name,
    files,
    pluginData: existsSync(settingsFile) ? (JSON.parse(readFileSync(settingsFile, "utf8")) as unknown) : undefined,
  };
  return Buffer.from(JSON.stringify(data));
}

let built: Promise<Map<string, PageAsset>> | null = null;

/** The page's files by URL path, built once per test process. */
export function buildPage(): Promise<Map<string, PageAsset>> {
  built ??= (async () => {
    const script = await bundlePage();
    const vault = serialiseVault(pageVault());
    writeAtomically("page.js", script);
    writeAtomically("vault.json", vault);
    const css = (path: string): PageAsset => ({ body: readFileSync(path), contentType: "text/css; charset=utf-8" });
    return new Map<string, PageAsset>([
      ["/", { body: readFileSync(join(E2E_DIR, "page/index.html")), contentType: "text/html; charset=utf-8" }],
      ["/page.js", { body: script, contentType: "text/javascript; charset=utf-8" }],
      ["/vault.json", { body: vault, contentType: "application/json; charset=utf-8" }],
      ["/theme.css", css(join(E2E_DIR, "theme.css"))],
      ["/app.css", css(join(E2E_DIR, "page/app.css"))],
      ["/styles.css", css(join(REPO_ROOT, "styles.css"))],
    ]);
  })();
  return built;
}

/** Opens a vault folder for a command: settings as the plugin saved them, then the index. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { settingsFromData, type AttackVaultSettings } from "../core/settings-data";
import { VaultIndex } from "../core/vault-index";
import { stringFlag, tagFlag, UsageError, type ParsedArgs } from "./args";
import type { Progress } from "./progress";
import { readVault, type VaultRead } from "./read-vault";

/** Where the plugin keeps its settings, below the vault's configuration folder. */
export function pluginDataPath(configDir: string): string {
  return `${configDir.replace(/\/+$/, "")}/plugins/attack-vault/data.json`;
}

export interface OpenVault {
  dir: string;
  settings: AttackVaultSettings;
  index: VaultIndex;
  read: VaultRead;
}

/** The plugin's saved settings when the vault has them, so the CLI and the plugin agree. */
export function savedSettings(vaultDir: string, configDir = ".obsidian"): { settings: AttackVaultSettings; warning: string | null } {
  const file = join(vaultDir, pluginDataPath(configDir));
  if (!existsSync(file)) return { settings: settingsFromData(null), warning: null };
  try {
    return { settings: settingsFromData(JSON.parse(readFileSync(file, "utf8"))), warning: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { settings: settingsFromData(null), warning: `not valid JSON (${reason}); using the default settings` };
  }
}

export function openVault(args: ParsedArgs, options: { queryBlocks?: boolean; progress?: Progress | null } = {}): OpenVault {
  const dir = args.positionals[0];
  if (!dir) throw new UsageError(`\`${args.command}\` needs a vault folder: attack-vault ${args.command} <vault>`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no vault folder at ${dir}`);
  const configDir = stringFlag(args, "config-dir") ?? ".obsidian";
  const saved = savedSettings(dir, configDir);
  const settings: AttackVaultSettings = {
    ...saved.settings,
    techniqueTag: tagFlag(args, "technique-tag") ?? saved.settings.techniqueTag,
    ruleTag: tagFlag(args, "rule-tag") ?? saved.settings.ruleTag,
    testTag: tagFlag(args, "test-tag") ?? saved.settings.testTag,
  };
  const progress = options.progress ?? null;
  const read = readVault(dir, { queryBlocks: options.queryBlocks ?? false, ...(progress ? { onProgress: (done: number, found: number) => progress.update(done, found) } : {}) });
  progress?.done();
  if (saved.warning) read.warnings.unshift({ path: pluginDataPath(configDir), message: saved.warning });
  const index = new VaultIndex(settings);
  index.load(read.records);
  return { dir, settings, index, read };
}

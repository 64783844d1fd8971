/** Opens a vault folder for a command: settings as the plugin saved them, then the index. */
import { existsSync, lstatSync, statSync } from "node:fs";
import { join } from "node:path";
import { settingsFromData, type AttackVaultSettings } from "../core/settings-data";
import { trimSlashes } from "../core/tags";
import { VaultIndex } from "../core/vault-index";
import { stringFlag, tagFlag, UsageError, type ParsedArgs } from "./args";
import { readJsonFile } from "./json-file";
import type { Progress } from "./progress";
import { readVault, type VaultRead } from "./read-vault";
import { fileSystemReason, FileRefusal } from "./safe-read";

/** Where the plugin keeps its settings, below the vault's configuration folder. */
export function pluginDataPath(configDir: string): string {
  return `${trimSlashes(configDir, false)}/plugins/attack-vault/data.json`;
}

export interface OpenVault {
  dir: string;
  settings: AttackVaultSettings;
  index: VaultIndex;
  read: VaultRead;
}

/** Saved settings are a few hundred bytes; anything near this is not the plugin's. */
export const MAX_SETTINGS_BYTES = 1 << 20;

/**
 * The plugin's saved settings when the vault has them, so the CLI and the plugin agree. The file
 * must be a regular file inside the vault, at most 1 MiB; anything else is a warning and the defaults.
 */
export function savedSettings(vaultDir: string, configDir = ".obsidian"): { settings: AttackVaultSettings; warning: string | null } {
  const file = join(vaultDir, pluginDataPath(configDir));
  // lstat, so that a link to nowhere is still reported rather than taken for no file.
  if (!lstatSync(file, { throwIfNoEntry: false })) return { settings: settingsFromData(null), warning: null };
  try {
    return { settings: settingsFromData(readJsonFile(file, { maxBytes: MAX_SETTINGS_BYTES, inside: vaultDir })), warning: null };
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    return { settings: settingsFromData(null), warning: `${error.message}; using the default settings` };
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
    profileTag: tagFlag(args, "profile-tag") ?? saved.settings.profileTag,
  };
  const progress = options.progress ?? null;
  let read: VaultRead;
  try {
    read = readVault(dir, { queryBlocks: options.queryBlocks ?? false, ...(progress ? { onProgress: (done: number, found: number) => progress.update(done, found) } : {}) });
  } catch (error) {
    // Folders and files below it are warnings; the vault folder itself failing leaves nothing to report.
    if (!(error as NodeJS.ErrnoException).code) throw error;
    throw new UsageError(`cannot read the vault folder ${dir}: ${fileSystemReason(error)}`);
  } finally {
    progress?.done();
  }
  if (saved.warning) read.warnings.unshift({ path: pluginDataPath(configDir), message: saved.warning });
  const index = new VaultIndex(settings);
  index.load(read.records);
  return { dir, settings, index, read };
}

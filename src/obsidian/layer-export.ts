/**
 * Writes the coverage as a new Navigator layer file in the vault. It creates files only: an
 * existing file is replaced only when the person says so, and no note is ever touched.
 */
import { normalizePath, Notice, TFile, type App } from "obsidian";
import { fileBaseName } from "../core/classify";
import { wantedProfiles, type CoverageFilter } from "../core/coverage";
import { coverageLayer } from "../core/coverage-layer";
import type { LayerScoring } from "../core/navigator-layer";
import type { VaultIndex } from "../core/vault-index";
import type { IndexService } from "./index-service";

export const LAYER_FOLDER = "ATT&CK layers";

/** What the person chose when the file exists: the panel asks with ui/overwrite-modal.ts; closing the dialog is cancel. */
export type OverwriteChoice = "overwrite" | "keep-both" | "cancel";

export interface LayerExportRequest {
  index: VaultIndex;
  rollup: boolean;
  scoring: LayerScoring;
  filter: CoverageFilter;
  /** Today, as `YYYY-MM-DD`, for the file name. */
  date: string;
}

/** `2026-11-28` in the person's own time zone. */
export function localDate(now: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

export function layerFileName(date: string, filter: CoverageFilter): string {
  // A profile is named by its note's file name, as the panel's filter names it by path.
  const scope = [...wantedProfiles(filter).map(fileBaseName), filter.platform, filter.tactic].filter(Boolean).join(" ");
  return `ATT&CK coverage ${date}${scope ? ` ${scope}` : ""}.json`.replace(/[\\/:*?"<>|#^[\]]/g, "-");
}

/** `name.json`, `name 2.json`, `name 3.json`, …: the first that does not exist. */
export function freePath(app: App, path: string): string {
  if (!app.vault.getAbstractFileByPath(path)) return path;
  const stem = path.replace(/\.json$/, "");
  for (let n = 2; ; n++) {
    const candidate = `${stem} ${n}.json`;
    if (!app.vault.getAbstractFileByPath(candidate)) return candidate;
  }
}

/** The command's and the panel's export: today's file, by rule count; nothing while the vault is indexing. */
export async function exportTodaysLayer(
  app: App,
  service: Pick<IndexService, "ready" | "index">,
  options: { rollup: boolean; filter: CoverageFilter },
  ask: (path: string) => Promise<OverwriteChoice>,
): Promise<string | null> {
  if (!service.ready) return null;
  return exportLayer(app, { index: service.index, rollup: options.rollup, scoring: "count", filter: options.filter, date: localDate(new Date()) }, ask);
}

/** The path written, or null when the person cancelled; `ask` says what to do with an existing file. */
export async function exportLayer(app: App, request: LayerExportRequest, ask: (path: string) => Promise<OverwriteChoice>): Promise<string | null> {
  const layer = coverageLayer(request.index, { vaultName: app.vault.getName(), rollup: request.rollup, scoring: request.scoring, filter: request.filter });
  const text = JSON.stringify(layer, null, 2) + "\n";
  if (!app.vault.getAbstractFileByPath(LAYER_FOLDER)) await app.vault.createFolder(LAYER_FOLDER);
  let path = normalizePath(`${LAYER_FOLDER}/${layerFileName(request.date, request.filter)}`);
  const existing = app.vault.getAbstractFileByPath(path);
  if (existing) {
    const choice = await ask(path);
    if (choice === "cancel") return null;
    if (choice === "overwrite" && existing instanceof TFile) {
      await app.vault.modify(existing, text);
      new Notice(`Replaced the Navigator layer ${path}`);
      return path;
    }
    path = freePath(app, path);
  }
  await app.vault.create(path, text);
  new Notice(`Wrote the Navigator layer ${path}`);
  return path;
}

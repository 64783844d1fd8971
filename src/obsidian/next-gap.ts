/** The command "Go to next uncovered technique": from the active note, the next technique note with no rule. */
import { Notice, type App } from "obsidian";
import { coverageRows, nextGap } from "../core/coverage";
import { GAPS_SECTION } from "../core/coverage-words";
import type { VaultIndex } from "../core/vault-index";

/** Opens the next gap after the active technique note, in ID order, wrapping; says so when there is none. */
export function openNextGap(app: App, index: VaultIndex, rollup: boolean): void {
  const active = app.workspace.getActiveFile();
  const current = active ? index.get(active.path) : undefined;
  const currentId = current?.kind === "technique" ? (current.techniqueIds[0] ?? null) : null;
  const next = nextGap(coverageRows(index, { rollup }), currentId);
  if (next) void app.workspace.openLinkText(next.note, active?.path ?? "", false);
  else new Notice(GAPS_SECTION.none);
}

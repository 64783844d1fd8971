/**
 * What changed between two Navigator layers of a vault's coverage: the techniques that gained
 * or lost detection rules. Reads any 4.x layer; ours carry the rule count in metadata.
 */
import { compareCodeUnits } from "./order";
import { isPlainObject } from "./plain-object";
import { parseTechniqueId } from "./technique-id";
import { namesText, plural } from "./wording";

export class LayerFormatError extends Error {}

export interface RuleCountChange {
  id: string;
  name: string | null;
  rulesBefore: number;
  rulesAfter: number;
}

export interface CoverageChanges {
  /** More rules than before, in ID order; `rulesBefore` 0 means newly covered. */
  gained: RuleCountChange[];
  /** Fewer rules than before; `rulesAfter` 0 means no longer covered. */
  lost: RuleCountChange[];
}

/** The entry's rule count: our `rules` metadata, else its score (another tool's layer), else 0. */
function entryRuleCount(entry: Record<string, unknown>): number {
  const metadata = Array.isArray(entry.metadata) ? entry.metadata : [];
  for (const item of metadata) {
    if (isPlainObject(item) && item.name === "rules" && typeof item.value === "string" && /^\d+$/.test(item.value)) return Number(item.value);
  }
  return typeof entry.score === "number" && Number.isFinite(entry.score) ? Math.max(0, entry.score) : 0;
}

/**
 * Rule counts by technique ID from a parsed layer file (a layer, or a list of layers whose first is
 * used). A technique listed under several tactics counts once, with its highest count. Only ATT&CK
 * technique IDs are taken, in their canonical spelling: a baseline is outside text, and its IDs are
 * printed in reports. The 1-based positions of entries without one go to `rejected`.
 */
export function ruleCountsFromLayer(parsed: unknown, rejected: number[] = []): Map<string, number> {
  const layer: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!isPlainObject(layer) || !Array.isArray(layer.techniques)) throw new LayerFormatError("is not an ATT&CK Navigator layer (it has no techniques list)");
  const counts = new Map<string, number>();
  layer.techniques.forEach((entry: unknown, position: number) => {
    const id = isPlainObject(entry) && typeof entry.techniqueID === "string" ? parseTechniqueId(entry.techniqueID) : null;
    if (!id || !isPlainObject(entry)) {
      rejected.push(position + 1);
      return;
    }
    counts.set(id, Math.max(counts.get(id) ?? 0, entryRuleCount(entry)));
  });
  return counts;
}

/** The warning for a baseline's entries without an ATT&CK technique ID, by position (never by what they hold). */
export function rejectedEntriesMessage(rejected: readonly number[]): string | null {
  if (rejected.length === 0) return null;
  const entries = namesText(rejected.map(String));
  return `has ${plural(rejected.length, "entry", "entries")} whose techniqueID is not an ATT&CK technique ID (${rejected.length === 1 ? "entry" : "entries"} ${entries}); they are left out of the comparison`;
}

/** Techniques absent from one side count as having no rule there. */
export function coverageChanges(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>, nameOf: (id: string) => string | null): CoverageChanges {
  const changes: CoverageChanges = { gained: [], lost: [] };
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort(compareCodeUnits);
  for (const id of ids) {
    const rulesBefore = before.get(id) ?? 0;
    const rulesAfter = after.get(id) ?? 0;
    if (rulesBefore === rulesAfter) continue;
    (rulesAfter > rulesBefore ? changes.gained : changes.lost).push({ id, name: nameOf(id), rulesBefore, rulesAfter });
  }
  return changes;
}

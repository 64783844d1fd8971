/**
 * Target 8 comes from the e2e harness, which measures in a real browser and writes
 * bench/.build/browser-figures.json: an array of objects with a `name`, a `value` and a `limit`
 * (numbers, the same unit), a `unit`, and optionally `bound` ("at most" by default, or "under").
 * The bench only reports them; without the file, target 8 is skipped.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { progress } from "../measure";
import { judged, type Bound, type Judged } from "../report";

export const BROWSER_FIGURES = join(__dirname, "browser-figures.json");

function isFigure(entry: unknown): entry is { name: string; value: number; limit: number; unit: string; bound?: Bound } {
  if (!entry || typeof entry !== "object") return false;
  const { name, value, limit, unit, bound } = entry as Record<string, unknown>;
  return typeof name === "string" && typeof value === "number" && typeof limit === "number" && typeof unit === "string" && (bound === undefined || bound === "at most" || bound === "under");
}

export function browserFigures(): Judged[] {
  if (!existsSync(BROWSER_FIGURES)) {
    progress(`target 8 (in the browser) is measured by the e2e harness and skipped here: no ${BROWSER_FIGURES}`);
    return [];
  }
  const entries: unknown = JSON.parse(readFileSync(BROWSER_FIGURES, "utf8"));
  if (!Array.isArray(entries) || !entries.every(isFigure)) throw new Error(`${BROWSER_FIGURES} is not an array of { name, value, limit, unit } objects`);
  return entries.map((entry) => judged({ target: 8, name: entry.name, value: entry.value, limit: entry.limit, unit: entry.unit, bound: entry.bound ?? "at most", detail: "from the e2e harness" }));
}

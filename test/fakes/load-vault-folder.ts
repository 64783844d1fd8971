/**
 * Node-only: read a vault folder from disk into the path → content map `createFakeApp` takes.
 * Skips `.obsidian`, `.trash` and every other hidden file or folder, as Obsidian's vault does.
 * Text is decoded as UTF-8 with invalid bytes replaced by U+FFFD (a BOM is kept, not stripped).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export function loadVaultFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (absolute: string, relative: string): void => {
    const entries = readdirSync(absolute, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const childAbsolute = join(absolute, entry.name);
      const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(childAbsolute, childRelative);
      else if (entry.isFile()) files[childRelative] = readFileSync(childAbsolute).toString("utf8");
    }
  };
  walk(dir, "");
  return files;
}

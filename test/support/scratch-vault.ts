/** Small vaults written to a temporary folder, for tests of the headless side. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** An empty temporary folder. */
export const scratch = (): string => mkdtempSync(join(tmpdir(), "attack-vault-test-"));

/** A temporary vault holding `notes` (vault-relative path → text). */
export function vaultOf(notes: Record<string, string>): string {
  const dir = scratch();
  for (const [path, text] of Object.entries(notes)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

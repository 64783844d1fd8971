/** Where the tests find the project's own fixtures and the shared real-world data. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const REPO_ROOT = resolve(__dirname, "../..");
export const EXAMPLE_VAULT = resolve(REPO_ROOT, "test/fixtures/example-vault");

/** `../shared` beside the repo (as on developers' machines and in CI), or ATTACK_VAULT_SHARED. */
export const SHARED_DIR = process.env.ATTACK_VAULT_SHARED ?? resolve(REPO_ROOT, "../shared");
export const REAL_VAULT = resolve(SHARED_DIR, "vaults/use-case-catalogue");
export const SHARED_DATA = resolve(SHARED_DIR, "data");

export const hasRealVault = existsSync(REAL_VAULT);

/**
 * `describe` when the real vault is present; otherwise the suite is skipped and says why,
 * so a fresh clone without ../shared still runs green and honest.
 */
export function describeWithRealVault(name: string, body: () => void): void {
  if (hasRealVault) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    test.skip(`skipped: needs the real vault at ${REAL_VAULT} (absent on this machine)`, () => undefined);
  });
}

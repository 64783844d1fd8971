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
 * The title of the one skipped test that stands for a suite which could not run. Skipped tests
 * whose titles start with `skipped:` are printed one line each at the end of the run
 * (test/support/skip-reporter.js), so a run without ../shared says what it left out.
 */
export function skippedTitle(what: string, needs: string): string {
  return `skipped: ${what}: needs ${needs}, absent here`;
}

const REAL_VAULT_NEEDS = "the real vault in ../shared (or ATTACK_VAULT_SHARED)";

/**
 * `describe` when the real vault is present; otherwise the suite is skipped and says why,
 * so a fresh clone without ../shared still runs green and honest.
 */
export function describeWithRealVault(name: string, body: () => void): void {
  describeWhen(hasRealVault, name, REAL_VAULT_NEEDS, body);
}

/** One test that needs the real vault, inside a suite that does not. */
export function testWithRealVault(name: string, body: jest.ProvidesCallback): void {
  testWhen(hasRealVault, name, REAL_VAULT_NEEDS, body);
}

/** `test` when `present`; otherwise skipped, naming the test and what it needs. */
export function testWhen(present: boolean, name: string, needs: string, body: jest.ProvidesCallback): void {
  if (present) test(name, body);
  else test.skip(skippedTitle(name, needs), () => undefined);
}

/** `describe` when `present`; otherwise one skipped test that names the suite and what it needs. */
export function describeWhen(present: boolean, name: string, needs: string, body: () => void): void {
  if (present) describe(name, body);
  else test.skip(skippedTitle(name, needs), () => undefined);
}

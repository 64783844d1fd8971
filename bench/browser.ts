/**
 * The browser targets 8 and 9 share: the headless Chromium the e2e tier uses (from the npm package,
 * or ATTACK_VAULT_CHROMIUM), on the e2e page with the plugin in the fake app, started on first use.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { startSession, type E2ESession } from "../test/e2e/browser-session";
import { progress } from "./measure";
import type { BenchOptions } from "./options";

let started: Promise<E2ESession> | null = null;

/** The one session of this run; it rejects, saying why, where no browser can start. */
export function browserSession(): Promise<E2ESession> {
  if (!started) {
    progress("starting headless Chromium and building the e2e page…");
    started = startSession();
  }
  return started;
}

export async function closeBrowser(): Promise<void> {
  const session = started;
  started = null;
  if (session) await session.then((open) => open.close(), () => undefined);
}

/** An error's first line, for a "not measured" line. */
export function pageError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? "";
}

/** Why a browser target measured nothing when Chromium did not start. */
export function noBrowser(error: unknown): string {
  return `no browser: ${pageError(error)}`;
}

/**
 * With --profile, Chromium's own CPU profile of the page while `run` measures, through the
 * DevTools protocol (the Node profile would show only the bench waiting), as target-N.cpuprofile.
 */
export async function profiledInPage<T>(page: Page, target: number, options: BenchOptions, run: () => Promise<T>): Promise<T> {
  if (!options.profile) return run();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.start");
  try {
    return await run();
  } finally {
    const { profile } = await cdp.send("Profiler.stop");
    const file = join(__dirname, `target-${target}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    progress(`target ${target}: the page's profile written to ${file} (summary: node bench/profile-summary.mjs ${file})`);
    await cdp.detach();
  }
}

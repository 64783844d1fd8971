/**
 * The browser of the e2e tier, the screenshots and the bench: the headless Chromium that
 * `npm ci` brings in the npm package @sparticuz/chromium, or a system Chromium when
 * ATTACK_VAULT_CHROMIUM names one. Nothing is installed by hand or by apt-get.
 */
import chromiumPackage from "@sparticuz/chromium";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const SYSTEM_CHROMIUM_VARIABLE = "ATTACK_VAULT_CHROMIUM";

/** Flags for a closed network: without the background ones Chromium keeps dialling out. */
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export interface BrowserExecutable {
  path: string;
  /** Where it came from, for messages: "the npm package @sparticuz/chromium" or the variable. */
  source: string;
  /** Environment for the browser process: the packaged fonts, so screenshots match on every machine. */
  env: Record<string, string>;
}

/**
 * The system Chromium named by ATTACK_VAULT_CHROMIUM, else the packaged one, unpacked into the
 * temp folder on first use (about 2 s, then reused). Call it once per run before workers start
 * (jest's globalSetup does), so two processes never unpack at once.
 */
export async function browserExecutable(): Promise<BrowserExecutable> {
  const systemPath = process.env[SYSTEM_CHROMIUM_VARIABLE];
  if (systemPath) {
    if (!existsSync(systemPath)) throw new Error(`${SYSTEM_CHROMIUM_VARIABLE} names ${systemPath}, which does not exist; unset it to use the Chromium that npm ci installs.`);
    return { path: systemPath, source: `${SYSTEM_CHROMIUM_VARIABLE}=${systemPath}`, env: {} };
  }
  const path = await chromiumPackage.executablePath();
  // The package unpacks its fonts and their fonts.conf beside the binary.
  const fonts = join(tmpdir(), "fonts");
  return { path, source: "the npm package @sparticuz/chromium", env: existsSync(join(fonts, "fonts.conf")) ? { FONTCONFIG_PATH: fonts } : {} };
}

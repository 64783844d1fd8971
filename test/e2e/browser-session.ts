/**
 * One headless Chromium per test file, driven by playwright-core, on the e2e page served from
 * 127.0.0.1. `freshPage()` loads the page anew (a new app on the whole vault) for each test.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { browserExecutable, CHROMIUM_ARGS } from "../support/browser";
import { REPO_ROOT } from "../support/paths";
import { buildPage } from "./build-page";
import { pageProblems } from "./page-reading";
import { startPageServer, type PageServer } from "./page-server";

export const ARTIFACTS_DIR = join(REPO_ROOT, "test/e2e/artifacts");
export const VIEWPORT = { width: 1280, height: 800 };

export interface E2ESession {
  context: BrowserContext;
  page: Page;
  url: string;
  /** Uncaught page errors and console errors since the page was last loaded. */
  pageErrors: string[];
  /** Load the page anew and wait until the app has started with the plugin on the vault. */
  freshPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startSession(): Promise<E2ESession> {
  const browser = await browserExecutable();
  const server: PageServer = await startPageServer(await buildPage());
  const userDataDir = mkdtempSync(join(tmpdir(), "attack-vault-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browser.path,
    env: { ...process.env, ...browser.env },
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
  });
  // The page needs nothing beyond its own server.
  await context.route((url) => !url.href.startsWith(server.url), (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  // Fail a missing element in seconds, well inside jest's timeout, rather than hang.
  page.setDefaultTimeout(10_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
  page.on("console", (message) => {
    // A missing image is a 404 the markup test provokes on purpose; everything else logged as an error counts.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) pageErrors.push(message.text());
  });
  const session: E2ESession = {
    context,
    page,
    url: server.url,
    pageErrors,
    async freshPage() {
      pageErrors.length = 0;
      await page.goto(server.url);
      await page.waitForFunction(() => document.body.dataset.e2eReady === "true" || document.body.dataset.e2eError !== undefined, null, { timeout: 60_000 });
      const bootError = await page.evaluate(() => document.body.dataset.e2eError);
      if (bootError !== undefined) throw new Error(`the e2e page failed to start:\n${bootError}`);
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** Save a PNG under test/e2e/artifacts/ (git-ignored) and return its path. */
export async function saveScreenshot(target: Pick<Page, "screenshot">, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await target.screenshot({ path });
  return path;
}

/**
 * The session a test file shares: started before its tests, closed after them, and every test
 * must leave the page without errors. Read `.session` and `.page` inside hooks and tests.
 */
export function sharedSession(): { session: E2ESession; page: Page } {
  const shared = {} as { session: E2ESession; page: Page };
  beforeAll(async () => {
    shared.session = await startSession();
    shared.page = await shared.session.freshPage();
  }, 60_000);
  afterAll(async () => shared.session?.close());
  afterEach(async () => {
    expect(await pageProblems(shared.session)).toEqual([]);
  });
  return shared;
}

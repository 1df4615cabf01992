import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { type RunningServer, startServer, stop } from "../helpers/process.ts";

/** Debian's chromium; set CHROMIUM_PATH to use another build. */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Headless Chromium as it must run here: as root it needs --no-sandbox; on a closed network the
 * background services must be off; a fresh profile every time.
 */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), "jike-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
    viewport: { width: 1400, height: 900 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login page as a fresh visitor, and waits for the app shell. */
export async function signInPage(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("side-menu").waitFor();
}

/** A fresh demo server on its own data folder and a browser page: what every journey file starts from. */
export interface Journey {
  server: RunningServer;
  page: Page;
  close(): Promise<void>;
}

export async function openJourney(name: string, password: string): Promise<Journey> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `jike-e2e-${name}-`));
  let server: RunningServer | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  const close = async () => {
    await browser?.close();
    if (server) await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startServer({ JIKE_DATA_DIR: dataDir, JIKE_DEMO_PASSWORD: password });
    browser = await launchBrowser();
    return { server, page: await browser.context.newPage(), close };
  } catch (error) {
    await close();
    throw error;
  }
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { enUS } from "../../web/src/i18n/en-US.ts";
import { zhCN } from "../../web/src/i18n/zh-CN.ts";
import { type RunningServer, startServer, stop } from "../helpers/process.ts";
import { launchBrowser } from "./browser.ts";

// The first journey of every user: sign in, switch the language (remembered), see the org tree, sign out.
const PASSWORD = "E2e@Pass123";
let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "jike-e2e-"));
  server = await startServer({ JIKE_DATA_DIR: dataDir, JIKE_DEMO_PASSWORD: PASSWORD });
  browser = await launchBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  if (server) await stop(server);
  rmSync(dataDir, { recursive: true, force: true });
});

it("signs in, switches language for good, browses the org tree and signs out", async () => {
  await page.goto(`${server.url}/`);
  await page.waitForURL(/\/login/);
  expect(await page.getAttribute("html", "lang")).toBe("zh-CN");

  await page.getByTestId("login-username").fill("admin");
  await page.getByTestId("login-password").fill("not-the-password-1");
  await page.getByTestId("login-submit").click();
  await expect.poll(() => page.getByText(zhCN.login.badCredentials).count()).toBeGreaterThan(0);

  await page.getByTestId("login-password").fill(PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("side-menu").waitFor();
  await expect.poll(() => page.getByTestId("side-menu").innerText()).toContain(zhCN.menu.orgUnits);

  await page.getByTestId("lang-switch").click();
  await page.getByTestId("lang-en-US").click();
  await expect.poll(() => page.getAttribute("html", "lang")).toBe("en-US");
  await expect.poll(() => page.getByTestId("side-menu").innerText()).toContain(enUS.menu.orgUnits);
  await page.reload();
  await page.getByTestId("side-menu").waitFor();
  expect(await page.getAttribute("html", "lang")).toBe("en-US");
  expect(await page.getByTestId("side-menu").innerText()).toContain(enUS.menu.orgUnits);

  await page.getByTestId("side-menu").getByText(enUS.menu.orgUnits).click();
  await page.waitForURL(/\/system\/org/);
  const tree = page.getByTestId("org-tree");
  await tree.getByText("集团总部").waitFor();
  await expect.poll(() => tree.getByText("湖南省公司").count()).toBeGreaterThan(0);

  await page.getByTestId("user-menu").click();
  await page.getByTestId("logout").click();
  await page.waitForURL(/\/login/);
  await page.goto(`${server.url}/system/org`);
  await page.waitForURL(/\/login/);
  const me = await page.evaluate(() => fetch("/api/v1/auth/me").then((r) => r.status));
  expect(me).toBe(401);
});

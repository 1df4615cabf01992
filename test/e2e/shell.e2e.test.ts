import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { enUS } from "../../web/src/i18n/en-US.ts";
import { zhCN } from "../../web/src/i18n/zh-CN.ts";
import type { RunningServer } from "../helpers/process.ts";
import { type Journey, openJourney } from "./browser.ts";

// The first journey of every user: sign in, switch the language (remembered), see the org tree, sign out.
const PASSWORD = "E2e@Pass123";
let server: RunningServer;
let journey: Journey;
let page: Page;

beforeAll(async () => {
  journey = await openJourney("shell", PASSWORD);
  ({ server, page } = journey);
});
afterAll(() => journey?.close());

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

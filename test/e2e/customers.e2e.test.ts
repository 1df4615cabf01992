import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { zhCN } from "../../web/src/i18n/zh-CN.ts";
import { type RunningServer, signIn } from "../helpers/process.ts";
import { type Journey, openJourney, signInPage } from "./browser.ts";

// An account manager's day: find an A-class customer, open the 360° view, record a key person and see
// them in the decision chain.
const PASSWORD = "E2e@Pass123";
let server: RunningServer;
let journey: Journey;
let page: Page;
let customer: { id: string; name: string };

beforeAll(async () => {
  journey = await openJourney("customers", PASSWORD);
  ({ server, page } = journey);
  // Give am_demo an A-class customer, as a city manager would, so the journey does not depend on the draw.
  const admin = await signIn(server.url, "admin", PASSWORD);
  const me = await (await signIn(server.url, "am_demo", PASSWORD)).call("GET", "/api/v1/auth/me");
  const amId = ((await me.json()) as { user: { id: string } }).user.id;
  const list = (await (await admin.call("GET", "/api/v1/customers?grade=A&limit=1&sort=name")).json()) as {
    items: { id: string; name: string }[];
  };
  customer = list.items[0]!;
  const assigned = await admin.call("POST", "/api/v1/customers/assign", {
    customerIds: [customer.id],
    accountManagerId: amId,
    reason: "e2e",
  });
  expect(assigned.status).toBe(200);
});
afterAll(() => journey?.close());

it("an account manager filters to A-class, opens a customer, adds a key person and sees the decision chain", async () => {
  await signInPage(page, server.url, "am_demo", PASSWORD);

  await page.goto(`${server.url}/customers`);
  await page.getByTestId("customer-table").waitFor();
  await page.getByTestId("filter-grade").click();
  await page.locator(".ant-select-dropdown").getByText(zhCN.customerGrade.A, { exact: true }).click();
  await page.keyboard.press("Escape");
  await page.waitForURL(/grade=A/);
  const table = page.getByTestId("customer-table");
  await table.getByText(customer.name).first().waitFor();
  // The filtered list is not empty, and holds the customer assigned above.
  await expect.poll(() => table.locator("tbody tr.ant-table-row").count()).toBeGreaterThan(0);

  await table.getByText(customer.name).first().click();
  await page.waitForURL(new RegExp(`/customers/${customer.id}`));
  await expect.poll(() => page.getByTestId("customer-header").innerText()).toContain(customer.name);

  await page.getByRole("tab", { name: zhCN.customer360.tabs.contacts }).click();
  await page.getByTestId("contact-add").click();
  await page.locator("#contact_name").fill("周建国");
  await page.locator("#contact_title").fill("信息中心主任");
  await page.locator("#contact_decisionRole").click();
  await page
    .locator(".ant-select-dropdown:visible")
    .getByText(zhCN.decisionRole.technical, { exact: true })
    .click();
  await page.getByTestId("contact-submit").click();

  const chain = page.getByTestId("decision-chain");
  await expect.poll(() => chain.innerText()).toContain("周建国");
  // The server has the new key person too: the page did not only draw it.
  const api = await signIn(server.url, "am_demo", PASSWORD);
  const contacts = (await (await api.call("GET", `/api/v1/customers/${customer.id}/contacts`)).json()) as {
    items: { name: string; decisionRole: string }[];
  };
  expect(contacts.items).toContainEqual(
    expect.objectContaining({ name: "周建国", decisionRole: "technical" }),
  );
});

it("a list too long to count reads 10,000+ and still pages to its end", async () => {
  // A province holds 200,000 customers and the server stops counting at 10,000 (`totalExact: false`);
  // the demo province is smaller, so the answer is given that shape on its way to the page.
  const offsets: string[] = [];
  await page.route(/\/api\/v1\/customers\?/, async (route) => {
    offsets.push(new URL(route.request().url()).searchParams.get("offset") ?? "");
    const response = await route.fetch();
    const body = (await response.json()) as Record<string, unknown>;
    await route.fulfill({ response, json: { ...body, total: 10_000, totalExact: false } });
  });
  await page.goto(`${server.url}/customers`);
  await page.getByTestId("customer-table").waitFor();
  // The pager sits beside the table, not inside the element carrying its test id.
  const pager = page.locator(".ant-table-pagination");
  const total = pager.locator(".ant-pagination-total-text");
  await expect.poll(() => total.innerText()).toBe(zhCN.customers.totalCapped.replace("{total}", "10,000"));

  // 10,000 at 20 a page: the pager reaches page 500, which asks for the rows from 9,980.
  await pager.locator(".ant-pagination-item-500").click();
  await page.waitForURL(/page=500/);
  await expect.poll(() => offsets).toContain("9980");
  await expect.poll(() => pager.locator(".ant-pagination-item-active").innerText()).toBe("500");
  // Let any answer still being reshaped finish before the page goes.
  await page.unrouteAll({ behavior: "wait" });
});

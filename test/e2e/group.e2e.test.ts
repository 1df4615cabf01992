import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { zhCN } from "../../web/src/i18n/zh-CN.ts";
import { type RunningServer, signIn } from "../helpers/process.ts";
import { type Journey, openJourney, signInPage } from "./browser.ts";

// A cross-region group (跨区客户): a parent in a 长沙 grid with subsidiaries in 长沙 and 株洲 is owned by
// the province. The 株洲 manager opens their subsidiary and sees the whole group, but may open only what
// is theirs; the province administrator opening the parent learns why it sits with the province.
const PASSWORD = "E2e@Pass123";
let server: RunningServer;
let journey: Journey;
let page: Page;

interface Unit {
  id: string;
  code: string;
  name: string;
}
interface Created {
  id: string;
  name: string;
  orgUnitId: string;
  homeOrgUnitId: string | null;
}
const group = {} as { parent: Created; changsha: Created; zhuzhou: Created; home: Unit; province: Unit };

beforeAll(async () => {
  journey = await openJourney("group", PASSWORD);
  ({ server, page } = journey);
  const admin = await signIn(server.url, "hn_admin", PASSWORD);
  const unit = async (code: string): Promise<Unit> => {
    const res = await admin.call("GET", `/api/v1/org/units?q=${encodeURIComponent(code)}&limit=50`);
    const found = ((await res.json()) as { items: Unit[] }).items.find((u) => u.code === code);
    if (!found) throw new Error(`the demo province has no unit ${code}`);
    return found;
  };
  const create = async (name: string, grid: Unit, parentId?: string): Promise<Created> => {
    const res = await admin.call("POST", "/api/v1/customers", { name, orgUnitId: grid.id, parentId });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Created;
  };
  group.home = await unit("430101G1");
  group.province = await unit("43");
  group.parent = await create("湘江跨区控股集团有限公司", group.home);
  group.changsha = await create("湘江跨区控股长沙分公司", await unit("430102G1"), group.parent.id);
  group.zhuzhou = await create("湘江跨区控股株洲分公司", await unit("430201G1"), group.parent.id);
  // The precondition of the journey: subsidiaries in two cities moved the parent up to the province.
  const parent = (await (await admin.call("GET", `/api/v1/customers/${group.parent.id}`)).json()) as Created;
  expect(parent.orgUnitId).toBe(group.province.id);
  expect(parent.homeOrgUnitId).toBe(group.home.id);
});
afterAll(() => journey?.close());

const signInAs = (username: string) => signInPage(page, server.url, username, PASSWORD);

it("a 株洲 manager sees the province-owned group of their subsidiary, opening only their own part", async () => {
  await signInAs("zz_mgr");
  await page.goto(`${server.url}/customers/${group.zhuzhou.id}`);
  const card = page.getByTestId("group-card");
  await card.getByTestId("group-subsidiaries").getByText(group.changsha.name).waitFor();

  // The parent is named, with the unit owning it, but the manager cannot open its archive.
  const parent = card.getByTestId("group-parent");
  expect(await parent.innerText()).toContain(group.parent.name);
  expect(await parent.getByRole("link").count()).toBe(0);
  expect(await card.getByTestId("group-owner").innerText()).toBe(group.province.name);
  expect(await card.getByTestId("group-revenue").innerText()).toMatch(/^¥[\d,]+\.\d{2}$/);
  const header = page.getByTestId("customer-parent-group");
  expect(await header.innerText()).toContain(group.parent.name);
  expect(await header.getByRole("link").count()).toBe(0);

  // Their own subsidiary is a link; the 长沙 one is a name only.
  const subsidiaries = card.getByTestId("group-subsidiaries");
  const own = subsidiaries.getByRole("link", { name: group.zhuzhou.name });
  expect(await own.getAttribute("href")).toBe(`/customers/${group.zhuzhou.id}`);
  expect(await subsidiaries.getByRole("link", { name: group.changsha.name }).count()).toBe(0);
  expect(await subsidiaries.getByText(zhCN.customerGroup.thisCustomer).count()).toBe(1);
});

it("the province administrator opens the parent and reads why the province owns it", async () => {
  await signInAs("hn_admin");
  await page.goto(`${server.url}/customers/${group.parent.id}`);
  const note = page.getByTestId("group-cross-region");
  // The note names the group's own grid once that unit's name has loaded.
  await expect.poll(() => note.innerText()).toContain(group.home.name);
  expect(await note.innerText()).toContain(group.province.name);
  const subsidiaries = page.getByTestId("group-subsidiaries");
  await subsidiaries.getByRole("link", { name: group.changsha.name }).click();
  await page.waitForURL(new RegExp(`/customers/${group.changsha.id}`));
  const parent = page.getByTestId("customer-parent-group").getByRole("link", { name: group.parent.name });
  await parent.waitFor();
  expect(await parent.getAttribute("href")).toBe(`/customers/${group.parent.id}`);
});

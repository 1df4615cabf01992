import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { zhCN } from "../../web/src/i18n/zh-CN.ts";
import { type RunningServer, signIn } from "../helpers/process.ts";
import { type Journey, openJourney, signInPage } from "./browser.ts";

// A marketing analyst's grading work: read the A/B/C rules in force, re-grade the province and watch the
// run finish; then lower the A-class handset bar in a draft, preview who would move and activate it.
const PASSWORD = "E2e@Pass123";
const RUN_TIMEOUT = { timeout: 60_000, interval: 250 };
let server: RunningServer;
let journey: Journey;
let page: Page;
let api: Awaited<ReturnType<typeof signIn>>;

interface Job {
  id: string;
  status: string;
  result: { customers: number; changed: Record<string, number> } | null;
}
interface RuleSet {
  id: string;
  revision: number;
  status: string;
  definition: { classes: { code: string; rules: { all: { field: string; value: unknown }[] }[] }[] };
}

const json = async <T>(res: Promise<Response>): Promise<T> => (await (await res).json()) as T;
const gradeSets = async () =>
  (await json<{ items: RuleSet[] }>(api.call("GET", "/api/v1/grading/rule-sets?kind=grade"))).items;

/**
 * Waits for the page to show a run other than `previous` and for that run to succeed; returns it as the
 * server has it.
 */
async function runSucceeded(previous: string | null = null): Promise<Job> {
  const card = page.getByTestId("regrade-run");
  await expect.poll(() => card.getAttribute("data-run-id").catch(() => null), RUN_TIMEOUT).not.toBe(previous);
  await expect.poll(() => card.getAttribute("data-status"), RUN_TIMEOUT).toBe("succeeded");
  const id = await card.getAttribute("data-run-id");
  return json<Job>(api.call("GET", `/api/v1/jobs/${id}`));
}

beforeAll(async () => {
  journey = await openJourney("grading", PASSWORD);
  ({ server, page } = journey);
  api = await signIn(server.url, "analyst_demo", PASSWORD);
});
afterAll(() => journey?.close());

it("an analyst reads the A/B/C rules in force, re-grades the province and sees the run succeed", async () => {
  await signInPage(page, server.url, "analyst_demo", PASSWORD);
  await page.getByTestId("side-menu").getByText(zhCN.menu.grading).click();
  await page.waitForURL(/\/customers\/grading/);

  const active = page.getByTestId("active-rule-set");
  await expect.poll(() => active.innerText()).toContain("中国移动 A/B/C 分类");
  const rules = await active.innerText();
  for (const label of ["A类", "B类", "C类"]) expect(rules).toContain(label);
  // Conditions read as sentences, not as JSON.
  expect(rules).toContain(`${zhCN.grading.fields.handsets} ≥ 500`);
  expect(rules).toContain(`${zhCN.grading.fields.industryDivision} ${zhCN.grading.ops.in} 63`);

  await page.getByTestId("regrade-all").click();
  const job = await runSucceeded();
  expect(job.status).toBe("succeeded");
  const result = page.getByTestId("regrade-result");
  await expect.poll(() => result.innerText()).toContain(job.result!.customers.toLocaleString("zh-CN"));
  expect(job.result!.customers).toBeGreaterThan(0);

  const recent = page.getByTestId("recent-runs");
  await expect.poll(() => recent.innerText()).toContain(zhCN.grading.run.status.succeeded);
});

it("a draft with a lower A-class bar is previewed with the server's numbers, then activated", async () => {
  await page.getByTestId("draft-new").click();
  await page.getByTestId("draft-name").fill("A类门槛300部");
  const firstRule = page.getByTestId("class-editor-0").getByTestId("rule-editor").first();
  await firstRule
    .locator("#rule-set-draft_definition_classes_0_rules_0_description")
    .fill("300 部及以上手机");
  await firstRule.getByTestId("condition-editor").first().getByRole("spinbutton").fill("300");
  await page.getByTestId("draft-save").click();

  const revisions = page.getByTestId("revisions-table");
  await expect.poll(() => revisions.innerText()).toContain("A类门槛300部");
  const draft = (await gradeSets()).find((s) => s.status === "draft")!;
  expect(draft.revision).toBe(2);
  expect(draft.definition.classes[0]!.rules[0]!.all[0]).toEqual({ field: "handsets", op: "gte", value: 300 });

  await revisions.getByTestId("draft-preview").click();
  const summary = page.getByTestId("preview-result").getByTestId("preview-summary");
  await summary.waitFor();
  const preview = await json<{ changed: number; moves: Record<string, number> }>(
    api.call("POST", `/api/v1/grading/rule-sets/${draft.id}/preview`),
  );
  expect(preview.changed).toBeGreaterThan(0);
  expect(await summary.innerText()).toContain(preview.changed.toLocaleString("zh-CN"));
  // Lowering A's bar only moves customers up into A.
  expect(Object.keys(preview.moves).every((m) => m.endsWith("→A"))).toBe(true);
  expect(await page.getByTestId("preview-moves").innerText()).toContain("A类");

  const earlier = await page.getByTestId("regrade-run").getAttribute("data-run-id");
  await page.getByTestId("preview-activate").click();
  await page.getByTestId("activate-confirm").click();
  const job = await runSucceeded(earlier);
  expect(job.result!.changed.grade).toBe(preview.changed);

  const sets = await gradeSets();
  expect(sets.map((s) => [s.revision, s.status])).toEqual([
    [2, "active"],
    [1, "retired"],
  ]);
  await expect.poll(() => page.getByTestId("active-rule-set").innerText()).toContain("A类门槛300部");
});

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, jobEnded, type TestApp } from "../../../../test/helpers/app.ts";
import { CHINA_MOBILE_ABC } from "../rules/default-rule-sets.ts";
import type { RuleSetDefinition } from "../rules/grading.ts";

interface RuleSet {
  id: string;
  kind: string;
  name: string;
  revision: number;
  status: "draft" | "active" | "retired";
  definition: RuleSetDefinition;
  activatedAt: string | null;
}
interface Customer {
  id: string;
  name: string;
  orgUnitId: string;
  handsets: number | null;
  grade: string | null;
  version: number;
}
interface Preview {
  total: number;
  changed: number;
  moves: Record<string, number>;
}

let t: TestApp;
let admin: Client;
let analyst: Client;
let unitIds: Map<string, string>;

const grades = async (): Promise<Map<string, string | null>> => {
  const res = await admin.get("/api/v1/customers?limit=200");
  expect(res.statusCode).toBe(200);
  const items = res.json().items as Customer[];
  expect(items.length).toBe(res.json().total);
  return new Map(items.map((c) => [c.id, c.grade]));
};
const ruleSets = async (client: Client, query = ""): Promise<RuleSet[]> => {
  const res = await client.get(`/api/v1/grading/rule-sets${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const moves = (before: Map<string, string | null>, after: Map<string, string | null>) => {
  const out: Record<string, number> = {};
  for (const [id, from] of before) {
    const to = after.get(id) ?? null;
    if (from !== to) out[`${from ?? "—"}→${to ?? "—"}`] = (out[`${from ?? "—"}→${to ?? "—"}`] ?? 0) + 1;
  }
  return out;
};

/** The default A/B/C with A from 250 handsets instead of 500. */
const lowerA = (handsets: number): RuleSetDefinition => ({
  ...CHINA_MOBILE_ABC,
  classes: CHINA_MOBILE_ABC.classes.map((c) =>
    c.code !== "A"
      ? c
      : {
          ...c,
          rules: c.rules.map((r) =>
            r.id === "a_handsets"
              ? {
                  id: `a_handsets_${handsets}`,
                  description: `${handsets} or more handsets (省公司调整)`,
                  all: [{ field: "handsets" as const, op: "gte" as const, value: handsets }],
                }
              : r,
          ),
        },
  ),
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  analyst = await t.login("analyst_demo");
  const units = (await admin.get("/api/v1/org/units?limit=200")).json().items as {
    id: string;
    code: string;
  }[];
  unitIds = new Map(units.map((u) => [u.code, u.id]));
});
afterAll(() => t.close());

describe("rule sets", () => {
  it("the province starts with the four default rule sets active, revision 1", async () => {
    const sets = await ruleSets(analyst);
    expect(sets).toHaveLength(4);
    expect(sets.map((s) => s.kind).sort()).toEqual(["grade", "market_segment", "smat_type", "value_tier"]);
    for (const s of sets) {
      expect(s).toMatchObject({ revision: 1, status: "active", activatedAt: expect.any(String) });
      expect(s.definition.classes.length).toBeGreaterThan(0);
    }
    const grade = sets.find((s) => s.kind === "grade")!;
    expect(grade.definition).toEqual(CHINA_MOBILE_ABC);
    expect(await ruleSets(analyst, "?kind=value_tier")).toHaveLength(1);
  });

  it("refuses an invalid definition with 400", async () => {
    const post = (definition: unknown) =>
      analyst.post("/api/v1/grading/rule-sets", { kind: "grade", name: "坏规则", definition });
    expect((await post({ classes: [], fallback: null })).statusCode).toBe(400);
    const rule = (condition: unknown) => ({
      classes: [
        { code: "A", labelZh: "A类", labelEn: "A", rules: [{ id: "r", description: "d", all: [condition] }] },
      ],
      fallback: null,
    });
    expect((await post(rule({ field: "handsets", op: "gt", value: 5 }))).statusCode).toBe(400);
    expect((await post(rule({ field: "revenue", op: "gte", value: 5 }))).statusCode).toBe(400);
    expect((await post(rule({ field: "handsets", op: "gte", value: "5" }))).statusCode).toBe(400);
    expect((await post(rule({ field: "industrySection", op: "in", value: [] }))).statusCode).toBe(400);
    const noConditions = {
      classes: [{ code: "A", labelZh: "A类", labelEn: "A", rules: [{ id: "r", description: "d", all: [] }] }],
      fallback: null,
    };
    expect((await post(noConditions)).statusCode).toBe(400);
    expect(
      (
        await analyst.post("/api/v1/grading/rule-sets", {
          kind: "size",
          name: "x",
          definition: CHINA_MOBILE_ABC,
        })
      ).statusCode,
    ).toBe(400);
    expect((await ruleSets(analyst, "?kind=grade")).map((s) => s.revision)).toEqual([1]);
  });

  it("a draft previews the moves that activating it then makes, and activation retires the old revision", async () => {
    const before = await grades();
    const created = await analyst.post("/api/v1/grading/rule-sets", {
      kind: "grade",
      name: "A类门槛250部",
      definition: lowerA(250),
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json() as RuleSet;
    expect(draft).toMatchObject({ kind: "grade", revision: 2, status: "draft", activatedAt: null });
    expect(await grades()).toEqual(before);

    const previewRes = await analyst.post(`/api/v1/grading/rule-sets/${draft.id}/preview`);
    expect(previewRes.statusCode, previewRes.body).toBe(200);
    const preview = previewRes.json() as Preview;
    expect(preview.total).toBe(before.size);
    expect(preview.changed).toBeGreaterThan(0);
    expect(Object.keys(preview.moves)).toEqual(["B→A"]);
    expect(Object.values(preview.moves).reduce((a, b) => a + b, 0)).toBe(preview.changed);
    expect(await grades()).toEqual(before);

    const activated = await analyst.post(`/api/v1/grading/rule-sets/${draft.id}/activate`);
    expect(activated.statusCode, activated.body).toBe(200);
    expect(activated.json()).toMatchObject({
      ruleSet: { id: draft.id, status: "active", activatedAt: expect.any(String) },
      job: { kind: "customers.regrade", params: { reason: "activated grade revision 2" } },
    });
    const run = await jobEnded(t, analyst, activated.json().job.id);
    expect(run).toMatchObject({
      status: "succeeded",
      progress: { done: before.size, total: before.size },
      result: { customers: before.size, changed: { grade: preview.changed } },
    });

    const after = await grades();
    expect(moves(before, after)).toEqual(preview.moves);
    const aBefore = [...before.values()].filter((g) => g === "A").length;
    const aAfter = (await admin.get("/api/v1/customers?grade=A&limit=1")).json().total;
    expect(aAfter).toBe(aBefore + preview.moves["B→A"]!);

    const grade = await ruleSets(analyst, "?kind=grade");
    expect(grade.map((s) => [s.revision, s.status])).toEqual([
      [2, "active"],
      [1, "retired"],
    ]);
    expect((await ruleSets(analyst)).filter((s) => s.status === "active")).toHaveLength(4);

    const moved = [...before].find(([id, g]) => g === "B" && after.get(id) === "A")![0];
    const overview = (await admin.get(`/api/v1/customers/${moved}/overview`)).json();
    expect(overview.customer.grade).toBe("A");
    expect(overview.gradeHistory[0]).toMatchObject({
      kind: "grade",
      fromValue: "B",
      toValue: "A",
      ruleId: "a_handsets_250",
      reason: "250 or more handsets (省公司调整)",
    });
    const customer = (await admin.get(`/api/v1/customers/${moved}`)).json() as Customer;
    expect(customer.handsets).toBeGreaterThanOrEqual(250);
    expect(customer.handsets).toBeLessThan(500);

    const again = await analyst.post(`/api/v1/grading/rule-sets/${draft.id}/preview`);
    expect(again.json()).toMatchObject({ changed: 0, moves: {} });

    const audit = (await admin.get(`/api/v1/audit?entityType=rule_set&entityId=${draft.id}`)).json()
      .items as {
      action: string;
    }[];
    expect(audit.map((a) => a.action).sort()).toEqual(["activate", "create"]);
  });

  it("only a draft can be activated: 400 for an active or retired one", async () => {
    const grade = await ruleSets(analyst, "?kind=grade");
    for (const s of grade) {
      const res = await analyst.post(`/api/v1/grading/rule-sets/${s.id}/activate`);
      expect(res.statusCode, s.status).toBe(400);
    }
    expect((await ruleSets(analyst, "?kind=grade")).map((s) => s.status)).toEqual(["active", "retired"]);
  });

  it("answers 404 for an unknown or malformed rule set id", async () => {
    expect((await analyst.post("/api/v1/grading/rule-sets/nope/preview")).statusCode).toBe(404);
    expect(
      (await analyst.post("/api/v1/grading/rule-sets/0190a000-0000-7000-8000-000000000000/activate"))
        .statusCode,
    ).toBe(404);
  });

  it("going back is a new revision too", async () => {
    const before = await grades();
    const created = (
      await analyst.post("/api/v1/grading/rule-sets", {
        kind: "grade",
        name: "恢复默认",
        definition: CHINA_MOBILE_ABC,
      })
    ).json() as RuleSet;
    expect(created.revision).toBe(3);
    const preview = (await analyst.post(`/api/v1/grading/rule-sets/${created.id}/preview`)).json() as Preview;
    expect(Object.keys(preview.moves)).toEqual(preview.changed > 0 ? ["A→B"] : []);
    const res = await analyst.post(`/api/v1/grading/rule-sets/${created.id}/activate`);
    expect(res.statusCode).toBe(200);
    expect((await jobEnded(t, analyst, res.json().job.id)).status).toBe("succeeded");
    expect(moves(before, await grades())).toEqual(preview.moves);
  });
});

describe("re-grading", () => {
  it("re-grades one customer whose facts changed, and only that one", async () => {
    const all = (await admin.get("/api/v1/customers?grade=C&limit=200")).json().items as Customer[];
    const target = all[0]!;
    const before = await grades();
    // A large bill booked in the prior calendar year makes it the province's top spender (001 高消费).
    await t.database.db.execute(sql`insert into revenue_fact
      (province_id, customer_id, month, product_line, group_paid_fen, member_paid_fen)
      values (43, ${target.id}, (date_trunc('year', now() at time zone 'Asia/Shanghai') - interval '6 months')::date,
        'one_off_project', 100000000000, 0)`);
    expect(await grades()).toEqual(before);

    const res = await analyst.post("/api/v1/grading/regrade", { customerId: target.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ customers: 1, changed: { grade: 1 } });
    const after = await grades();
    expect(after.get(target.id)).toBe("A");
    expect(moves(before, after)).toEqual({ "C→A": 1 });

    const history = (await admin.get(`/api/v1/customers/${target.id}/overview`)).json().gradeHistory;
    expect(history[0]).toMatchObject({
      kind: "grade",
      fromValue: "C",
      toValue: "A",
      ruleId: "a_top_spender",
      reason: "top 5% by prior-year spend (001 高消费)",
    });

    const twice = await analyst.post("/api/v1/grading/regrade", { customerId: target.id });
    expect(twice.json()).toEqual({
      customers: 1,
      changed: { grade: 0, value_tier: 0, market_segment: 0, smat_type: 0 },
    });
    const audit = (
      await admin.get(`/api/v1/audit?entityType=customer&entityId=${target.id}&action=regrade`)
    ).json();
    expect(audit.total).toBeGreaterThanOrEqual(2);
  });

  it("an analyst re-grades the whole province as a job, and reads its progress", async () => {
    const res = await analyst.post("/api/v1/grading/regrade", {});
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({
      existing: false,
      job: { kind: "customers.regrade", status: "queued", progress: { done: 0, total: null } },
    });
    const run = await jobEnded(t, analyst, res.json().job.id);
    const size = (await grades()).size;
    expect(run).toMatchObject({ status: "succeeded", attempts: 1, progress: { done: size, total: size } });
    expect(run.result).toMatchObject({ customers: size });
    const inbox = (await analyst.get("/api/v1/notifications?limit=5")).json().items;
    expect(inbox[0]).toMatchObject({
      kind: "customers_regrade_succeeded",
      params: { customers: size, runId: run.id },
      link: "/customers/grading",
    });
  });

  it("without grading:write every grading write is 403", async () => {
    const mgr = await t.login("hn_mgr");
    const some = [...(await grades()).keys()][0]!;
    const draft = (await ruleSets(analyst)).find((s) => s.status === "active")!;
    const calls = [
      mgr.post("/api/v1/grading/regrade", { customerId: some }),
      mgr.post("/api/v1/grading/regrade", {}),
      mgr.post("/api/v1/grading/rule-sets", { kind: "grade", name: "x", definition: CHINA_MOBILE_ABC }),
      mgr.post(`/api/v1/grading/rule-sets/${draft.id}/preview`),
      mgr.post(`/api/v1/grading/rule-sets/${draft.id}/activate`),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: "permission_denied",
        details: { permission: "grading:write" },
      });
    }
  });

  it("a city-level analyst re-grades customers of the city, but not the whole province", async () => {
    const hnAdmin = await t.login("hn_admin");
    const made = await hnAdmin.post("/api/v1/users", {
      username: "cs_analyst",
      name: "长沙分析师",
      password: "Analyst1234",
      roles: ["analyst"],
      orgUnitId: unitIds.get("4301"),
    });
    expect(made.statusCode, made.body).toBe(201);
    const city = await t.login("cs_analyst", "Analyst1234");
    const theirs = (await city.get("/api/v1/customers?limit=200")).json().items as Customer[];
    expect(theirs.length).toBeGreaterThan(0);
    const inCity = new Set(theirs.map((c) => c.id));
    const outside = [...(await grades()).keys()].find((id) => !inCity.has(id))!;

    expect((await city.post("/api/v1/grading/regrade", { customerId: theirs[0]!.id })).statusCode).toBe(200);
    expect((await city.post("/api/v1/grading/regrade", { customerId: outside })).statusCode).toBe(404);

    const whole = await city.post("/api/v1/grading/regrade", {});
    expect(whole.statusCode).toBe(403);
    expect(whole.json().code).toBe("out_of_scope");

    const draft = await city.post("/api/v1/grading/rule-sets", {
      kind: "grade",
      name: "长沙自定",
      definition: lowerA(100),
    });
    expect(draft.statusCode).toBe(403);
    const mine = await analyst.post("/api/v1/grading/rule-sets", {
      kind: "grade",
      name: "省级草稿",
      definition: lowerA(100),
    });
    expect(mine.statusCode).toBe(201);
    const before = await grades();
    const activate = await city.post(`/api/v1/grading/rule-sets/${mine.json().id}/activate`);
    expect(activate.statusCode).toBe(403);
    expect(await grades()).toEqual(before);
    expect((await ruleSets(analyst, "?kind=grade")).find((s) => s.id === mine.json().id)?.status).toBe(
      "draft",
    );
  });
});

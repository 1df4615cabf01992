import { describe, expect, it } from "vitest";
import type { Actor } from "../../../../platform/auth/actor.ts";
import type { Permission } from "../../../../platform/auth/permissions.ts";
import { columnOf, SheetCollector, sheetKindOf } from "./columns.ts";
import type { ExistingCustomer, ExistingMember } from "./lookups.ts";
import { render } from "./messages.ts";
import { IssueSink } from "./row-reader.ts";
import type { Cell, SheetKind } from "./types.ts";
import { validateContacts } from "./validate-contacts.ts";
import { type ImportContext, validateCustomers } from "./validate-customers.ts";
import { validateMembers } from "./validate-members.ts";

const actor = (permissions: Permission[], userId = "00000000-0000-7000-8000-0000000000aa"): Actor => ({
  userId,
  provinceId: 43,
  username: "tester",
  name: "测试员",
  orgUnitId: "u-city",
  orgPath: "hq.p43.cs",
  orgLevel: "city",
  roles: [],
  permissions: new Set(permissions),
  source: "web",
});
const manager = actor(["customer:read", "customer:write"]);

const existing = (code: string, over: Partial<ExistingCustomer> = {}): ExistingCustomer =>
  ({
    provinceId: 43,
    id: `00000000-0000-7000-8000-${code.padStart(12, "0").slice(-12)}`,
    code,
    name: `${code}有限公司`,
    shortName: null,
    creditCode: null,
    industrySection: "C",
    industryDivision: "39",
    address: null,
    orgUnitId: "g1",
    cluster: null,
    clusterType: null,
    employees: 10,
    handsets: 5,
    parentId: null,
    status: "active",
    accountManagerId: null,
    customerEngineerId: null,
    important: false,
    tags: [],
    notes: null,
    orgPath: "hq.p43.cs.c1.g1",
    visible: true,
    mergedIntoId: null,
    ...over,
  }) as ExistingCustomer;

const context = (over: Partial<ImportContext> = {}): ImportContext => ({
  actor: manager,
  provinceId: 43,
  today: "2026-03-01",
  units: new Map([
    ["430101G1", { id: "g1", code: "430101G1", path: "hq.p43.cs.c1.g1", active: true }],
    ["430201G1", { id: "zg1", code: "430201G1", path: "hq.p43.zz.c1.g1", active: true }],
    ["430101G9", { id: "g9", code: "430101G9", path: "hq.p43.cs.c1.g9", active: false }],
  ]),
  users: new Map([
    ["am0001", { id: "am1", username: "am0001", status: "active", roles: ["account_manager"] }],
    ["ce001", { id: "ce1", username: "ce001", status: "active", roles: ["customer_engineer"] }],
    ["agent_demo", { id: "ag1", username: "agent_demo", status: "active", roles: ["service_agent"] }],
  ]),
  customers: new Map(),
  ...over,
});

function sheetOf(kind: SheetKind, header: string[], rows: Cell[][]) {
  const collector = new SheetCollector(kind, kind);
  collector.add(1, header);
  for (const [i, row] of rows.entries()) collector.add(i + 2, row);
  return { sheet: collector.data, issues: collector.finish() };
}

const CUSTOMER_HEADER = [
  "客户编码 (code)",
  "客户名称 (name)",
  "归属组织编码 (orgUnitCode)",
  "行业门类 (industrySection)",
  "行业大类 (industryDivision)",
  "状态 (status)",
  "客户经理用户名 (accountManagerUsername)",
  "上级集团编码 (parentCode)",
];

function checkCustomers(rows: Cell[][], ctx = context()) {
  const { sheet } = sheetOf("customers", CUSTOMER_HEADER, rows);
  const sink = new IssueSink();
  const result = validateCustomers(sheet, ctx, sink);
  return { ...result, errors: sink.kept.map((i) => render(i, "zh-CN")), sink };
}

describe("matching sheets and headers", () => {
  it.each([
    ["客户 Customers", "customers"],
    ["客户", "customers"],
    ["Customers", "customers"],
    ["成员 Members", "members"],
    ["members", "members"],
    ["关键人 Key persons", "contacts"],
    ["Key persons", "contacts"],
    ["联系人", "contacts"],
    ["说明 README", null],
    ["Sheet1", null],
  ])("reads the sheet %j as %j", (name, kind) => expect(sheetKindOf(name)).toBe(kind));

  it.each([
    ["客户编码 (code)", "code"],
    ["客户编码（code）", "code"],
    ["客户编码* (code)", "code"],
    ["code", "code"],
    ["客户编码", "code"],
    ["CODE", "code"],
    ["归属组织编码 (orgUnitCode)", "orgUnitCode"],
    ["客户等级 (grade)", null],
    ["", null],
  ])("reads the header %j as %j", (header, key) =>
    expect(columnOf("customers", header)?.key ?? null).toBe(key),
  );

  it("skips empty rows and the template's untouched example row, and names missing required columns", () => {
    const { sheet, issues } = sheetOf(
      "members",
      ["客户编码 (customerCode)", "成员姓名 (name)", "付费方式 (payer)"],
      [["JK20240001", "张三", "集团"], [], ["", " ", null], ["JK1", "李四", "个人"]],
    );
    expect(sheet.rows).toEqual([{ row: 5, cells: ["JK1", null, "李四", "个人", null, null, null] }]);
    expect(issues.map((i) => [i.code, i.column])).toEqual([["missing_column", "手机号码 (msisdn)"]]);
  });
});

describe("checking customer rows", () => {
  it("collects every problem with its row, column, value, message and fix", () => {
    const { errors, plans } = checkCustomers([
      ["JK1", "长沙甲公司", "430101G1", "I", "65", "在网", "am0001", ""],
      ["JK2", "乙", "430101G2", "I", "39", "休眠", "agent_demo", ""],
      ["JK1", "长沙丙公司", "", "", "", "", "", ""],
    ]);
    expect(plans.size).toBe(1);
    expect(errors.map(({ row, column, value, code }) => ({ row, column, value, code }))).toEqual([
      { row: 3, column: "客户名称 (name)", value: "乙", code: "too_short" },
      { row: 3, column: "状态 (status)", value: "休眠", code: "bad_choice" },
      { row: 3, column: "归属组织编码 (orgUnitCode)", value: "430101G2", code: "unknown_org_unit" },
      {
        row: 3,
        column: "客户经理用户名 (accountManagerUsername)",
        value: "agent_demo",
        code: "user_lacks_role",
      },
      { row: 3, column: "行业大类 (industryDivision)", value: "39", code: "division_outside_section" },
      { row: 4, column: "归属组织编码 (orgUnitCode)", value: "", code: "required" },
      { row: 4, column: "客户编码 (code)", value: "JK1", code: "duplicate_in_file" },
    ]);
    const byCode = Object.fromEntries(errors.map((e) => [e.code, e]));
    expect(byCode.duplicate_in_file!.message).toBe("与第 2 行重复");
    expect(byCode.bad_choice!.fix).toBe("从下拉列表中选择：潜在、在网、预警、流失、赢回");
    expect(byCode.division_outside_section!.message).toBe(
      "行业大类 39 不属于门类 I（信息传输、软件和信息技术服务业：63–65）",
    );
    expect(byCode.user_lacks_role!.message).toBe("用户 agent_demo 没有“客户经理”角色");
    for (const e of errors) {
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.fix.length).toBeGreaterThan(0);
    }
  });

  it("writes the messages in English when asked", () => {
    const { sink } = checkCustomers([["JK1", "长沙甲公司", "430201G1", "", "", "", "", ""]]);
    expect(render(sink.kept[0]!, "en-US")).toMatchObject({
      code: "org_unit_out_of_scope",
      message: "The org unit 430201G1 is outside your data scope",
    });
  });

  it("refuses deactivated units and codes of customers outside the scope", () => {
    const ctx = context({ customers: new Map([["ZZ1", existing("ZZ1", { visible: false })]]) });
    const { errors } = checkCustomers(
      [
        ["JK1", "长沙甲公司", "430101G9", "", "", "", "", ""],
        ["ZZ1", "株洲乙公司", "430101G1", "", "", "", "", ""],
      ],
      ctx,
    );
    expect(errors.map((e) => e.code)).toEqual(["org_unit_inactive", "code_out_of_scope"]);
  });

  it("updates an existing customer, keeping what empty cells leave out, and checks its status move", () => {
    const stored = existing("JK1", { status: "churned", handsets: 40, accountManagerId: "am1" });
    const { plans, errors } = checkCustomers(
      [["JK1", "长沙甲公司新名", "430101G1", "", "", "", "", ""]],
      context({ customers: new Map([["JK1", stored]]) }),
    );
    expect(errors).toEqual([]);
    const plan = plans.get("JK1")!;
    expect(plan.record).toMatchObject({
      id: stored.id,
      name: "长沙甲公司新名",
      handsets: 40,
      status: "churned",
      industrySection: "C",
      accountManagerId: "am1",
    });
    expect(plan.changed).toBe(true);
    expect(plan.statusChange).toBeNull();

    const moved = checkCustomers(
      [["JK1", "长沙甲公司", "430101G1", "", "", "在网", "", ""]],
      context({ customers: new Map([["JK1", stored]]) }),
    );
    expect(moved.errors[0]).toMatchObject({
      code: "status_transition",
      message: "客户当前为“流失”，不能直接改为“在网”",
      fix: "可以改为：赢回；或留空，保持原状态",
    });
  });

  it("checks a new section against the stored division", () => {
    const ctx = context({ customers: new Map([["JK1", existing("JK1")]]) });
    const { errors } = checkCustomers([["JK1", "长沙甲公司", "430101G1", "I", "", "", "", ""]], ctx);
    expect(errors.map((e) => [e.field, e.code])).toEqual([["industryDivision", "division_outside_section"]]);
    expect(errors[0]!.message).toContain("行业大类 39 不属于门类 I");
  });

  it("resolves parent codes in the file and refuses loops and self-parents", () => {
    const { plans, errors } = checkCustomers([
      ["P1", "集团总部", "430101G1", "", "", "", "", ""],
      ["C1", "集团分部", "430101G1", "", "", "", "", "P1"],
      ["A", "甲公司", "430101G1", "", "", "", "", "B"],
      ["B", "乙公司", "430101G1", "", "", "", "", "A"],
      ["S", "丙公司", "430101G1", "", "", "", "", "S"],
      ["X", "丁公司", "430101G1", "", "", "", "", "NOPE"],
    ]);
    expect(plans.get("C1")!.record.parentId).toBe(plans.get("P1")!.record.id);
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [4, "parent_cycle"],
      [5, "parent_cycle"],
      [6, "parent_self"],
      [7, "unknown_customer"],
    ]);
    expect(errors[0]!.message).toBe("上级集团关系形成了循环：A → B → A");
  });

  it("makes an account manager the owner of what they import", () => {
    const am = { ...actor(["customer:read_own", "customer:write"], "am-self"), orgPath: "hq.p43.cs" };
    const { plans } = checkCustomers(
      [["JK1", "长沙甲公司", "430101G1", "", "", "", "am0001", ""]],
      context({ actor: am }),
    );
    expect(plans.get("JK1")!.record.accountManagerId).toBe("am-self");
  });
});

describe("checking member and key person rows", () => {
  const owner = existing("OWN1");
  const other = existing("OTHER", { id: "00000000-0000-7000-8000-00000000beef" });
  const ctx = context({
    customers: new Map([
      ["OWN1", owner],
      ["OTHER", other],
    ]),
  });
  const file = { plans: new Map(), codes: new Set<string>(["BAD"]) };
  const current = new Map<string, ExistingMember>([
    [
      "13900000001",
      {
        id: "m1",
        msisdn: "13900000001",
        customerId: other.id,
        customerCode: "OTHER",
        customerVisible: true,
        name: null,
        payer: "member",
        authentic: false,
        verifiedAt: null,
        joinedAt: "2025-01-01",
      },
    ],
    [
      "13900000002",
      {
        id: "m2",
        msisdn: "13900000002",
        customerId: owner.id,
        customerCode: "OWN1",
        customerVisible: true,
        name: "王五",
        payer: "group",
        authentic: true,
        verifiedAt: "2025-06-01",
        joinedAt: "2025-01-01",
      },
    ],
  ]);

  it("refuses lines of other groups and repeated lines, and updates lines already in the group", () => {
    const { sheet } = sheetOf(
      "members",
      ["客户编码 (customerCode)", "手机号码 (msisdn)", "实名核实 (authentic)"],
      [
        ["OWN1", "13900000001", ""],
        ["OWN1", "13900000002", ""],
        ["OWN1", "13900000003", "是"],
        ["OWN1", "139 0000 0003", ""],
        ["NOPE", "13900000004", ""],
        ["BAD", "13900000005", ""],
      ],
    );
    const sink = new IssueSink();
    const plans = validateMembers(sheet, ctx, file, current, sink);
    const errors = sink.kept.map((i) => render(i, "zh-CN"));
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "手机号码 (msisdn)", "msisdn_in_group"],
      [5, "手机号码 (msisdn)", "duplicate_in_file"],
      [6, "客户编码 (customerCode)", "unknown_customer"],
    ]);
    expect(errors[0]!.message).toBe("号码目前属于另一个集团（客户编码 OTHER）");
    expect(plans.map((p) => [p.record.msisdn, p.existing?.id ?? null, p.changed])).toEqual([
      ["13900000002", "m2", false],
      ["13900000003", null, true],
    ]);
    expect(plans[1]!.record).toMatchObject({
      authentic: true,
      verifiedAt: "2026-03-01",
      joinedAt: "2026-03-01",
    });
  });

  it("needs a decision role for key persons and refuses a second row for the same person", () => {
    const { sheet } = sheetOf(
      "contacts",
      [
        "客户编码 (customerCode)",
        "姓名 (name)",
        "决策角色 (decisionRole)",
        "关系强度 (relationshipStrength)",
      ],
      [
        ["OWN1", "李四", "决策者", "5"],
        ["OWN1", "李四", "影响者", ""],
        ["OWN1", "赵六", "", "6"],
      ],
    );
    const sink = new IssueSink();
    const plans = validateContacts(sheet, ctx, file, new Map(), sink);
    expect(sink.kept.map((i) => [i.row, i.field, i.code])).toEqual([
      [3, "name", "duplicate_in_file"],
      [4, "decisionRole", "required"],
      [4, "relationshipStrength", "out_of_range"],
    ]);
    expect(plans.map((p) => p.record)).toMatchObject([
      { name: "李四", decisionRole: "decision_maker", rank: "other" },
    ]);
  });
});

import { creditCodeCheckChar } from "../../rules/archive.ts";
import type { Cell, Issue, RawRow, SheetData, SheetKind } from "./types.ts";
import { cellText } from "./values.ts";
import {
  type Choices,
  CLUSTER_TYPE_CHOICES,
  DECISION_ROLE_CHOICES,
  PAYER_CHOICES,
  RANK_CHOICES,
  RELATIONSHIP_CHOICES,
  STATUS_CHOICES,
} from "./vocabulary.ts";

/**
 * The columns of the three archive sheets: what the template writes, what an import matches, and what
 * the README explains. Headers read `客户编码 (code)`; an import also accepts the Chinese or the English
 * part alone, in any order of columns, and ignores columns it does not know (such as an export's grade).
 */
export interface ColumnDef {
  key: string;
  zh: string;
  required: boolean;
  help: { zh: string; en: string };
  /** The template's example row: written as text, so it can be recognised and skipped on import. */
  example: string;
  /** A drop-down list in the template. */
  list?: readonly string[];
  /** Kept as text in the template, so Excel does not drop leading zeros or write 1.38E+10. */
  text?: boolean;
  /** Personal data (a line, a person's name or contact): masked in error reports without pii:read. */
  personal?: boolean;
  width?: number;
}

const labels = <T extends string>(choices: Choices<T>) =>
  Object.values<{ zh: string }>(choices).map((c) => c.zh);
const YES_NO = ["是", "否"] as const;
const EXAMPLE_CREDIT = `91430100MA4L00001${creditCodeCheckChar("91430100MA4L00001")}`;
const EXAMPLE_CODE = "JK20240001";

const CUSTOMER_COLUMNS: readonly ColumnDef[] = [
  {
    key: "code",
    zh: "客户编码",
    required: true,
    text: true,
    example: EXAMPLE_CODE,
    help: {
      zh: "本省唯一的客户编码（字母、数字、- 和 _，最长 32 位）。编码已存在时，这一行更新该客户。",
      en: "The customer's code, unique in the province (letters, digits, - and _, up to 32). An existing code updates that customer.",
    },
  },
  {
    key: "name",
    zh: "客户名称",
    required: true,
    width: 30,
    example: "长沙示例科技有限公司",
    help: { zh: "单位全称，2–100 个字符。", en: "The organisation's full name, 2–100 characters." },
  },
  {
    key: "shortName",
    zh: "简称",
    required: false,
    example: "示例科技",
    help: { zh: "最长 40 个字符。", en: "Up to 40 characters." },
  },
  {
    key: "creditCode",
    zh: "统一社会信用代码",
    required: false,
    text: true,
    width: 22,
    example: EXAMPLE_CREDIT,
    help: {
      zh: "18 位，带校验位（GB 32100-2015），导入时会核对校验位。",
      en: "18 characters with a check character (GB 32100-2015), which the import verifies.",
    },
  },
  {
    key: "industrySection",
    zh: "行业门类",
    required: false,
    example: "I",
    help: { zh: "GB/T 4754-2017 门类字母 A–T。", en: "GB/T 4754-2017 section letter, A–T." },
  },
  {
    key: "industryDivision",
    zh: "行业大类",
    required: false,
    text: true,
    example: "65",
    help: {
      zh: "两位数字，须属于所填门类（如门类 I 为 63–65）。",
      en: "Two digits inside the section (section I holds 63–65).",
    },
  },
  {
    key: "address",
    zh: "地址",
    required: false,
    width: 30,
    example: "湖南省长沙市芙蓉区五一大道100号",
    help: { zh: "最长 200 个字符。", en: "Up to 200 characters." },
  },
  {
    key: "orgUnitCode",
    zh: "归属组织编码",
    required: true,
    text: true,
    example: "430101G1",
    help: {
      zh: "客户归属的网格或区县的组织编码（如 430101G1），须在您的数据权限范围内。",
      en: "Code of the grid or county the customer belongs to (e.g. 430101G1), inside your data scope.",
    },
  },
  {
    key: "cluster",
    zh: "聚类名称",
    required: false,
    example: "芙蓉国际大厦",
    help: {
      zh: "所在楼宇、园区、专业市场或商业街的名称，最长 60 个字符。",
      en: "The building, park, market or street the customer is in, up to 60 characters.",
    },
  },
  {
    key: "clusterType",
    zh: "聚类类型",
    required: false,
    example: "楼宇",
    list: labels(CLUSTER_TYPE_CHOICES),
    help: { zh: "楼宇、园区、专业市场或商业街。", en: "building, park, market or street (or the Chinese)." },
  },
  {
    key: "employees",
    zh: "员工数",
    required: false,
    example: "120",
    help: { zh: "整数。", en: "A whole number." },
  },
  {
    key: "handsets",
    zh: "手机数",
    required: false,
    example: "80",
    help: { zh: "单位员工持有的手机数，整数。", en: "Mobile phones held by the staff, a whole number." },
  },
  {
    key: "parentCode",
    zh: "上级集团编码",
    required: false,
    text: true,
    example: "",
    help: {
      zh: "上级集团的客户编码：本文件中的另一行，或系统中已有的客户。",
      en: "Customer code of the parent group: another row of this file or an existing customer.",
    },
  },
  {
    key: "status",
    zh: "状态",
    required: false,
    example: "在网",
    list: labels(STATUS_CHOICES),
    help: {
      zh: "潜在、在网、预警、流失或赢回；新客户留空为“在网”，已有客户留空则不变。",
      en: "potential, active, at_risk, churned or won_back; empty means active for a new customer and unchanged for an existing one.",
    },
  },
  {
    key: "accountManagerUsername",
    zh: "客户经理用户名",
    required: false,
    example: "am_demo",
    help: {
      zh: "具有“客户经理”角色的员工登录名。客户经理本人导入时，自己即为客户经理。",
      en: "Login name of a user holding the account manager role. An account manager importing becomes the customers' manager.",
    },
  },
  {
    key: "customerEngineerUsername",
    zh: "客户工程师用户名",
    required: false,
    example: "",
    help: {
      zh: "具有“客户工程师”角色的员工登录名。",
      en: "Login name of a user holding the customer engineer role.",
    },
  },
  {
    key: "important",
    zh: "重要客户",
    required: false,
    example: "否",
    list: YES_NO,
    help: { zh: "是或否（也可填 true/false、1/0）。", en: "是/否, true/false or 1/0." },
  },
  {
    key: "tags",
    zh: "标签",
    required: false,
    example: "top500_taxpayer",
    help: {
      zh: "多个标签用 ; 或 ， 分隔，最多 30 个，每个最长 40 个字符。",
      en: "Separate tags with ; or ，; at most 30, each up to 40 characters.",
    },
  },
  {
    key: "notes",
    zh: "备注",
    required: false,
    width: 30,
    example: "",
    help: { zh: "最长 2000 个字符。", en: "Up to 2000 characters." },
  },
];

const CUSTOMER_CODE_REF: ColumnDef = {
  key: "customerCode",
  zh: "客户编码",
  required: true,
  text: true,
  example: EXAMPLE_CODE,
  help: {
    zh: "所属客户的编码：本文件“客户”表中的一行，或系统中您能看到的客户。",
    en: "Code of the customer: a row of this file's Customers sheet, or a customer you can see in Jike.",
  },
};

const MEMBER_COLUMNS: readonly ColumnDef[] = [
  CUSTOMER_CODE_REF,
  {
    key: "msisdn",
    zh: "手机号码",
    required: true,
    personal: true,
    text: true,
    width: 16,
    example: "13912345678",
    help: {
      zh: "11 位手机号码；同一号码同一时间只能属于一个集团。号码已是该客户成员时，这一行更新该成员。",
      en: "11-digit mobile number; a line belongs to one group at a time. A line already in this customer's group is updated.",
    },
  },
  {
    key: "name",
    zh: "成员姓名",
    required: false,
    personal: true,
    example: "张三",
    help: { zh: "最长 40 个字符。", en: "Up to 40 characters." },
  },
  {
    key: "payer",
    zh: "付费方式",
    required: false,
    example: "集团",
    list: labels(PAYER_CHOICES),
    help: {
      zh: "集团（统一付费）或个人（个人付费），留空为个人。",
      en: "group (the group pays) or member (the person pays); empty means member.",
    },
  },
  {
    key: "authentic",
    zh: "实名核实",
    required: false,
    example: "是",
    list: YES_NO,
    help: { zh: "是或否，留空为否。", en: "是/否 (yes/no); empty means no." },
  },
  {
    key: "verifiedAt",
    zh: "核实日期",
    required: false,
    text: true,
    example: "2024-03-01",
    help: {
      zh: "YYYY-MM-DD；已核实而留空时为导入当天。",
      en: "YYYY-MM-DD; for a verified line left empty, the day of the import.",
    },
  },
  {
    key: "joinedAt",
    zh: "入网日期",
    required: false,
    text: true,
    example: "2024-01-15",
    help: {
      zh: "YYYY-MM-DD，留空为导入当天（北京时间）。",
      en: "YYYY-MM-DD; empty means the day of the import (Asia/Shanghai).",
    },
  },
];

const CONTACT_COLUMNS: readonly ColumnDef[] = [
  CUSTOMER_CODE_REF,
  {
    key: "name",
    zh: "姓名",
    required: true,
    personal: true,
    example: "李四",
    help: {
      zh: "最长 40 个字符。该客户已有同名关键人时，这一行更新此人。",
      en: "Up to 40 characters. A key person of the same name at that customer is updated.",
    },
  },
  {
    key: "title",
    zh: "职务",
    required: false,
    example: "信息中心主任",
    help: { zh: "最长 60 个字符。", en: "Up to 60 characters." },
  },
  {
    key: "rank",
    zh: "级别",
    required: false,
    example: "处",
    list: labels(RANK_CHOICES),
    help: {
      zh: "厅局、处、科或其他（决定 VIP 卡：厅局→钻石、处→金、科→银），留空为其他。",
      en: "bureau, division, section or other (sets the VIP card); empty means other.",
    },
  },
  {
    key: "decisionRole",
    zh: "决策角色",
    required: true,
    example: "决策者",
    list: labels(DECISION_ROLE_CHOICES),
    help: {
      zh: "决策者、影响者、使用者、技术负责人或采购。",
      en: "decision_maker, influencer, user, technical or purchaser.",
    },
  },
  {
    key: "mobile",
    zh: "手机",
    required: false,
    personal: true,
    text: true,
    width: 16,
    example: "13812345678",
    help: { zh: "11 位手机号码。", en: "11-digit mobile number." },
  },
  {
    key: "email",
    zh: "邮箱",
    required: false,
    personal: true,
    width: 24,
    example: "li.si@example.com",
    help: { zh: "电子邮箱地址。", en: "E-mail address." },
  },
  {
    key: "birthday",
    zh: "生日",
    required: false,
    personal: true,
    text: true,
    example: "1975-06-18",
    help: { zh: "YYYY-MM-DD。", en: "YYYY-MM-DD." },
  },
  {
    key: "interests",
    zh: "兴趣爱好",
    required: false,
    example: "羽毛球",
    help: { zh: "最长 200 个字符。", en: "Up to 200 characters." },
  },
  {
    key: "relationshipStrength",
    zh: "关系强度",
    required: false,
    example: "4",
    list: RELATIONSHIP_CHOICES,
    help: { zh: "1（弱）到 5（强）的整数。", en: "A whole number from 1 (weak) to 5 (strong)." },
  },
];

export interface SheetDef {
  kind: SheetKind;
  /** The sheet's name in the template; imports also match the Chinese or English part alone. */
  name: string;
  zh: string;
  en: string;
  columns: readonly ColumnDef[];
}

export const SHEETS: Readonly<Record<SheetKind, SheetDef>> = {
  customers: {
    kind: "customers",
    name: "客户 Customers",
    zh: "客户",
    en: "Customers",
    columns: CUSTOMER_COLUMNS,
  },
  members: { kind: "members", name: "成员 Members", zh: "成员", en: "Members", columns: MEMBER_COLUMNS },
  contacts: {
    kind: "contacts",
    name: "关键人 Key persons",
    zh: "关键人",
    en: "Key persons",
    columns: CONTACT_COLUMNS,
  },
};

export const isPersonal = (kind: SheetKind, key: string): boolean =>
  SHEETS[kind].columns.some((c) => c.key === key && c.personal === true);

/** `客户编码 (code)`: the header the template writes and the export repeats. */
export const headerOf = (column: ColumnDef): string => `${column.zh} (${column.key})`;

const squash = (text: string) => text.toLowerCase().replace(/[\s_\-*＊]/g, "");
const SHEET_NAMES: [string, SheetKind][] = [
  ["客户", "customers"],
  ["集团客户", "customers"],
  ["customers", "customers"],
  ["customer", "customers"],
  ["成员", "members"],
  ["集团成员", "members"],
  ["members", "members"],
  ["member", "members"],
  ["关键人", "contacts"],
  ["联系人", "contacts"],
  ["keypersons", "contacts"],
  ["contacts", "contacts"],
];

/** "客户 Customers", "客户", "Customers" and "customers" all name the customers sheet. */
export function sheetKindOf(sheetName: string): SheetKind | null {
  const name = squash(sheetName);
  for (const [alias, kind] of SHEET_NAMES) {
    if (name === alias) return kind;
    // The template's form: the Chinese name followed by the English one.
    const chinese = !/^[a-z]/.test(alias);
    if (chinese && name.startsWith(alias) && /^[a-z]+$/.test(name.slice(alias.length))) return kind;
  }
  return null;
}

/** The column a header names: `客户编码 (code)`, `客户编码（code）`, `客户编码*`, `code` or `客户编码`. */
export const columnOf = (kind: SheetKind, header: string): ColumnDef | null =>
  matchColumn(SHEETS[kind].columns, header);

/**
 * The column of `columns` a header names, by the rule of `columnOf`; `aliases` are other headers the
 * same column goes by (another system's export). Case, spaces, `_`, `-` and `*` do not count.
 */
export function matchColumn<C extends { key: string; zh: string; aliases?: readonly string[] }>(
  columns: readonly C[],
  header: string,
): C | null {
  const text = header.trim();
  if (text === "") return null;
  const bracket = /[(（]\s*([A-Za-z]+)\s*[)）]\s*\**\s*$/.exec(text);
  if (bracket) {
    const key = bracket[1]!.toLowerCase();
    const found = columns.find((c) => c.key.toLowerCase() === key);
    if (found) return found;
  }
  const bare = squash(text.replace(/[(（].*$/, ""));
  return (
    columns.find(
      (c) =>
        squash(c.key) === bare ||
        squash(c.zh) === bare ||
        c.aliases?.some((a) => squash(a) === bare) === true,
    ) ?? null
  );
}

const MAX_ROWS = 200_000;

/**
 * Reads one sheet (or CSV file) row by row: the first row is the header, later rows keep only the known
 * columns. Empty rows and the template's untouched example row are skipped.
 */
export class SheetCollector {
  readonly data: SheetData;
  readonly issues: Issue[] = [];
  private positions: number[] = [];
  private example: string[] = [];
  private headerSeen = false;
  private overflow = false;

  constructor(kind: SheetKind, name: string) {
    this.data = { kind, name, headers: new Map(), index: new Map(), rows: [] };
  }

  /** `cells` are 0-based; `row` is the number Excel shows. */
  add(row: number, cells: readonly Cell[]): void {
    if (!this.headerSeen) {
      if (cells.every((c) => cellText(c) === "")) return;
      this.headerSeen = true;
      this.bindHeader(row, cells);
      return;
    }
    const picked: Cell[] = new Array(this.positions.length);
    let empty = true;
    let example = true;
    for (let i = 0; i < picked.length; i++) {
      const p = this.positions[i]!;
      const cell = p < 0 ? null : (cells[p] ?? null);
      picked[i] = cell;
      if (empty || example) {
        const text = cellText(cell);
        if (text !== "") empty = false;
        if (text !== this.example[i]) example = false;
      }
    }
    if (empty || example) return;
    if (this.data.rows.length >= MAX_ROWS) {
      if (!this.overflow) {
        this.overflow = true;
        this.issues.push(this.fileIssue(row, "too_many_rows", { max: MAX_ROWS }));
      }
      return;
    }
    this.data.rows.push({ row, cells: picked } satisfies RawRow);
  }

  /** Problems with the header; call once every row was added. */
  finish(): Issue[] {
    if (!this.headerSeen) this.bindHeader(1, []);
    return this.issues;
  }

  private fileIssue(row: number, code: string, params: Issue["params"] = {}, column = "", field = ""): Issue {
    return { sheet: this.data.name, row, column, field, value: "", personal: false, code, params };
  }

  private bindHeader(row: number, cells: readonly Cell[]) {
    const columns = SHEETS[this.data.kind].columns;
    const found = new Map<string, number>();
    cells.forEach((cell, position) => {
      const text = cellText(cell);
      const column = columnOf(this.data.kind, text);
      if (!column) return;
      if (found.has(column.key)) {
        this.issues.push({ ...this.fileIssue(row, "duplicate_column", {}, text, column.key), value: text });
        return;
      }
      found.set(column.key, position);
      this.data.headers.set(column.key, text);
    });
    columns.forEach((column, i) => {
      this.data.index.set(column.key, i);
      this.positions.push(found.get(column.key) ?? -1);
      this.example.push(found.has(column.key) ? column.example : "");
      if (!found.has(column.key)) {
        this.data.headers.set(column.key, headerOf(column));
        if (column.required)
          this.issues.push(this.fileIssue(row, "missing_column", {}, headerOf(column), column.key));
      }
    });
  }
}

import type { ImportError, Issue, Locale } from "./types.ts";

/**
 * What each import problem says, and how to fix it, in Chinese and English. The server writes these
 * itself (they land in the error report, which users open in Excel, not in the web app), so they do
 * not go through the web dictionaries.
 */
export type Params = Record<string, string | number>;
export type Words = { zh: [message: string, fix: string]; en: [message: string, fix: string] };
export type Catalogue = Record<string, (p: Params) => Words>;

const CATALOGUE = {
  no_sheets: (p) => ({
    zh: [
      `文件中没有可导入的工作表（现有：${p.sheets}）`,
      "把工作表命名为「客户 Customers」「成员 Members」或「关键人 Key persons」，或直接使用下载的模板",
    ],
    en: [
      `No sheet of the file can be imported (found: ${p.sheets})`,
      'Name the sheets "客户 Customers", "成员 Members" or "关键人 Key persons", or start from the downloaded template',
    ],
  }),
  duplicate_sheet: (p) => ({
    zh: [`两个工作表都是${p.kind}表（另一个：${p.other}）`, "把数据合并到一个工作表中，删除另一个"],
    en: [
      `Two sheets hold ${p.kind} (the other: ${p.other})`,
      "Move the rows into one sheet and delete the other",
    ],
  }),
  no_rows: () => ({
    zh: ["文件中没有可导入的数据行", "从第 2 行起逐行填写数据（模板中原样保留的示例行会被跳过）"],
    en: [
      "The file holds no rows to import",
      "Fill in one row per record from row 2 on (an untouched example row of the template is skipped)",
    ],
  }),
  too_many_rows: (p) => ({
    zh: [`一个工作表最多导入 ${p.max} 行`, "把数据拆分成多个文件分批导入"],
    en: [`A sheet may hold at most ${p.max} rows`, "Split the rows over several files"],
  }),
  several_provinces: (p) => ({
    zh: [`文件中的组织和客户分属多个省份（${p.provinces}）`, "每个文件只导入一个省的数据"],
    en: [
      `The file's org units and customers belong to several provinces (${p.provinces})`,
      "Import one province per file",
    ],
  }),
  missing_column: () => ({
    zh: ["缺少这一必填列", "在第 1 行加上这一列的表头（可从模板复制），并逐行填写"],
    en: [
      "This required column is missing",
      "Add its header to row 1 (copy it from the template) and fill it in",
    ],
  }),
  duplicate_column: () => ({
    zh: ["这一列的表头出现了两次", "删除或改名其中一列"],
    en: ["This column's header appears twice", "Delete or rename one of the two columns"],
  }),
  required: () => ({
    zh: ["必填项为空", "填写这一格；不需要导入的行请整行删除"],
    en: ["This value is required", "Fill in this cell, or delete the whole row if it should not be imported"],
  }),
  too_long: (p) => ({
    zh: [`长度 ${p.length} 超过了 ${p.max} 个字符的上限`, `缩短到 ${p.max} 个字符以内`],
    en: [
      `${p.length} characters, more than the ${p.max} allowed`,
      `Shorten it to at most ${p.max} characters`,
    ],
  }),
  too_short: (p) => ({
    zh: [`至少需要 ${p.min} 个字符`, "填写完整的内容"],
    en: [`At least ${p.min} characters are needed`, "Write it out in full"],
  }),
  bad_code: () => ({
    zh: ["客户编码只能包含字母、数字、- 和 _，最长 32 位", "去掉空格、汉字和其他符号"],
    en: [
      "A customer code may hold only letters, digits, - and _, up to 32 characters",
      "Remove spaces, Chinese characters and other symbols",
    ],
  }),
  not_integer: () => ({
    zh: ["不是整数", "填写不带小数、单位和文字的整数，如 120"],
    en: ["Not a whole number", "Write a whole number without decimals, units or words, e.g. 120"],
  }),
  out_of_range: (p) => ({
    zh: [`应在 ${p.min} 到 ${p.max} 之间`, `填写 ${p.min}–${p.max} 之间的数`],
    en: [`Must be between ${p.min} and ${p.max}`, `Write a number from ${p.min} to ${p.max}`],
  }),
  bad_choice: (p) => ({
    zh: [`“${p.value}”不是可选的值`, `从下拉列表中选择：${p.allowedZh}`],
    en: [`"${p.value}" is not one of the allowed values`, `Choose one of: ${p.allowedEn}`],
  }),
  bad_yes_no: () => ({
    zh: ["应为“是”或“否”", "填写 是 或 否（也可以是 true/false、1/0）"],
    en: ['Must be "yes" or "no"', "Write 是 or 否 (true/false and 1/0 also work)"],
  }),
  bad_date: () => ({
    zh: ["不是有效的日期", "按 YYYY-MM-DD 填写，如 2024-03-01"],
    en: ["Not a valid date", "Write it as YYYY-MM-DD, e.g. 2024-03-01"],
  }),
  bad_msisdn: () => ({
    zh: ["不是 11 位手机号码", "填写以 1 开头的 11 位数字，不带空格、横线或 +86"],
    en: [
      "Not an 11-digit mobile number",
      "Write the 11 digits starting with 1, without spaces, dashes or +86",
    ],
  }),
  msisdn_scientific: () => ({
    zh: ["号码被 Excel 转成了科学计数法，后几位已丢失", "把该列的单元格格式设为“文本”，再重新输入号码"],
    en: [
      "Excel turned the number into scientific notation and lost its last digits",
      'Format the column as "Text" and type the numbers again',
    ],
  }),
  bad_email: () => ({
    zh: ["不是有效的电子邮箱", "填写完整的邮箱地址，如 zhang.san@example.com"],
    en: ["Not a valid e-mail address", "Write the full address, e.g. zhang.san@example.com"],
  }),
  credit_length: () => ({
    zh: ["统一社会信用代码应为 18 位", "对照营业执照重新填写 18 位代码"],
    en: [
      "A unified social credit code has 18 characters",
      "Copy the 18 characters from the business licence",
    ],
  }),
  credit_characters: () => ({
    zh: [
      "统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）",
      "对照营业执照检查，注意数字 0/1 与字母 O/I 的区别",
    ],
    en: [
      "The credit code holds characters it cannot have (I, O, Z, S and V are never used)",
      "Check it against the business licence; 0 and 1 are digits, not the letters O and I",
    ],
  }),
  credit_check_digit: () => ({
    zh: ["统一社会信用代码的校验位不对（GB 32100-2015），可能有输入错误", "对照营业执照逐位核对"],
    en: [
      "The credit code's check character does not match (GB 32100-2015); there is probably a typo",
      "Compare it character by character with the business licence",
    ],
  }),
  bad_section: () => ({
    zh: ["行业门类应为 A–T 中的一个字母", "按 GB/T 4754-2017 填写门类字母，如 C（制造业）"],
    en: [
      "The industry section is one letter from A to T",
      "Use the GB/T 4754-2017 section, e.g. C (manufacturing)",
    ],
  }),
  bad_division: () => ({
    zh: ["行业大类应为两位数字", "按 GB/T 4754-2017 填写两位大类代码，如 39"],
    en: ["The industry division has two digits", "Use the two-digit GB/T 4754-2017 division, e.g. 39"],
  }),
  division_without_section: () => ({
    zh: ["填写了行业大类，但没有行业门类", "同时填写行业门类（A–T）"],
    en: ["A division is given without its section", "Fill in the industry section (A–T) too"],
  }),
  division_outside_section: (p) => ({
    zh: [
      `行业大类 ${p.division} 不属于门类 ${p.section}（${p.sectionName}：${p.from}–${p.to}）`,
      `改为 ${p.from}–${p.to} 之间的大类，或更正行业门类`,
    ],
    en: [
      `Division ${p.division} is not in section ${p.section} (${p.sectionNameEn}: ${p.from}–${p.to})`,
      `Use a division from ${p.from} to ${p.to}, or correct the section`,
    ],
  }),
  duplicate_in_file: (p) => ({
    zh: [`与第 ${p.firstRow} 行重复`, "同一记录在文件中只能出现一次：合并两行，或删除其中一行"],
    en: [`Repeats row ${p.firstRow}`, "A record may appear once per file: merge the two rows or delete one"],
  }),
  unknown_org_unit: (p) => ({
    zh: [`找不到组织编码 ${p.value}`, "填写系统中的组织编码（网格或区县），如 430101G1"],
    en: [
      `No org unit has the code ${p.value}`,
      "Use the code of an org unit (a grid or county), e.g. 430101G1",
    ],
  }),
  org_unit_out_of_scope: (p) => ({
    zh: [
      `组织 ${p.value} 不在您的数据权限范围内`,
      "只能导入到您所在的组织及其下级；其他组织的客户请由其管理员导入",
    ],
    en: [
      `The org unit ${p.value} is outside your data scope`,
      "Import only into your own org unit and the units below it; ask that unit's staff for the others",
    ],
  }),
  org_unit_inactive: (p) => ({
    zh: [`组织 ${p.value} 已停用`, "改为在用的组织"],
    en: [`The org unit ${p.value} is deactivated`, "Use an active org unit"],
  }),
  unknown_user: (p) => ({
    zh: [`找不到用户名 ${p.value}`, "填写本省员工的登录用户名（不是姓名）"],
    en: [
      `No user has the username ${p.value}`,
      "Use the staff member's login name in this province (not the name)",
    ],
  }),
  user_inactive: (p) => ({
    zh: [`用户 ${p.value} 已停用`, "改为在岗员工的用户名"],
    en: [`The user ${p.value} is disabled`, "Use the username of someone still at work"],
  }),
  user_lacks_role: (p) => ({
    zh: [`用户 ${p.value} 没有“${p.roleZh}”角色`, `填写具有“${p.roleZh}”角色的员工用户名`],
    en: [`The user ${p.value} is not a ${p.roleEn}`, `Use the username of a ${p.roleEn}`],
  }),
  unknown_customer: (p) => ({
    zh: [
      `找不到客户编码 ${p.value}（或该客户不在您的权限范围内）`,
      "填写本文件“客户”表中的客户编码，或系统中您能看到的客户的编码",
    ],
    en: [
      `No customer with the code ${p.value} in your scope`,
      "Use a code from the file's Customers sheet, or of a customer you can see in Jike",
    ],
  }),
  code_out_of_scope: (p) => ({
    zh: [`客户编码 ${p.value} 已被您权限范围外的客户使用`, "换一个编码；若要修改那个客户，请联系其归属组织"],
    en: [
      `The code ${p.value} belongs to a customer outside your scope`,
      "Choose another code; to change that customer, ask the unit it belongs to",
    ],
  }),
  code_merged: (p) => ({
    zh: [`客户编码 ${p.value} 属于一条已被合并的重复记录`, "改用合并后保留的那个客户的编码"],
    en: [
      `The code ${p.value} belongs to a duplicate record that was merged into another customer`,
      "Use the code of the customer it was merged into",
    ],
  }),
  parent_self: () => ({
    zh: ["上级集团不能是客户自己", "填写另一个客户的编码，或留空"],
    en: ["A customer cannot be its own parent group", "Use another customer's code, or leave it empty"],
  }),
  parent_cycle: (p) => ({
    zh: [`上级集团关系形成了循环：${p.chain}`, "去掉其中一个上级集团编码，打断循环"],
    en: [`The parent groups form a loop: ${p.chain}`, "Remove one of the parent codes to break the loop"],
  }),
  status_transition: (p) => ({
    zh: [`客户当前为“${p.fromZh}”，不能直接改为“${p.toZh}”`, `可以改为：${p.allowedZh}；或留空，保持原状态`],
    en: [
      `The customer is ${p.from} and cannot become ${p.to} directly`,
      `It may become: ${p.allowed}; or leave the cell empty to keep the status`,
    ],
  }),
  msisdn_in_group: (p) => ({
    zh: [`号码目前属于另一个集团${p.other ? `（客户编码 ${p.other}）` : ""}`, "先让该号码退出原集团，再导入"],
    en: [
      `The line belongs to another group${p.other ? ` (customer ${p.other})` : ""}`,
      "Have the line leave that group first, then import it",
    ],
  }),
  contact_ambiguous: () => ({
    zh: ["该客户已有多位同名的关键人，无法确定要更新哪一位", "在客户档案页面直接修改这几位关键人"],
    en: [
      "The customer has several key persons of this name; the row cannot tell which one to update",
      "Edit those key persons on the customer's page instead",
    ],
  }),
  too_many_tags: (p) => ({
    zh: [`标签最多 ${p.max} 个`, `保留最重要的 ${p.max} 个标签`],
    en: [`At most ${p.max} tags`, `Keep the ${p.max} most useful tags`],
  }),
} satisfies Record<string, (p: Params) => Words>;

export const IMPORT_MESSAGES = CATALOGUE;

/** The file-level problems every import shares (its header row, empty files, repeated rows). */
export const SHARED_MESSAGES = {
  missing_column: CATALOGUE.missing_column,
  duplicate_column: CATALOGUE.duplicate_column,
  required: CATALOGUE.required,
  no_rows: CATALOGUE.no_rows,
  duplicate_in_file: CATALOGUE.duplicate_in_file,
} satisfies Catalogue;

export type ProblemCode = keyof typeof CATALOGUE;
export interface Problem {
  code: ProblemCode;
  params?: Params;
}

export const render = (issue: Issue, locale: Locale): ImportError => renderWith(CATALOGUE, issue, locale);

/** An issue in words from `catalogue`; an unknown code is shown as it is rather than lost. */
export function renderWith(catalogue: Catalogue, issue: Issue, locale: Locale): ImportError {
  const words = catalogue[issue.code]?.(issue.params);
  const [message, fix] = words ? (locale === "en-US" ? words.en : words.zh) : [issue.code, ""];
  const { params: _p, ...where } = issue;
  return { ...where, message, fix };
}

/** Accept-Language → the language of messages: English when asked for first, Chinese otherwise. */
export function localeOf(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
}

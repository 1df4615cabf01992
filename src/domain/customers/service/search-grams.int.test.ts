import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../../test/helpers/app.ts";
import type { Database } from "../../../platform/db/index.ts";
import { rowsOf } from "../../../platform/db/sql.ts";
import { uuidv7 } from "../../../platform/ids.ts";
import { searchGrams } from "../rules/search-grams.ts";

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

const NAMES: [string, string | null][] = [
  ["湖南省长沙市天心区某某科技有限公司", "某某科技"],
  ["TCL 华星光电（长沙）有限公司", "TCL"],
  ["湖南　移动\t分公司\n", null],
  ["Ｂ＆Ｑ 百安居 ÄÖÜ straße", "B&Q"],
  ["  前后有空格  ", "  "],
  ["𠀋记餐饮", "😀表情"],
  ["a\u00a0b\u2003c", "x\u000by\u000cz\rw"],
  ["", ""],
];

const inDatabase = async (name: string, short: string | null) =>
  (
    await rowsOf<{ g: string[] }>(
      database.db,
      sql`select search_grams(${name}::text || ' ' || coalesce(${short}::text, '')) as g`,
    )
  )[0]!.g;

const stored = async (id: string) =>
  (
    await rowsOf<{ g: string[] }>(database.db, sql`select search_grams as g from customer where id = ${id}`)
  )[0]!.g;

describe("search grams in the application and in the database", () => {
  it("are the same arrays, character for character", async () => {
    for (const [name, short] of NAMES)
      expect(await inDatabase(name, short), `${name} / ${short}`).toEqual(searchGrams(name, short));
  });

  it("are filled in by the database for a row written without them, and again when it is renamed", async () => {
    const [unit] = await rowsOf<{ id: string }>(
      database.db,
      sql`select id from org_unit where level = 'grid' limit 1`,
    );
    const id = uuidv7();
    await database.db.execute(sql`insert into customer (province_id, id, code, name, short_name, org_unit_id)
      values (43, ${id}, 'GRAMS1', '长沙某某医院', '某某', ${unit!.id})`);
    expect(await stored(id)).toEqual(searchGrams("长沙某某医院", "某某"));

    await database.db.execute(sql`update customer set name = '株洲某某学校' where id = ${id}`);
    expect(await stored(id)).toEqual(searchGrams("株洲某某学校", "某某"));

    // A writer that sends its own grams with the rename keeps them (the import does).
    await database.db.execute(
      sql`update customer set short_name = null, search_grams = string_to_array(${"株 洲 株洲"}, ' ') where id = ${id}`,
    );
    expect(await stored(id)).toEqual(["株", "洲", "株洲"]);
  });
});

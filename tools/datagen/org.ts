import { HQ_PROVINCE_ID, pathLabel } from "../../src/platform/db/columns.ts";
import { DEMO_CITIES, DEMO_PROVINCE, GRID_NAMES } from "./province.ts";
import { mobile, personName, type Rng } from "./random.ts";

/** test: a small tree for tests; demo: the first-start province; province: a real province's size (J2). */
export type Scale = "test" | "demo" | "province";

export interface UnitRow {
  provinceId: number;
  id: string;
  parentId: string;
  level: "province" | "city" | "county" | "grid";
  code: string;
  name: string;
  path: string;
  sortOrder: number;
}
export interface UserPlan {
  provinceId: number;
  id: string;
  username: string;
  name: string;
  orgUnitId: string;
  phone: string;
  roles: string[];
}
export interface OrgPlan {
  units: UnitRow[];
  users: UserPlan[];
  /** The logins printed at start: username → what it demonstrates. */
  logins: { username: string; role: string; unit: string }[];
}

const EPOCH = Date.UTC(2026, 0, 1);
const GRIDS_PER_COUNTY: Record<Scale, number> = { test: 2, demo: 3, province: 12 };
/** The chance that a grid beyond a county's first gets an account manager. */
const AM_CHANCE: Record<Scale, number> = { test: 0.15, demo: 0.15, province: 1 };

/** Plans the demo province under HQ: cities, counties, grids and ~300 staff across every role. */
export function planOrg(rng: Rng, hq: { id: string; path: string }, scale: Scale): OrgPlan {
  const units: UnitRow[] = [];
  const users: UserPlan[] = [];
  const logins: OrgPlan["logins"] = [];
  const P = DEMO_PROVINCE.provinceId;
  const unit = (parent: { id: string; path: string }, row: Omit<UnitRow, "id" | "path" | "parentId">) => {
    const id = rng.uuid(EPOCH);
    const created = { ...row, id, parentId: parent.id, path: `${parent.path}.${pathLabel(id)}` };
    units.push(created);
    return created;
  };
  const user = (
    provinceId: number,
    orgUnit: { id: string; name: string },
    username: string,
    roles: string[],
    showAs?: string,
  ) => {
    users.push({
      provinceId,
      id: rng.uuid(EPOCH),
      username,
      name: personName(rng),
      orgUnitId: orgUnit.id,
      phone: mobile(rng),
      roles,
    });
    if (showAs) logins.push({ username, role: showAs, unit: orgUnit.name });
  };
  const hqUnit = { ...hq, name: "集团总部" };
  user(HQ_PROVINCE_ID, hqUnit, "admin", ["admin"], "admin — every permission, whole tree");
  user(HQ_PROVINCE_ID, hqUnit, "hq_mgr", ["hq_manager"], "hq_manager");

  const province = unit(hq, {
    provinceId: P,
    level: "province",
    code: DEMO_PROVINCE.code,
    name: DEMO_PROVINCE.name,
    sortOrder: 0,
  });
  user(P, province, "hn_admin", ["admin"], "admin of the province only");
  user(P, province, "hn_mgr", ["province_manager"], "province_manager");
  for (let i = 1; i <= 2; i++) user(P, province, `pmgr${i}`, ["province_manager"]);
  const seq = { am: 0, ce: 0, agent: 0, bo: 0, analyst: 0, pm: 0, cm: 0, partner: 0, county: 0 };
  const next = (key: keyof typeof seq, width: number) => String(++seq[key]).padStart(width, "0");
  const staff = scale === "test" ? { agents: 2, analysts: 1, pms: 1 } : { agents: 24, analysts: 6, pms: 5 };
  user(P, province, "agent_demo", ["service_agent"], "service_agent (hotline, province-wide)");
  for (let i = 1; i < staff.agents; i++) user(P, province, `agent${next("agent", 3)}`, ["service_agent"]);
  user(P, province, "analyst_demo", ["analyst"], "analyst");
  for (let i = 1; i < staff.analysts; i++) user(P, province, `analyst${next("analyst", 2)}`, ["analyst"]);
  for (let i = 0; i < staff.pms; i++) user(P, province, `pm${next("pm", 2)}`, ["product_manager"]);
  user(P, province, `cm${next("cm", 2)}`, ["channel_manager"]);

  const cities =
    scale !== "test"
      ? DEMO_CITIES
      : DEMO_CITIES.slice(0, 2).map((c) => ({ ...c, counties: c.counties.slice(0, 2) }));
  cities.forEach((cityPlan, ci) => {
    const city = unit(province, {
      provinceId: P,
      level: "city",
      code: cityPlan.code,
      name: `${cityPlan.name}分公司`,
      sortOrder: ci,
    });
    const cityLogin = ci === 0 ? "cs_mgr" : ci === 1 ? "zz_mgr" : `mgr${cityPlan.code}`;
    user(P, city, cityLogin, ["city_manager"], ci < 2 ? `city_manager, ${cityPlan.name} only` : undefined);
    user(P, city, `bo${next("bo", 3)}`, ["backoffice"]);
    user(P, city, `cm${next("cm", 2)}`, ["channel_manager"]);
    if (ci === 0) user(P, city, "partner_demo", ["partner"], "partner (own customers only)");
    else if (scale !== "test" && ci < 10) user(P, city, `partner${next("partner", 2)}`, ["partner"]);
    cityPlan.counties.forEach((countyName, ki) => {
      const code = `${cityPlan.code}${String(ki + 1).padStart(2, "0")}`;
      const county = unit(city, {
        provinceId: P,
        level: "county",
        code,
        name: `${countyName}分公司`,
        sortOrder: ki,
      });
      const first = ci === 0 && ki === 0;
      // Some county heads also own key customers themselves (002: 一人多岗).
      const roles = seq.county++ % 9 === 0 ? ["county_manager", "account_manager"] : ["county_manager"];
      user(
        P,
        county,
        first ? "fr_mgr" : `mgr${code}`,
        roles,
        first ? `county_manager, ${countyName} only` : undefined,
      );
      // A province has ~1,000 grids (12 a county), each with an account manager or two: ~1,500 AMs.
      const gridCount = GRIDS_PER_COUNTY[scale];
      const names =
        gridCount > GRID_NAMES.length ? GRID_NAMES.flatMap((n) => [`${n}一`, `${n}二`]) : [...GRID_NAMES];
      for (let g = 0; g < gridCount; g++) {
        const label = names.splice(rng.int(0, names.length - 1), 1)[0]!;
        const grid = unit(county, {
          provinceId: P,
          level: "grid",
          code: `${code}G${g + 1}`,
          name: `${countyName}${label}网格`,
          sortOrder: g,
        });
        if (first && g === 0)
          user(P, grid, "am_demo", ["account_manager"], "account_manager (own customers)");
        // Demo: a county's first grid has an account manager, a few more grids too (~2,000 customers over
        // ~115 AMs). Province: every grid has one and ~45% a second, ~1,500 AMs in all.
        else if (g < 1 || rng.next() < AM_CHANCE[scale])
          user(P, grid, `am${next("am", 4)}`, ["account_manager"]);
        if (scale === "province" && rng.next() < 0.45)
          user(P, grid, `am${next("am", 4)}`, ["account_manager"]);
      }
      if (ki % 3 === 0) user(P, county, `ce${next("ce", 3)}`, ["customer_engineer"]);
    });
  });
  return { units, users, logins };
}

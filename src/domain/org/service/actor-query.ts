import { sql } from "drizzle-orm";
import type { Actor, ActorSource } from "../../../platform/auth/actor.ts";
import type { Permission } from "../../../platform/auth/permissions.ts";
import type { DbOrTx } from "../../../platform/db/index.ts";
import { preparedRows } from "../../../platform/db/prepared.ts";
import { rowsOf } from "../../../platform/db/sql.ts";
import type { Me } from "../contracts.ts";

export interface ActorRow {
  id: string;
  province_id: number;
  username: string;
  name: string;
  org_unit_id: string;
  org_path: string;
  org_level: Actor["orgLevel"];
  org_name: string;
  locale: string | null;
  must_change_password: boolean;
  roles: string[];
  permissions: Permission[];
  hq_provinces: number[] | null;
  session_id?: string;
  csrf_token?: string;
  last_seen_at?: Date | string;
  expires_at?: Date | string;
}

const SELECT_ACTOR = sql`
  u.id, u.province_id, u.username, u.name, u.org_unit_id, u.locale, u.must_change_password,
  ou.path::text as org_path, ou.level as org_level, ou.name as org_name,
  case when ou.level = 'hq' then array(select p.province_id::int from org_unit p
    where p.level = 'province' order by p.province_id) end as hq_provinces,
  coalesce((select array_agg(ur.role_code order by ur.role_code) from user_role ur
            where ur.province_id = u.province_id and ur.user_id = u.id), '{}') as roles,
  coalesce((select array_agg(distinct rp.permission) from user_role ur
            join role_permission rp on rp.province_id = ur.province_id and rp.role_code = ur.role_code
            where ur.province_id = u.province_id and ur.user_id = u.id), '{}') as permissions`;

const FROM_USER = sql`app_user u join org_unit ou on ou.province_id = u.province_id and ou.id = u.org_unit_id`;

/**
 * The caller behind a session cookie, with roles and permissions read fresh: a grant takes effect at
 * once. Prepared once per connection: it runs on every request.
 */
const actorBySession = preparedRows<ActorRow, { provinceId: number; tokenHash: string }>(
  "actor_by_session",
  () => sql`select ${SELECT_ACTOR}, s.id as session_id, s.csrf_token, s.last_seen_at, s.expires_at
        from user_session s join ${FROM_USER} on u.province_id = s.province_id and u.id = s.user_id
        where s.province_id = ${sql.placeholder("provinceId")} and s.token_hash = ${sql.placeholder("tokenHash")}
          and s.revoked_at is null and s.expires_at > now() and u.status = 'active'`,
);

export async function actorRowBySession(db: DbOrTx, provinceId: number, tokenHash: string) {
  const [row] = await actorBySession(db, { provinceId, tokenHash });
  return row;
}

export async function actorRowByUser(db: DbOrTx, provinceId: number, userId: string) {
  const [row] = await rowsOf<ActorRow>(
    db,
    sql`select ${SELECT_ACTOR} from ${FROM_USER} where u.province_id = ${provinceId} and u.id = ${userId}`,
  );
  return row;
}

export function toActor(
  row: ActorRow,
  source: ActorSource,
  meta: { requestId?: string; ip?: string } = {},
): Actor {
  return {
    userId: row.id,
    provinceId: row.province_id,
    username: row.username,
    name: row.name,
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
    orgLevel: row.org_level,
    ...(row.hq_provinces ? { hqProvinces: row.hq_provinces.map(Number) } : {}),
    roles: row.roles,
    permissions: new Set(row.permissions),
    source,
    ...meta,
  };
}

export function toMe(row: ActorRow): Me {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    roles: row.roles,
    permissions: [...row.permissions].sort(),
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_name,
    orgLevel: row.org_level,
    provinceId: row.province_id,
    locale: row.locale,
    mustChangePassword: row.must_change_password,
  };
}

import { type UseQueryResult, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { orgChildrenQuery, orgUnitQuery } from "../api/orgUnits.ts";
import type { OrgUnit, Page } from "../api/types.ts";

export interface OrgNode {
  unit: OrgUnit;
  children: OrgNode[] | undefined;
}

/**
 * The org tree below `rootId`, fetched one level at a time as the user expands it. Children live in the
 * query cache, so invalidating `["org"]` after a write refreshes every level already opened.
 */
export function useLazyOrgTree(rootId: string | undefined) {
  const queryClient = useQueryClient();
  const root = useQuery({ ...orgUnitQuery(rootId ?? ""), enabled: !!rootId });
  const [opened, setOpened] = useState<string[]>([]);
  const combine = useCallback(
    (results: UseQueryResult<Page<OrgUnit>>[]) => {
      const map = new Map<string, OrgUnit[]>();
      opened.forEach((id, i) => {
        const page = results[i]?.data;
        if (page) map.set(id, page.items);
      });
      return map;
    },
    [opened],
  );
  const childrenByParent = useQueries({ queries: opened.map((id) => orgChildrenQuery(id)), combine });

  const load = useCallback(
    async (parentId: string) => {
      await queryClient.fetchQuery(orgChildrenQuery(parentId));
      setOpened((prev) => (prev.includes(parentId) ? prev : [...prev, parentId]));
    },
    [queryClient],
  );

  const tree = useMemo<OrgNode | undefined>(() => {
    if (!root.data) return undefined;
    const build = (unit: OrgUnit, seen: Set<string>): OrgNode => {
      const kids = seen.has(unit.id) ? undefined : childrenByParent.get(unit.id);
      const nextSeen = new Set(seen).add(unit.id);
      return { unit, children: kids?.map((k) => build(k, nextSeen)) };
    };
    return build(root.data, new Set());
  }, [root.data, childrenByParent]);

  const units = useMemo(() => {
    const map = new Map<string, OrgUnit>();
    if (root.data) map.set(root.data.id, root.data);
    for (const list of childrenByParent.values()) for (const u of list) map.set(u.id, u);
    return map;
  }, [root.data, childrenByParent]);

  return { root, tree, units, loadedKeys: [...childrenByParent.keys()], load };
}

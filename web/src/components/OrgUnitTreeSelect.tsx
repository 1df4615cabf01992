import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useOrgUnit } from "../api/orgUnits.ts";
import { useCurrentUser } from "../auth/CurrentUser.tsx";
import { type OrgNode, useLazyOrgTree } from "./useLazyOrgTree.ts";

interface SelectNode {
  value: string;
  title: string;
  isLeaf: boolean;
  disabled: boolean;
  children?: SelectNode[];
}

export interface OrgUnitTreeSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** This unit and everything below it cannot be chosen (moving a unit under itself). */
  excludeSubtreeOf?: string;
  /** Inactive units cannot be chosen. */
  activeOnly?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

export function OrgUnitTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear,
  excludeSubtreeOf,
  activeOnly,
  style,
  id,
}: OrgUnitTreeSelectProps) {
  const me = useCurrentUser();
  const { tree, units, loadedKeys, load } = useLazyOrgTree(me.orgUnitId);
  const selected = useOrgUnit(value && !units.has(value) ? value : undefined);

  const treeData = useMemo(() => {
    if (!tree) return [];
    const toSelect = (node: OrgNode, blocked: boolean): SelectNode => {
      const isBlocked = blocked || node.unit.id === excludeSubtreeOf;
      return {
        value: node.unit.id,
        title: `${node.unit.name} (${node.unit.code})`,
        isLeaf: node.unit.childCount === 0,
        disabled: isBlocked || (!!activeOnly && !node.unit.active),
        children: node.children?.map((c) => toSelect(c, isBlocked)),
      };
    };
    return [toSelect(tree, false)];
  }, [tree, excludeSubtreeOf, activeOnly]);

  const label = value ? (units.get(value)?.name ?? selected.data?.name ?? value) : undefined;

  return (
    <TreeSelect<{ value: string; label: string } | undefined>
      id={id}
      style={style}
      labelInValue
      value={value ? { value, label: label ?? value } : undefined}
      onChange={(v) => onChange?.(v?.value)}
      treeData={treeData}
      loadData={(node) => load(String(node.value))}
      treeLoadedKeys={loadedKeys}
      treeDefaultExpandedKeys={me.orgUnitId ? [me.orgUnitId] : []}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
      virtual={false}
      styles={{ popup: { root: { minWidth: 320, maxHeight: 420, overflow: "auto" } } }}
    />
  );
}

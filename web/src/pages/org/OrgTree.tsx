import { Empty, Flex, Spin, Tag, Tree, type TreeDataNode, Typography } from "antd";
import { useMemo } from "react";
import type { OrgUnit } from "../../api/types.ts";
import { OrgLevelTag } from "../../components/OrgLevelTag.tsx";
import type { OrgNode } from "../../components/useLazyOrgTree.ts";
import { useT } from "../../i18n/index.tsx";

interface Props {
  tree: OrgNode | undefined;
  loading: boolean;
  loadedKeys: string[];
  load: (id: string) => Promise<void>;
  expandedKeys: string[];
  onExpand: (keys: string[]) => void;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

interface UnitDataNode extends TreeDataNode {
  unit: OrgUnit;
}

function UnitTitle({ unit }: { unit: OrgUnit }) {
  const t = useT();
  return (
    <Flex gap={6} align="center" style={{ display: "inline-flex" }}>
      <Typography.Text delete={!unit.active}>{unit.name}</Typography.Text>
      <OrgLevelTag level={unit.level} />
      {unit.active ? null : <Tag>{t("common.inactive")}</Tag>}
    </Flex>
  );
}

export function OrgTree({
  tree,
  loading,
  loadedKeys,
  load,
  expandedKeys,
  onExpand,
  selectedId,
  onSelect,
}: Props) {
  const t = useT();
  const treeData = useMemo<UnitDataNode[]>(() => {
    const toData = (node: OrgNode): UnitDataNode => ({
      key: node.unit.id,
      unit: node.unit,
      isLeaf: node.unit.childCount === 0,
      children: node.children?.map(toData),
    });
    return tree ? [toData(tree)] : [];
  }, [tree]);

  if (loading) {
    return (
      <Flex justify="center" style={{ padding: 32 }}>
        <Spin />
      </Flex>
    );
  }
  if (treeData.length === 0) return <Empty description={t("org.emptyTree")} />;

  return (
    <div data-testid="org-tree">
      <Tree<UnitDataNode>
        blockNode
        showLine
        treeData={treeData}
        loadData={(node) => load(String(node.key))}
        loadedKeys={loadedKeys}
        expandedKeys={expandedKeys}
        onExpand={(keys) => onExpand(keys.map(String))}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(_, info) => onSelect(String(info.node.key))}
        titleRender={(node) => <UnitTitle unit={node.unit} />}
      />
    </div>
  );
}

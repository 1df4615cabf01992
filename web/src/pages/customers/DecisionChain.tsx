import { Empty, Tree, type TreeDataNode, Typography } from "antd";
import { useMemo } from "react";
import type { Contact } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";
import { ContactCard } from "./ContactCard.tsx";
import { DecisionRoleTag } from "./DecisionRoleTag.tsx";
import { buildDecisionChain, type ChainNode, groupByRole, hasReportingLines } from "./decisionChain.ts";

const toTreeNode = (node: ChainNode): TreeDataNode => ({
  key: node.contact.id,
  title: <ContactCard contact={node.contact} />,
  children: node.children.map(toTreeNode),
});

/**
 * Who reports to whom, drawn from `reportsToId`; when nobody has a boss yet, the key persons are grouped
 * by their decision role instead.
 */
export function DecisionChain({ contacts }: { contacts: readonly Contact[] }) {
  const t = useT();
  const byLines = hasReportingLines(contacts);

  const treeData = useMemo<TreeDataNode[]>(() => {
    if (byLines) return buildDecisionChain(contacts).map(toTreeNode);
    return groupByRole(contacts).map((g) => ({
      key: `role:${g.role}`,
      title: (
        <span style={{ display: "inline-block", padding: "4px 0" }}>
          <DecisionRoleTag role={g.role} />{" "}
          <Typography.Text type="secondary">{g.contacts.length}</Typography.Text>
        </span>
      ),
      children: g.contacts.map((c) => ({ key: c.id, title: <ContactCard contact={c} />, isLeaf: true })),
    }));
  }, [contacts, byLines]);

  // Remount when the people or their lines change, so the tree opens fully again.
  const shape = contacts.map((c) => `${c.id}>${c.reportsToId ?? ""}:${c.decisionRole}`).join("|");

  return (
    <div data-testid="decision-chain">
      {contacts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customerContacts.emptyChain")} />
      ) : (
        <>
          {byLines ? null : (
            <Typography.Paragraph type="secondary">{t("customerContacts.chainByRole")}</Typography.Paragraph>
          )}
          <Tree key={shape} showLine blockNode selectable={false} defaultExpandAll treeData={treeData} />
        </>
      )}
    </div>
  );
}

import { UserOutlined } from "@ant-design/icons";
import { Avatar, Flex, Typography } from "antd";
import type { Contact } from "../../api/types.ts";
import { DecisionRoleTag } from "./DecisionRoleTag.tsx";
import { VipCardTag } from "./VipCardTag.tsx";

const AVATAR_COLORS: Readonly<Record<string, string>> = {
  decision_maker: "#cf1322",
  influencer: "#d46b08",
  technical: "#1d4ed8",
  purchaser: "#389e0d",
  user: "#8c8c8c",
};

/** One key person as a node of the decision chain. */
export function ContactCard({ contact: c }: { contact: Contact }) {
  return (
    <Flex align="center" gap={8} style={{ padding: "4px 0" }} data-testid="decision-node">
      <Avatar size="small" icon={<UserOutlined />} style={{ background: AVATAR_COLORS[c.decisionRole] }} />
      <Typography.Text strong>{c.name}</Typography.Text>
      {c.title ? <Typography.Text type="secondary">{c.title}</Typography.Text> : null}
      <DecisionRoleTag role={c.decisionRole} />
      <VipCardTag card={c.vipCard} />
    </Flex>
  );
}

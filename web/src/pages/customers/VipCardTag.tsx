import { CrownOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import type { VipCard } from "../../api/types.ts";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { VIP_CARD_COLORS } from "./vocab.ts";

export function VipCardTag({ card }: { card: VipCard | null }) {
  const labels = useCustomerLabels();
  if (!card) return null;
  return (
    <Tag color={VIP_CARD_COLORS[card] ?? "default"} icon={<CrownOutlined />} style={{ marginInlineEnd: 0 }}>
      {labels.vipCard(card)}
    </Tag>
  );
}

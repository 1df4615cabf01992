import { Tag } from "antd";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { VALUE_TIER_COLORS } from "./vocab.ts";

export function ValueTierTag({ tier }: { tier: string | null }) {
  const labels = useCustomerLabels();
  if (!tier) return <>—</>;
  return (
    <Tag color={VALUE_TIER_COLORS[tier] ?? "default"} style={{ marginInlineEnd: 0 }}>
      {labels.valueTier(tier)}
    </Tag>
  );
}

import { Tag } from "antd";
import type { CustomerStatus } from "../../api/types.ts";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { STATUS_COLORS } from "./vocab.ts";

export function CustomerStatusTag({ status }: { status: CustomerStatus | string }) {
  const labels = useCustomerLabels();
  const color = (STATUS_COLORS as Readonly<Record<string, string>>)[status] ?? "default";
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {labels.status(status)}
    </Tag>
  );
}

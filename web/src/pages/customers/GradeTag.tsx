import { Tag } from "antd";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { GRADE_COLORS } from "./vocab.ts";

export function GradeTag({ grade }: { grade: string | null }) {
  const labels = useCustomerLabels();
  if (!grade) return <>—</>;
  return (
    <Tag color={GRADE_COLORS[grade] ?? "default"} style={{ marginInlineEnd: 0 }}>
      {labels.grade(grade)}
    </Tag>
  );
}

import { Flex, Tag, Typography } from "antd";
import type { DuplicatePair } from "../../api/types.ts";
import { useI18n } from "../../i18n/index.tsx";
import { formatRate } from "./completenessFormat.ts";

const REASON_COLORS: Readonly<Record<string, string>> = {
  same_credit_code: "red",
  near_identical_name: "orange",
  similar_name_and_address: "gold",
};

/** Why two archives look like one customer: the reasons, and how alike the names and addresses are. */
export function DuplicateMatch({ pair }: { pair: DuplicatePair }) {
  const { t, tryT } = useI18n();
  return (
    <Flex vertical gap={6} align="flex-start" style={{ minWidth: 160 }}>
      <Flex wrap gap={4}>
        {pair.reasons.map((r) => (
          <Tag key={r} color={REASON_COLORS[r]} style={{ marginInlineEnd: 0 }}>
            {tryT(`duplicateReason.${r}`) ?? r}
          </Tag>
        ))}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("duplicates.nameSimilarity", { value: formatRate(pair.nameSimilarity) })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("duplicates.addressSimilarity", { value: formatRate(pair.addressSimilarity) })}
      </Typography.Text>
    </Flex>
  );
}

import { Flex, Progress, Tooltip, Typography } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import { useCustomerCompleteness } from "./completenessApi.ts";
import { useArchiveFieldLabel } from "./useArchiveFieldLabel.ts";

/** The customer's archive score as a small ring; the tooltip lists what is still missing. */
export function CompletenessScore({ customerId }: { customerId: string }) {
  const { t, locale } = useI18n();
  const fieldLabel = useArchiveFieldLabel();
  const completeness = useCustomerCompleteness(customerId);
  if (!completeness.data) return null;
  const { score, complete, missing } = completeness.data;
  const separator = locale === "zh-CN" ? "、" : ", ";
  const tip = complete
    ? t("archive.scoreComplete")
    : t("archive.scoreMissing", { fields: missing.map(fieldLabel).join(separator) });
  return (
    <Tooltip title={tip}>
      <Flex
        data-testid="customer-completeness"
        data-score={score}
        align="center"
        gap={6}
        style={{ fontWeight: "normal", cursor: "default" }}
      >
        <Progress
          type="circle"
          size={26}
          percent={score}
          status={complete ? "success" : score < 60 ? "exception" : "normal"}
          format={() => null}
          aria-label={t("archive.score", { score })}
        />
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t("archive.score", { score })}
        </Typography.Text>
      </Flex>
    </Tooltip>
  );
}

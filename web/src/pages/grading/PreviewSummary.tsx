import { Col, Row, Statistic } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import type { RuleSetPreview } from "./api.ts";

/** How many customers the rule set would re-class, of how many. */
export function PreviewSummary({ preview }: { preview: RuleSetPreview }) {
  const { t, locale } = useI18n();
  const share = preview.total === 0 ? 0 : (preview.changed / preview.total) * 100;
  return (
    <Row gutter={16} data-testid="preview-summary">
      <Col span={8}>
        <Statistic title={t("grading.preview.total")} value={preview.total.toLocaleString(locale)} />
      </Col>
      <Col span={8}>
        <Statistic title={t("grading.preview.changed")} value={preview.changed.toLocaleString(locale)} />
      </Col>
      <Col span={8}>
        <Statistic title={t("grading.preview.share")} value={share.toFixed(1)} suffix="%" />
      </Col>
    </Row>
  );
}

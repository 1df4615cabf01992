import { Col, Form, Input, Row, Switch } from "antd";
import { useT } from "../../i18n/index.tsx";
import type { DraftValues } from "./draftForm.ts";

const FALLBACK = ["definition", "fallback"];

/** Where customers no rule places go (001: C is every group not in A or B), or nowhere. */
export function FallbackEditor() {
  const t = useT();
  const form = Form.useFormInstance<DraftValues>();
  const on = Form.useWatch("withFallback", form) ?? false;
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t("common.required", { field }),
  });
  return (
    <>
      <Form.Item
        name="withFallback"
        valuePropName="checked"
        label={t("grading.draft.fallback")}
        extra={on ? t("grading.draft.fallbackOn") : t("grading.draft.fallbackOff")}
      >
        <Switch data-testid="fallback-switch" />
      </Form.Item>
      {on ? (
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item
              name={[...FALLBACK, "code"]}
              label={t("grading.draft.fields.code")}
              rules={[required(t("grading.draft.fields.code")), { max: 40 }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              name={[...FALLBACK, "labelZh"]}
              label={t("grading.draft.fields.labelZh")}
              rules={[required(t("grading.draft.fields.labelZh")), { max: 40 }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              name={[...FALLBACK, "labelEn"]}
              label={t("grading.draft.fields.labelEn")}
              rules={[required(t("grading.draft.fields.labelEn")), { max: 60 }]}
            >
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name={[...FALLBACK, "reason"]}
              label={t("grading.draft.fields.reason")}
              rules={[required(t("grading.draft.fields.reason")), { max: 300 }]}
            >
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
    </>
  );
}

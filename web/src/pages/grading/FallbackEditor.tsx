import { Col, Form, Input, Row, Switch } from "antd";
import { useT } from "../../i18n/index.tsx";
import { ClassLabelFields, useRequiredRule } from "./ClassLabelFields.tsx";
import type { DraftValues } from "./draftForm.ts";

const FALLBACK = ["definition", "fallback"];

/** Where customers no rule places go (001: C is every group not in A or B), or nowhere. */
export function FallbackEditor() {
  const t = useT();
  const form = Form.useFormInstance<DraftValues>();
  const on = Form.useWatch("withFallback", form) ?? false;
  const required = useRequiredRule();
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
          <ClassLabelFields path={FALLBACK} />
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

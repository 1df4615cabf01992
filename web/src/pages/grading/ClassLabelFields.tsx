import { Col, Form, Input } from "antd";
import type { NamePath } from "antd/es/form/interface";
import { useT } from "../../i18n/index.tsx";

/** A required, non-blank field's rule, its message naming the field. */
export function useRequiredRule() {
  const t = useT();
  return (field: string) => ({ required: true, whitespace: true, message: t("common.required", { field }) });
}

/** A class's code and its Chinese and English names, as a class and the fallback both carry them. */
export function ClassLabelFields({ path, codeHint }: { path: (string | number)[]; codeHint?: string }) {
  const t = useT();
  const required = useRequiredRule();
  const field = (key: string): NamePath => [...path, key];
  return (
    <>
      <Col xs={24} md={6}>
        <Form.Item
          name={field("code")}
          label={t("grading.draft.fields.code")}
          tooltip={codeHint}
          rules={[required(t("grading.draft.fields.code")), { max: 40 }]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col xs={24} md={9}>
        <Form.Item
          name={field("labelZh")}
          label={t("grading.draft.fields.labelZh")}
          rules={[required(t("grading.draft.fields.labelZh")), { max: 40 }]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col xs={24} md={9}>
        <Form.Item
          name={field("labelEn")}
          label={t("grading.draft.fields.labelEn")}
          rules={[required(t("grading.draft.fields.labelEn")), { max: 60 }]}
        >
          <Input maxLength={60} />
        </Form.Item>
      </Col>
    </>
  );
}

import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Flex, Form, Input, Row, Typography } from "antd";
import { Fragment } from "react";
import { useT } from "../../i18n/index.tsx";
import { ConditionEditor } from "./ConditionEditor.tsx";
import { type ClassValues, newCondition } from "./draftForm.ts";

const CLASSES = ["definition", "classes"];

interface Props {
  /** This rule's index in its class's list. */
  name: number;
  /** The same rule's full path in the form. */
  path: (string | number)[];
  n: number;
  onRemove: () => void;
}

/** One rule: what it stands for, its id in the grade history, and conditions that must all hold. */
export function RuleEditor({ name, path, n, onRemove }: Props) {
  const t = useT();
  return (
    <Card
      size="small"
      type="inner"
      data-testid="rule-editor"
      title={t("grading.draft.ruleN", { n })}
      extra={
        <Button
          type="text"
          danger
          size="small"
          icon={<DeleteOutlined />}
          onClick={onRemove}
          aria-label={t("grading.draft.removeRule")}
        />
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Form.Item
            name={[name, "description"]}
            label={t("grading.draft.fields.description")}
            rules={[
              { required: true, whitespace: true, message: t("grading.draft.descriptionRequired") },
              { max: 300 },
            ]}
          >
            <Input maxLength={300} placeholder={t("grading.draft.descriptionPlaceholder")} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={[name, "id"]}
            label={t("grading.draft.fields.id")}
            tooltip={t("grading.draft.idHint")}
            rules={[
              { required: true, whitespace: true, message: t("grading.draft.idRequired") },
              { max: 60 },
              ({ getFieldValue }) => ({
                // The grade history records which rule fired, so two rules must not share an id.
                validator: async (_, value: unknown) => {
                  const classes = (getFieldValue(CLASSES) ?? []) as ClassValues[];
                  const same = classes
                    .flatMap((c) => c.rules ?? [])
                    .filter((r) => r.id?.trim() === String(value ?? "").trim());
                  if (same.length > 1) throw new Error(t("grading.draft.idTaken"));
                },
              }),
            ]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text type="secondary">{t("grading.draft.allMustHold")}</Typography.Text>
      <Form.List
        name={[name, "all"]}
        rules={[
          {
            validator: async (_, list: unknown[] | undefined) => {
              if (!list || list.length === 0) throw new Error(t("grading.draft.conditionRequired"));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8} style={{ marginTop: 8 }}>
            {fields.map((f, i) => (
              <Fragment key={f.key}>
                {i > 0 ? <Typography.Text type="secondary">{t("grading.and")}</Typography.Text> : null}
                <ConditionEditor
                  name={f.name}
                  path={[...path, "all", f.name]}
                  onRemove={fields.length > 1 ? () => remove(f.name) : undefined}
                />
              </Fragment>
            ))}
            <Form.ErrorList errors={errors} />
            <div>
              <Button
                data-testid="condition-add"
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add(newCondition())}
              >
                {t("grading.draft.addCondition")}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

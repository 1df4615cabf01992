import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Form, Row, Space, Tag, Typography } from "antd";
import { useT } from "../../i18n/index.tsx";
import { ClassLabelFields } from "./ClassLabelFields.tsx";
import { type ClassValues, type DraftValues, newCondition, newRuleId, ruleIdsOf } from "./draftForm.ts";
import { RuleEditor } from "./RuleEditor.tsx";

interface Props {
  /** This class's index in the list, which is also its priority. */
  name: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One class of the set: its code and names, and the rules (any one suffices) that place a customer in it. */
export function ClassEditor({ name, count, onMove, onRemove }: Props) {
  const t = useT();
  const form = Form.useFormInstance<DraftValues>();
  const path = ["definition", "classes", name];
  const code: string = Form.useWatch([...path, "code"], form) ?? "";

  const newRule = () => {
    const classes = form.getFieldValue(["definition", "classes"]) as ClassValues[] | undefined;
    return { id: newRuleId(code, ruleIdsOf(classes)), description: "", all: [newCondition()] };
  };

  return (
    <Card
      size="small"
      data-testid={`class-editor-${name}`}
      title={
        <Flex gap={8} align="center">
          <Tag color="blue">{t("grading.priority", { n: name + 1 })}</Tag>
          <Typography.Text strong>{code || t("grading.draft.newClass")}</Typography.Text>
        </Flex>
      }
      extra={
        <Space size={0}>
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={name === 0}
            onClick={() => onMove(name - 1)}
            aria-label={t("grading.draft.moveUp")}
          />
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={name === count - 1}
            onClick={() => onMove(name + 1)}
            aria-label={t("grading.draft.moveDown")}
          />
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            disabled={count === 1}
            onClick={onRemove}
            aria-label={t("grading.draft.removeClass")}
          />
        </Space>
      }
    >
      <Row gutter={12}>
        <ClassLabelFields path={[name]} codeHint={t("grading.draft.codeHint")} />
      </Row>
      <Form.List name={[name, "rules"]}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={12}>
            {fields.length === 0 ? (
              <Typography.Text type="secondary">{t("grading.draft.noRules")}</Typography.Text>
            ) : null}
            {fields.map((f, i) => (
              <RuleEditor
                key={f.key}
                name={f.name}
                path={[...path, "rules", f.name]}
                n={i + 1}
                onRemove={() => remove(f.name)}
              />
            ))}
            <div>
              <Button
                data-testid="rule-add"
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add(newRule())}
              >
                {t("grading.draft.addRule")}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

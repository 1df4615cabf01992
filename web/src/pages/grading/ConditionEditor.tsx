import { MinusCircleOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Select } from "antd";
import { useT } from "../../i18n/index.tsx";
import type { ConditionOp, FactField } from "./api.ts";
import { ConditionValueItem } from "./ConditionValueItem.tsx";
import { type ConditionValues, reoperate, retarget } from "./draftForm.ts";
import { FACT_FIELDS, FACT_TYPES, OPS_BY_TYPE } from "./vocab.ts";

interface Props {
  /** This condition's index in its rule's list. */
  name: number;
  /** The same condition's full path in the form, to rewrite it whole when its field or operator changes. */
  path: (string | number)[];
  onRemove?: () => void;
}

/** One condition: a fact, how it is compared, and with what. */
export function ConditionEditor({ name, path, onRemove }: Props) {
  const t = useT();
  // The path is built at run time, deeper than the form's typed names reach.
  const form = Form.useFormInstance();
  const field: FactField = Form.useWatch([...path, "field"], form) ?? "handsets";
  const op: ConditionOp = Form.useWatch([...path, "op"], form) ?? "gte";
  const allowed = OPS_BY_TYPE[FACT_TYPES[field]];
  // A stored condition may use an operator the editor would not offer; it still shows as it is.
  const ops = allowed.includes(op) ? allowed : [...allowed, op];
  // By the time a select reports a change the form already holds the new choice, so the condition is
  // rebuilt from what this render saw.
  const before = (): ConditionValues => ({ ...(form.getFieldValue(path) as ConditionValues), field, op });

  return (
    <Flex gap={8} align="start" wrap data-testid="condition-editor">
      <Form.Item name={[name, "field"]} style={{ marginBottom: 0, width: 210 }}>
        <Select<FactField>
          aria-label={t("grading.draft.fields.field")}
          options={FACT_FIELDS.map((f) => ({ value: f, label: t(`grading.fields.${f}`) }))}
          onChange={(next) => form.setFieldValue(path, retarget(before(), next))}
        />
      </Form.Item>
      <Form.Item name={[name, "op"]} style={{ marginBottom: 0, width: 130 }}>
        <Select<ConditionOp>
          aria-label={t("grading.draft.fields.op")}
          options={ops.map((o) => ({ value: o, label: t(`grading.opNames.${o}`) }))}
          onChange={(next) => form.setFieldValue(path, reoperate(before(), next))}
        />
      </Form.Item>
      <ConditionValueItem name={[name, "value"]} field={field} op={op} />
      {onRemove ? (
        <Button
          type="text"
          icon={<MinusCircleOutlined />}
          onClick={onRemove}
          aria-label={t("grading.draft.removeCondition")}
        />
      ) : null}
    </Flex>
  );
}

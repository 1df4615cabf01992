import { Form, type FormRule, Input, InputNumber, Radio, Select } from "antd";
import { useT } from "../../i18n/index.tsx";
import { useCustomerLabels } from "../customers/useCustomerLabels.ts";
import { CLUSTER_TYPES, INDUSTRY_SECTIONS } from "../customers/vocab.ts";
import type { ConditionOp, FactField } from "./api.ts";
import { FACT_TYPES } from "./vocab.ts";

const FEN_PER_YUAN = 100;
const ITEM_STYLE = { marginBottom: 0, flex: 1, minWidth: 220 };

interface Props {
  /** The value's name inside the conditions list: [index, "value"]. */
  name: (string | number)[];
  field: FactField;
  op: ConditionOp;
}

/** The value of one condition, entered the way its field and operator read it. */
export function ConditionValueItem({ name, field, op }: Props) {
  const t = useT();
  const labels = useCustomerLabels();
  const type = FACT_TYPES[field];
  const required: FormRule = { required: true, message: t("grading.draft.valueRequired") };

  if (op === "present" || (op === "eq" && type === "flag")) {
    const [yes, no] =
      op === "present"
        ? (["grading.filled", "grading.empty"] as const)
        : (["grading.yes", "grading.no"] as const);
    return (
      <Form.Item name={name} rules={[required]} style={ITEM_STYLE}>
        <Radio.Group
          options={[
            { value: true, label: t(yes) },
            { value: false, label: t(no) },
          ]}
        />
      </Form.Item>
    );
  }

  if (op === "has")
    return (
      <Form.Item name={name} rules={[{ ...required, whitespace: true }]} style={ITEM_STYLE}>
        <Input placeholder={t("grading.draft.tagPlaceholder")} maxLength={60} />
      </Form.Item>
    );

  if (op === "in" || op === "eq") {
    // Sections and cluster types are closed lists; industry divisions are two-digit codes typed in.
    const options =
      field === "industrySection"
        ? INDUSTRY_SECTIONS.map((s) => ({ value: s, label: `${s} ${labels.industry(s)}` }))
        : field === "clusterType"
          ? CLUSTER_TYPES.map((c) => ({ value: c, label: labels.clusterType(c) }))
          : undefined;
    if (op === "in")
      return (
        <Form.Item
          name={name}
          rules={[{ type: "array", required: true, min: 1, message: t("grading.draft.listRequired") }]}
          style={ITEM_STYLE}
        >
          <Select
            mode={options ? "multiple" : "tags"}
            options={options}
            tokenSeparators={[",", "，", " "]}
            placeholder={options ? t("grading.draft.choose") : t("grading.draft.codesPlaceholder")}
            optionFilterProp="label"
          />
        </Form.Item>
      );
    return (
      <Form.Item name={name} rules={[{ ...required, whitespace: true }]} style={ITEM_STYLE}>
        {options ? (
          <Select options={options} optionFilterProp="label" showSearch />
        ) : (
          <Input maxLength={40} />
        )}
      </Form.Item>
    );
  }

  if (type === "fen")
    // Spend is stored in fen; people think in yuan.
    return (
      <Form.Item
        name={name}
        rules={[required]}
        style={ITEM_STYLE}
        getValueProps={(v: unknown) => ({ value: typeof v === "number" ? v / FEN_PER_YUAN : v })}
        normalize={(v: unknown) => (typeof v === "number" ? Math.round(v * FEN_PER_YUAN) : v)}
      >
        <InputNumber
          min={0}
          precision={2}
          prefix="¥"
          suffix={t("grading.draft.yuan")}
          style={{ width: "100%" }}
        />
      </Form.Item>
    );

  return (
    <Form.Item name={name} rules={[required]} style={ITEM_STYLE}>
      <InputNumber
        min={0}
        max={type === "percentile" ? 100 : undefined}
        precision={type === "percentile" ? undefined : 0}
        suffix={type === "percentile" ? t("grading.draft.percentile") : undefined}
        style={{ width: "100%" }}
      />
    </Form.Item>
  );
}

import { Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import type { OrgLevel, OrgUnit } from "../../api/types.ts";
import { useApplyFieldErrors } from "../../components/useApplyFieldErrors.ts";
import { useT } from "../../i18n/index.tsx";
import { childLevels, useCreateOrgUnit, useOrgWriteError, useUpdateOrgUnit } from "./api.ts";

interface Values {
  level: OrgLevel;
  code: string;
  name: string;
}

type Mode = { kind: "create"; parent: OrgUnit } | { kind: "edit"; unit: OrgUnit };

interface Props {
  mode: Mode | null;
  onClose: () => void;
  onSaved: (unit: OrgUnit) => void;
}

const CODE_PATTERN = /^[A-Za-z0-9_-]+$/;

export function OrgUnitFormModal({ mode, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const applyFieldIssues = useApplyFieldErrors();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const onWriteError = useOrgWriteError();

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    if (mode.kind === "edit") form.setFieldsValue({ code: mode.unit.code, name: mode.unit.name });
    else form.setFieldsValue({ level: childLevels(mode.parent.level)[0] });
  }, [mode, form]);

  const onError = (error: unknown) => {
    if (applyFieldIssues(form, error, ["level", "code", "name"])) return;
    if (onWriteError(error)) onClose();
  };

  const submit = (values: Values) => {
    if (!mode) return;
    if (mode.kind === "create") {
      create.mutate(
        {
          parentId: mode.parent.id,
          level: values.level as Exclude<OrgLevel, "hq">,
          code: values.code,
          name: values.name,
        },
        { onSuccess: onSaved, onError },
      );
    } else {
      update.mutate(
        { id: mode.unit.id, version: mode.unit.version, code: values.code, name: values.name },
        { onSuccess: onSaved, onError },
      );
    }
  };

  const title =
    mode?.kind === "create"
      ? t("org.createTitle", { parent: mode.parent.name })
      : mode
        ? t("org.editTitle", { name: mode.unit.name })
        : "";

  return (
    <Modal
      open={!!mode}
      title={title}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form name="orgUnit" form={form} layout="vertical" onFinish={submit}>
        {mode?.kind === "create" ? (
          <Form.Item
            name="level"
            label={t("org.level")}
            rules={[{ required: true, message: t("common.choose", { field: t("org.level") }) }]}
          >
            <Select
              options={childLevels(mode.parent.level).map((l) => ({ value: l, label: t(`orgLevel.${l}`) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="code"
          label={t("org.code")}
          extra={t("org.codeRule")}
          rules={[
            { required: true, whitespace: true, message: t("common.required", { field: t("org.code") }) },
            { max: 32 },
            { pattern: CODE_PATTERN, message: t("org.codeRule") },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("org.name")}
          rules={[
            { required: true, whitespace: true, message: t("common.required", { field: t("org.name") }) },
          ]}
        >
          <Input maxLength={60} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { App, Form, Input, Modal } from "antd";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useApplyFieldErrors } from "../../components/useApplyFieldErrors.ts";
import { useT } from "../../i18n/index.tsx";
import { useCreateRole } from "./api.ts";

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
}

const CODE = /^[a-z][a-z0-9_]*$/;

export function CreateRoleModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const applyFieldIssues = useApplyFieldErrors();
  const create = useCreateRole();

  const submit = (v: Values) =>
    create.mutate(
      { code: v.code.trim(), nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), permissions: [] },
      {
        onSuccess: () => {
          message.success(t("roles.created"));
          onClose();
        },
        onError: (e) => {
          if (!applyFieldIssues(form, e, ["code", "nameZh", "nameEn"])) message.error(errorMessage(e));
        },
      },
    );

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t("common.required", { field }),
  });

  return (
    <Modal
      open={open}
      title={t("roles.create")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form name="role" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="code"
          label={t("roles.code")}
          extra={t("roles.codeRule")}
          rules={[
            required(t("roles.code")),
            { min: 2, max: 40 },
            { pattern: CODE, message: t("roles.codeRule") },
          ]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="nameZh" label={t("roles.nameZh")} rules={[required(t("roles.nameZh")), { max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="nameEn" label={t("roles.nameEn")} rules={[required(t("roles.nameEn")), { max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

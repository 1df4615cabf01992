import { Alert, App, Form, Input, Modal } from "antd";
import { useErrorMessage } from "../api/useErrorMessage.ts";
import { useChangePassword } from "../auth/api.ts";
import { passwordRules } from "../components/passwordRules.ts";
import { useApplyFieldErrors } from "../components/useApplyFieldErrors.ts";
import { useT } from "../i18n/index.tsx";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

interface Props {
  open: boolean;
  /** The user must change the password before going on: no way to close the dialog. */
  forced?: boolean;
  onClose: () => void;
}

export function ChangePasswordModal({ open, forced, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const applyFieldIssues = useApplyFieldErrors();
  const change = useChangePassword();

  const submit = (values: Values) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          message.success(t("password.changed"));
          form.resetFields();
          onClose();
        },
        onError: (e) => {
          if (applyFieldIssues(form, e, ["currentPassword", "newPassword"])) return;
          message.error(errorMessage(e));
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t("password.title")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={forced ? undefined : onClose}
      confirmLoading={change.isPending}
      closable={!forced}
      keyboard={!forced}
      mask={{ closable: !forced }}
      cancelButtonProps={{ style: forced ? { display: "none" } : undefined }}
      forceRender
      afterClose={() => form.resetFields()}
    >
      {forced ? (
        <Alert type="warning" showIcon title={t("password.mustChange")} style={{ marginBottom: 16 }} />
      ) : null}
      <Form name="changePassword" form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t("password.current")}
          rules={[{ required: true, message: t("common.required", { field: t("password.current") }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t("password.new")}
          extra={t("password.policy")}
          rules={[
            { required: true, message: t("common.required", { field: t("password.new") }) },
            ...passwordRules(t),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("password.confirm")}
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: t("common.required", { field: t("password.confirm") }) },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("password.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

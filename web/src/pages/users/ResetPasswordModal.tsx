import { Alert, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import type { User } from "../../api/types.ts";
import { passwordRules } from "../../components/passwordRules.ts";
import { useApplyFieldErrors } from "../../components/useApplyFieldErrors.ts";
import { useT } from "../../i18n/index.tsx";
import { useResetPassword } from "./api.ts";
import { useUserWriteError } from "./useUserWriteError.ts";

interface Props {
  user: User | null;
  onClose: () => void;
}

/** Resets a password; a generated temporary password is shown once, here, and never again. */
export function ResetPasswordModal({ user, onClose }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ password?: string }>();
  const applyFieldIssues = useApplyFieldErrors();
  const reset = useResetPassword();
  const onWriteError = useUserWriteError();
  const [temporary, setTemporary] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const close = () => {
    setTemporary(null);
    setDone(false);
    form.resetFields();
    onClose();
  };

  const submit = ({ password }: { password?: string }) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, password: password || undefined },
      {
        onSuccess: (result) => {
          setTemporary(result.temporaryPassword);
          setDone(true);
        },
        onError: (e) => {
          if (!applyFieldIssues(form, e, ["password"])) onWriteError(e);
        },
      },
    );
  };

  return (
    <Modal
      open={!!user}
      title={user ? t("reset.title", { name: user.name }) : ""}
      onCancel={close}
      onOk={done ? close : () => form.submit()}
      okText={done ? t("common.close") : t("reset.submit")}
      cancelButtonProps={{ style: done ? { display: "none" } : undefined }}
      cancelText={t("common.cancel")}
      confirmLoading={reset.isPending}
      mask={{ closable: !done }}
      forceRender
    >
      {done ? (
        <>
          <Alert type="success" showIcon title={t("reset.done")} style={{ marginBottom: 16 }} />
          {temporary ? (
            <>
              <Typography.Paragraph type="secondary">{t("reset.temporary")}</Typography.Paragraph>
              <Typography.Paragraph
                copyable={{ text: temporary, tooltips: [t("reset.copy"), t("reset.copied")] }}
                code
                style={{ fontSize: 18 }}
              >
                {temporary}
              </Typography.Paragraph>
            </>
          ) : null}
        </>
      ) : (
        <Form name="resetPassword" form={form} layout="vertical" onFinish={submit}>
          <Typography.Paragraph type="secondary">{t("reset.hint")}</Typography.Paragraph>
          <Form.Item name="password" label={t("reset.newPassword")} rules={passwordRules(t)}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

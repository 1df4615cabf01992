import { Alert, App, Form, Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useApplyFieldErrors } from "../../components/useApplyFieldErrors.ts";
import { useT } from "../../i18n/index.tsx";
import { AccountManagerSelect } from "./AccountManagerSelect.tsx";
import { useAssignCustomers } from "./assignmentApi.ts";

interface Values {
  accountManagerId: string;
  reason: string;
}

interface Props {
  /** The customers to assign; the modal is open while this is set. */
  customerIds: readonly string[] | null;
  onClose: () => void;
  onAssigned: () => void;
}

/** Gives the chosen customers to one account manager, with a reason kept in each customer's history. */
export function AssignModal({ customerIds, onClose, onAssigned }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const assign = useAssignCustomers();
  const applyFieldIssues = useApplyFieldErrors();
  const errorMessage = useErrorMessage();
  const [failure, setFailure] = useState<string | null>(null);
  const open = !!customerIds && customerIds.length > 0;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
  }, [open, form]);

  const submit = (v: Values) => {
    if (!customerIds) return;
    setFailure(null);
    assign.mutate(
      { customerIds: [...customerIds], accountManagerId: v.accountManagerId, reason: v.reason.trim() },
      {
        onSuccess: (r) => {
          message.success(t("assign.done", { assigned: r.assigned, unchanged: r.unchanged }));
          onAssigned();
          onClose();
        },
        onError: (error) => {
          if (applyFieldIssues(form, error, ["accountManagerId", "reason"])) return;
          setFailure(errorMessage(error));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t("assign.title", { count: customerIds?.length ?? 0 })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.ok")}
      okButtonProps={{ "data-testid": "assign-submit" }}
      cancelText={t("common.cancel")}
      confirmLoading={assign.isPending}
      width={600}
      forceRender
    >
      <Form name="assign" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="accountManagerId"
          label={t("assign.manager")}
          rules={[{ required: true, message: t("common.choose", { field: t("assign.manager") }) }]}
        >
          <AccountManagerSelect active={open} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("assign.reason")}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t("common.required", { field: t("assign.reason") }),
            },
            { min: 2, message: t("assign.reasonRule") },
            { max: 500 },
          ]}
        >
          <Input.TextArea
            data-testid="assign-reason"
            rows={3}
            maxLength={500}
            showCount
            placeholder={t("assign.reasonPlaceholder")}
          />
        </Form.Item>
      </Form>
      {failure ? <Alert type="error" showIcon title={failure} /> : null}
    </Modal>
  );
}

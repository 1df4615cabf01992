import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import { isApiError } from "../../api/client.ts";
import type { Customer, CustomerStatus } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useApplyFieldErrors } from "../../components/useApplyFieldErrors.ts";
import { useT } from "../../i18n/index.tsx";
import { useChangeStatus } from "./api.ts";
import { CustomerStatusTag } from "./CustomerStatusTag.tsx";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { useCustomerWriteError } from "./useCustomerWriteError.ts";
import { CUSTOMER_STATUSES } from "./vocab.ts";

interface Values {
  status: CustomerStatus;
  reason: string;
}

/** The statuses a refused change could have gone to, when the server lists them. */
const allowedOf = (details: unknown): string[] =>
  details && typeof details === "object" && "allowed" in details && Array.isArray(details.allowed)
    ? details.allowed.filter((s): s is string => typeof s === "string")
    : [];

interface Props {
  customer: Customer | null;
  onClose: () => void;
}

/** Moves a customer along its lifecycle; the server refuses (422) a move the lifecycle does not allow. */
export function ChangeStatusModal({ customer, onClose }: Props) {
  const t = useT();
  const labels = useCustomerLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangeStatus();
  const applyFieldIssues = useApplyFieldErrors();
  const errorMessage = useErrorMessage();
  const onWriteError = useCustomerWriteError();
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!customer) return;
    form.resetFields();
    setRefusal(null);
  }, [customer, form]);

  const submit = (v: Values) => {
    if (!customer) return;
    setRefusal(null);
    change.mutate(
      { id: customer.id, version: customer.version, status: v.status, reason: v.reason.trim() },
      {
        onSuccess: (saved) => {
          message.success(
            t("customer360.statusChanged", { status: labels.status(saved?.status ?? v.status) }),
          );
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 422) {
            const allowed = allowedOf(error.details);
            setRefusal(
              allowed.length > 0
                ? t("customer360.transitionRefused", {
                    from: labels.status(customer.status),
                    to: labels.status(v.status),
                    statuses: allowed.map(labels.status).join(" / "),
                  })
                : errorMessage(error),
            );
            return;
          }
          if (applyFieldIssues(form, error, ["status", "reason"])) return;
          if (onWriteError(error)) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={!!customer}
      title={customer ? t("customer360.statusTitle", { name: customer.name }) : ""}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={change.isPending}
      forceRender
    >
      <Form name="status" form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={t("customer360.currentStatus")}>
          {customer ? <CustomerStatusTag status={customer.status} /> : null}
        </Form.Item>
        <Form.Item
          name="status"
          label={t("customer360.targetStatus")}
          rules={[{ required: true, message: t("common.choose", { field: t("customer360.targetStatus") }) }]}
        >
          <Select<CustomerStatus>
            options={CUSTOMER_STATUSES.filter((s) => s !== customer?.status).map((s) => ({
              value: s,
              label: labels.status(s),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("customer360.reason")}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t("common.required", { field: t("customer360.reason") }),
            },
            { min: 2, message: t("customer360.reasonRule") },
            { max: 500 },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t("customer360.reasonPlaceholder")}
          />
        </Form.Item>
      </Form>
      {refusal ? <Alert type="error" showIcon title={refusal} /> : null}
    </Modal>
  );
}

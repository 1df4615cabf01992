import { App, DatePicker, Form, Input, Modal, Radio, Switch } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect } from "react";
import { isApiError } from "../../api/client.ts";
import type { Payer } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useApplyFieldErrors } from "../../components/useApplyFieldErrors.ts";
import { useI18n } from "../../i18n/index.tsx";
import { useAddMember } from "./api.ts";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { PAYERS } from "./vocab.ts";

interface Values {
  msisdn: string;
  name?: string;
  payer: Payer;
  authentic: boolean;
  verifiedAt?: Dayjs | null;
  joinedAt?: Dayjs | null;
}

const FIELDS = ["msisdn", "name", "payer", "authentic", "verifiedAt", "joinedAt"] as const;
const MOBILE = /^1[3-9]\d{9}$/;
const day = (d: Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : undefined);

interface Props {
  customerId: string;
  open: boolean;
  onClose: () => void;
}

export function AddMemberModal({ customerId, open, onClose }: Props) {
  const { t } = useI18n();
  const labels = useCustomerLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddMember(customerId);
  const applyFieldIssues = useApplyFieldErrors();
  const errorMessage = useErrorMessage();
  const authentic = Form.useWatch("authentic", form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ payer: "member", authentic: false });
  }, [open, form]);

  const submit = (v: Values) =>
    add.mutate(
      {
        msisdn: v.msisdn.trim(),
        name: v.name?.trim() || null,
        payer: v.payer,
        authentic: v.authentic,
        verifiedAt: v.authentic ? (day(v.verifiedAt) ?? null) : null,
        ...(v.joinedAt ? { joinedAt: day(v.joinedAt) } : {}),
      },
      {
        onSuccess: () => {
          message.success(t("customerMembers.added"));
          onClose();
        },
        onError: (error) => {
          if (applyFieldIssues(form, error, FIELDS)) return;
          if (isApiError(error) && error.status === 409) {
            form.setFields([{ name: "msisdn", errors: [errorMessage(error)] }]);
            return;
          }
          message.error(errorMessage(error));
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t("customerMembers.addTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={add.isPending}
      forceRender
    >
      <Form name="member" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="msisdn"
          label={t("customerMembers.msisdn")}
          rules={[
            { required: true, message: t("common.required", { field: t("customerMembers.msisdn") }) },
            { pattern: MOBILE, message: t("customerMembers.invalidMsisdn") },
          ]}
        >
          <Input maxLength={11} inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t("customerMembers.name")} rules={[{ max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="payer" label={t("customerMembers.payer")}>
          <Radio.Group
            optionType="button"
            options={PAYERS.map((p) => ({ value: p, label: labels.payer(p) }))}
          />
        </Form.Item>
        <Form.Item name="authentic" label={t("customerMembers.authenticYes")} valuePropName="checked">
          <Switch />
        </Form.Item>
        {authentic ? (
          <Form.Item name="verifiedAt" label={t("customerMembers.verifiedAt")}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        ) : null}
        <Form.Item name="joinedAt" label={t("customerMembers.joinedAt")}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

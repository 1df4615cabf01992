import { App, Button, Col, DatePicker, Flex, Form, Input, Modal, Rate, Row, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import type { Contact, ContactCreate, DecisionRole, Rank } from "../../api/types.ts";
import { useApplyFieldErrors } from "../../components/useApplyFieldErrors.ts";
import { beijingDate, beijingDayStart } from "../../i18n/format.ts";
import { useT } from "../../i18n/index.tsx";
import { useCreateContact, useUpdateContact } from "./api.ts";
import { subtreeIds } from "./decisionChain.ts";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { useCustomerWriteError } from "./useCustomerWriteError.ts";
import { DECISION_ROLES, RANKS } from "./vocab.ts";

interface Values {
  name: string;
  title?: string;
  rank: Rank;
  decisionRole: DecisionRole;
  mobile?: string;
  email?: string;
  birthday?: Dayjs | null;
  interests?: string;
  relationshipStrength?: number;
  lastContactAt?: Dayjs | null;
  reportsToId?: string | null;
}

const FIELDS = [
  "name",
  "title",
  "rank",
  "decisionRole",
  "mobile",
  "email",
  "birthday",
  "interests",
  "relationshipStrength",
  "lastContactAt",
  "reportsToId",
] as const;
const MOBILE = /^1[3-9]\d{9}$/;

const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const asDay = (iso: string | null) => {
  const d = beijingDate(iso);
  return d ? dayjs(d) : null;
};

function toValues(c: Contact): Values {
  return {
    name: c.name,
    title: c.title ?? undefined,
    rank: c.rank,
    decisionRole: c.decisionRole,
    mobile: c.mobile ?? undefined,
    email: c.email ?? undefined,
    birthday: asDay(c.birthday),
    interests: c.interests ?? undefined,
    relationshipStrength: c.relationshipStrength ?? 0,
    lastContactAt: asDay(c.lastContactAt),
    reportsToId: c.reportsToId,
  };
}

function toBody(v: Values): ContactCreate {
  return {
    name: v.name.trim(),
    title: text(v.title),
    rank: v.rank,
    decisionRole: v.decisionRole,
    mobile: text(v.mobile),
    email: text(v.email),
    birthday: v.birthday ? v.birthday.format("YYYY-MM-DD") : null,
    interests: text(v.interests),
    relationshipStrength: v.relationshipStrength ? v.relationshipStrength : null,
    lastContactAt: v.lastContactAt ? beijingDayStart(v.lastContactAt.format("YYYY-MM-DD")) : null,
    reportsToId: v.reportsToId ?? null,
  };
}

interface Props {
  customerId: string;
  /** null: closed; "new": add; a contact: edit. */
  target: Contact | "new" | null;
  contacts: readonly Contact[];
  onClose: () => void;
}

export function ContactFormModal({ customerId, target, contacts, onClose }: Props) {
  const t = useT();
  const labels = useCustomerLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyFieldIssues = useApplyFieldErrors();
  const create = useCreateContact(customerId);
  const update = useUpdateContact(customerId);
  const onWriteError = useCustomerWriteError("customerContacts.conflict");
  const editing = target !== null && target !== "new" ? target : null;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    form.setFieldsValue(target === "new" ? { rank: "other", relationshipStrength: 0 } : toValues(target));
  }, [target, form]);

  const blocked = editing ? subtreeIds(contacts, editing.id) : new Set<string>();
  const bosses = contacts.filter((c) => !blocked.has(c.id));

  const onError = (error: unknown) => {
    if (applyFieldIssues(form, error, FIELDS)) return;
    if (onWriteError(error)) onClose();
  };

  const submit = (v: Values) => {
    const body = toBody(v);
    if (editing) {
      const before = toBody(toValues(editing));
      const patch = Object.fromEntries(
        Object.entries(body).filter(
          ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof ContactCreate]),
        ),
      ) as Partial<ContactCreate>;
      if (Object.keys(patch).length === 0) {
        onClose();
        return;
      }
      update.mutate(
        { id: editing.id, version: editing.version, ...patch },
        {
          onSuccess: () => {
            message.success(t("customerContacts.updated"));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: () => {
          message.success(t("customerContacts.created"));
          onClose();
        },
        onError,
      });
    }
  };

  const unchangedMobile = (v: string) => editing !== null && v === editing.mobile;

  return (
    <Modal
      open={target !== null}
      title={
        editing ? t("customerContacts.editTitle", { name: editing.name }) : t("customerContacts.addTitle")
      }
      onCancel={onClose}
      width={640}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button
            data-testid="contact-submit"
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
          >
            {t("common.save")}
          </Button>
        </Flex>
      }
    >
      <Form name="contact" form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t("customerContacts.name")}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t("common.required", { field: t("customerContacts.name") }),
                },
                { max: 40 },
              ]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t("customerContacts.jobTitle")} rules={[{ max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="rank"
              label={t("customerContacts.rank")}
              extra={<Typography.Text type="secondary">{t("customerContacts.vipHint")}</Typography.Text>}
            >
              <Select<Rank> options={RANKS.map((r) => ({ value: r, label: labels.rank(r) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="decisionRole"
              label={t("customerContacts.decisionRole")}
              rules={[
                {
                  required: true,
                  message: t("common.choose", { field: t("customerContacts.decisionRole") }),
                },
              ]}
            >
              <Select<DecisionRole>
                options={DECISION_ROLES.map((r) => ({ value: r, label: labels.decisionRole(r) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="mobile"
              label={t("customerContacts.mobile")}
              rules={[
                {
                  validator: (_, v: string | undefined) =>
                    !v?.trim() || unchangedMobile(v) || MOBILE.test(v.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("customerContacts.invalidMobile"))),
                },
              ]}
            >
              <Input maxLength={11} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="email"
              label={t("customerContacts.email")}
              rules={[{ type: "email", message: t("customerContacts.invalidEmail") }]}
            >
              <Input maxLength={120} inputMode="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="birthday" label={t("customerContacts.birthday")}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="lastContactAt" label={t("customerContacts.lastContactAt")}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="relationshipStrength" label={t("customerContacts.relationshipStrength")}>
              <Rate />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="reportsToId" label={t("customerContacts.reportsTo")}>
              <Select<string>
                allowClear
                placeholder={t("customerContacts.reportsToNone")}
                showSearch={{ optionFilterProp: "label" }}
                options={bosses.map((c) => ({
                  value: c.id,
                  label: c.title ? `${c.name} · ${c.title}` : c.name,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="interests" label={t("customerContacts.interests")} rules={[{ max: 200 }]}>
              <Input.TextArea rows={2} maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

import { App, Button, Col, Divider, Drawer, Flex, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { useCallback, useEffect, useState } from "react";
import type { ClusterType, Customer, CustomerCreate, CustomerStatus } from "../../api/types.ts";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { can } from "../../auth/permissions.ts";
import { OrgUnitTreeSelect } from "../../components/OrgUnitTreeSelect.tsx";
import { UserByRoleSelect } from "../../components/UserByRoleSelect.tsx";
import { useApplyFieldErrors } from "../../components/useApplyFieldErrors.ts";
import { useT } from "../../i18n/index.tsx";
import { useCreateCustomer, useUpdateCustomer } from "./api.ts";
import { CustomerSearchSelect } from "./CustomerSearchSelect.tsx";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { useCustomerWriteError } from "./useCustomerWriteError.ts";
import { CLUSTER_TYPES, CUSTOMER_STATUSES, INDUSTRY_SECTIONS } from "./vocab.ts";

interface Values {
  name: string;
  shortName?: string;
  code?: string;
  creditCode?: string;
  industrySection?: string | null;
  industryDivision?: string;
  address?: string;
  orgUnitId: string;
  cluster?: string;
  clusterType?: ClusterType | null;
  employees?: number | null;
  handsets?: number | null;
  parentId?: string | null;
  status?: CustomerStatus;
  accountManagerId?: string | null;
  customerEngineerId?: string | null;
  important?: boolean;
  tags?: string[];
  notes?: string;
}

const FIELDS = [
  "name",
  "shortName",
  "code",
  "creditCode",
  "industrySection",
  "industryDivision",
  "address",
  "orgUnitId",
  "cluster",
  "clusterType",
  "employees",
  "handsets",
  "parentId",
  "status",
  "accountManagerId",
  "customerEngineerId",
  "important",
  "tags",
  "notes",
] as const;
/** The fields a PATCH may carry (code and status are not edited here). */
type Editable = Omit<CustomerCreate, "code" | "status">;

const CODE = /^[A-Za-z0-9_-]+$/;
const DIVISION = /^\d{2}$/;

const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

function toValues(c: Customer): Values {
  return {
    name: c.name,
    shortName: c.shortName ?? undefined,
    creditCode: c.creditCode ?? undefined,
    industrySection: c.industrySection,
    industryDivision: c.industryDivision ?? undefined,
    address: c.address ?? undefined,
    orgUnitId: c.orgUnitId,
    cluster: c.cluster ?? undefined,
    clusterType: c.clusterType,
    employees: c.employees,
    handsets: c.handsets,
    parentId: c.parentId,
    accountManagerId: c.accountManager?.id ?? null,
    customerEngineerId: c.customerEngineer?.id ?? null,
    important: c.important,
    tags: c.tags,
    notes: c.notes ?? undefined,
  };
}

function toBody(v: Values, withPeople: boolean): Editable {
  return {
    name: v.name.trim(),
    shortName: text(v.shortName),
    creditCode: text(v.creditCode)?.toUpperCase() ?? null,
    industrySection: v.industrySection ?? null,
    industryDivision: text(v.industryDivision),
    address: text(v.address),
    orgUnitId: v.orgUnitId,
    cluster: text(v.cluster),
    clusterType: v.clusterType ?? null,
    employees: v.employees ?? null,
    handsets: v.handsets ?? null,
    parentId: v.parentId ?? null,
    ...(withPeople
      ? { accountManagerId: v.accountManagerId ?? null, customerEngineerId: v.customerEngineerId ?? null }
      : {}),
    important: !!v.important,
    tags: (v.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    notes: text(v.notes),
  };
}

/** Only what the form changed goes into a PATCH, so fields this user cannot see are left alone. */
function changes(next: Editable, before: Editable): Partial<Editable> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof Editable])) out[key] = value;
  }
  return out as Partial<Editable>;
}

interface Props {
  /** null: closed; "new": create; a customer: edit. */
  target: Customer | "new" | null;
  defaultOrgUnitId?: string;
  onClose: () => void;
  onCreated?: (customer: Customer) => void;
}

export function CustomerFormDrawer({ target, defaultOrgUnitId, onClose, onCreated }: Props) {
  const t = useT();
  const me = useCurrentUser();
  const labels = useCustomerLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyFieldIssues = useApplyFieldErrors();
  const create = useCreateCustomer();
  const update = useUpdateCustomer();
  const onWriteError = useCustomerWriteError();
  const editing = target !== null && target !== "new" ? target : null;
  const [peopleHidden, setPeopleHidden] = useState(() => !can(me, "user:read"));
  const hidePeople = useCallback(() => setPeopleHidden(true), []);

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    // Customers belong to a province: headquarters staff choose the unit themselves.
    if (target === "new")
      form.setFieldsValue({
        orgUnitId: defaultOrgUnitId ?? (me.orgLevel === "hq" ? undefined : me.orgUnitId),
        important: false,
        tags: [],
      });
    else form.setFieldsValue(toValues(target));
  }, [target, defaultOrgUnitId, me.orgUnitId, me.orgLevel, form]);

  const onError = (error: unknown) => {
    if (applyFieldIssues(form, error, FIELDS)) {
      message.error(t("customers.fixErrors"));
      return;
    }
    if (onWriteError(error)) onClose();
  };

  const submit = (v: Values) => {
    const body = toBody(v, !peopleHidden);
    if (editing) {
      const patch = changes(body, toBody(toValues(editing), !peopleHidden));
      if (Object.keys(patch).length === 0) {
        onClose();
        return;
      }
      update.mutate(
        { id: editing.id, version: editing.version, ...patch },
        {
          onSuccess: () => {
            message.success(t("customers.updated"));
            onClose();
          },
          onError,
        },
      );
    } else {
      const code = text(v.code);
      create.mutate(
        { ...body, ...(code ? { code } : {}), ...(v.status ? { status: v.status } : {}) },
        {
          onSuccess: (created) => {
            message.success(t("customers.created"));
            onClose();
            onCreated?.(created);
          },
          onError,
        },
      );
    }
  };

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t("common.required", { field }),
  });

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={editing ? `${t("customers.edit")} — ${editing.name}` : t("customers.create")}
      size={720}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button
            data-testid="customer-submit"
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
          >
            {t("common.save")}
          </Button>
        </Flex>
      }
    >
      <Form name="customer" form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t("customers.sectionBasic")}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="name"
              label={t("customers.name")}
              rules={[required(t("customers.name")), { min: 2, max: 100 }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="shortName" label={t("customers.shortName")} rules={[{ max: 40 }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          {editing ? null : (
            <Col xs={24} md={12}>
              <Form.Item
                name="code"
                label={t("customers.code")}
                extra={t("customers.codeHint")}
                rules={[{ pattern: CODE, message: t("customers.codeRule") }, { max: 32 }]}
              >
                <Input maxLength={32} autoComplete="off" />
              </Form.Item>
            </Col>
          )}
          {editing ? null : (
            <Col xs={24} md={12}>
              <Form.Item name="status" label={t("customers.status")}>
                <Select<CustomerStatus>
                  allowClear
                  placeholder={labels.status("potential")}
                  options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item
              name="creditCode"
              label={t("customers.creditCode")}
              normalize={(v: string | undefined) => v?.toUpperCase()}
              rules={[{ len: 18, message: t("customers.creditCodeRule") }]}
            >
              <Input maxLength={18} autoComplete="off" style={{ fontFamily: "monospace" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="orgUnitId"
              label={t("customers.orgUnit")}
              rules={[{ required: true, message: t("common.choose", { field: t("customers.orgUnit") }) }]}
            >
              <OrgUnitTreeSelect activeOnly />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label={t("customers.address")} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t("customers.sectionIndustry")}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="industrySection" label={t("customers.industrySection")}>
              <Select<string>
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                options={INDUSTRY_SECTIONS.map((s) => ({ value: s, label: `${s} ${labels.industry(s)}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="industryDivision"
              label={t("customers.industryDivision")}
              rules={[{ pattern: DIVISION, message: t("customers.divisionRule") }]}
            >
              <Input maxLength={2} inputMode="numeric" placeholder="66" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="cluster" label={t("customers.cluster")} rules={[{ max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="clusterType" label={t("customers.clusterType")}>
              <Select<ClusterType>
                allowClear
                options={CLUSTER_TYPES.map((c) => ({ value: c, label: labels.clusterType(c) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="employees" label={t("customers.employees")}>
              <InputNumber min={0} max={10_000_000} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="handsets" label={t("customers.handsets")}>
              <InputNumber min={0} max={10_000_000} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="parentId" label={t("customers.parent")}>
              <CustomerSearchSelect excludeId={editing?.id} placeholder={t("customers.searchCustomer")} />
            </Form.Item>
          </Col>
        </Row>

        {peopleHidden ? null : (
          <>
            <Divider titlePlacement="start">{t("customers.sectionService")}</Divider>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="accountManagerId" label={t("customers.accountManager")}>
                  <UserByRoleSelect
                    userRole="account_manager"
                    known={editing?.accountManager}
                    onForbidden={hidePeople}
                    placeholder={t("customers.searchUser")}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="customerEngineerId" label={t("customers.customerEngineer")}>
                  <UserByRoleSelect
                    userRole="customer_engineer"
                    known={editing?.customerEngineer}
                    onForbidden={hidePeople}
                    placeholder={t("customers.searchUser")}
                  />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}

        <Divider titlePlacement="start">{t("customers.sectionOther")}</Divider>
        <Form.Item name="important" label={t("customers.important")} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="tags" label={t("customers.tags")}>
          <Select<string[]>
            mode="tags"
            tokenSeparators={[",", "，"]}
            placeholder={t("customers.tagsPlaceholder")}
          />
        </Form.Item>
        <Form.Item name="notes" label={t("customers.notes")} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

import { App, Button, Drawer, Flex, Form, Input, Radio } from "antd";
import { useEffect } from "react";
import type { User } from "../../api/types.ts";
import { OrgUnitTreeSelect } from "../../components/OrgUnitTreeSelect.tsx";
import { passwordRules } from "../../components/passwordRules.ts";
import { RoleSelect } from "../../components/RoleSelect.tsx";
import { useApplyFieldErrors } from "../../components/useApplyFieldErrors.ts";
import { useT } from "../../i18n/index.tsx";
import { useCreateUser, useUpdateUser } from "./api.ts";
import { useUserWriteError } from "./useUserWriteError.ts";

interface Values {
  username: string;
  name: string;
  password: string;
  roles: string[];
  orgUnitId: string;
  phone?: string;
  email?: string;
  status: "active" | "disabled";
}

const FIELDS = ["username", "name", "password", "roles", "orgUnitId", "phone", "email", "status"] as const;
const MOBILE = /^1[3-9]\d{9}$/;
const USERNAME = /^[A-Za-z0-9_.-]+$/;

interface Props {
  /** null: closed; "new": create; a user: edit. */
  target: User | "new" | null;
  defaultOrgUnitId?: string;
  onClose: () => void;
}

const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

export function UserFormDrawer({ target, defaultOrgUnitId, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const applyFieldIssues = useApplyFieldErrors();
  const create = useCreateUser();
  const update = useUpdateUser();
  const onWriteError = useUserWriteError();
  const editing = target !== null && target !== "new" ? target : null;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target === "new") form.setFieldsValue({ orgUnitId: defaultOrgUnitId, roles: [] });
    else
      form.setFieldsValue({
        name: target.name,
        roles: target.roles,
        orgUnitId: target.orgUnitId,
        phone: target.phone ?? undefined,
        email: target.email ?? undefined,
        status: target.status,
      });
  }, [target, defaultOrgUnitId, form]);

  const onError = (error: unknown) => {
    if (applyFieldIssues(form, error, FIELDS)) {
      message.error(t("users.fixErrors"));
      return;
    }
    if (onWriteError(error)) onClose();
  };

  const submit = (v: Values) => {
    if (editing) {
      // A masked phone number comes back unchanged and must not be sent as if it were a new value.
      const phone = blankToNull(v.phone);
      const email = blankToNull(v.email);
      update.mutate(
        {
          id: editing.id,
          version: editing.version,
          name: v.name.trim(),
          roles: v.roles,
          orgUnitId: v.orgUnitId,
          status: v.status,
          ...(phone !== editing.phone ? { phone } : {}),
          ...(email !== editing.email ? { email } : {}),
        },
        {
          onSuccess: () => {
            message.success(t("users.updated"));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        {
          username: v.username.trim(),
          name: v.name.trim(),
          password: v.password,
          roles: v.roles,
          orgUnitId: v.orgUnitId,
          phone: blankToNull(v.phone) ?? undefined,
          email: blankToNull(v.email) ?? undefined,
        },
        {
          onSuccess: () => {
            message.success(t("users.created"));
            onClose();
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
  const phoneUnchanged = (v: unknown) => editing !== null && v === editing.phone;

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={editing ? `${t("users.edit")} — ${editing.username}` : t("users.create")}
      size={520}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            {t("common.save")}
          </Button>
        </Flex>
      }
    >
      <Form name="user" form={form} layout="vertical" onFinish={submit}>
        {editing ? null : (
          <Form.Item
            name="username"
            label={t("users.username")}
            rules={[
              required(t("users.username")),
              { pattern: USERNAME, message: t("users.usernameRule") },
              { min: 2, max: 32 },
            ]}
          >
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t("users.name")} rules={[required(t("users.name")), { max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
        {editing ? null : (
          <Form.Item
            name="password"
            label={t("users.password")}
            extra={t("password.policy")}
            rules={[
              { required: true, message: t("common.required", { field: t("users.password") }) },
              ...passwordRules(t),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          name="roles"
          label={t("users.roles")}
          rules={[{ required: true, type: "array", min: 1, message: t("users.rolesRequired") }]}
        >
          <RoleSelect multiple />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t("users.orgUnit")}
          rules={[{ required: true, message: t("common.choose", { field: t("users.orgUnit") }) }]}
        >
          <OrgUnitTreeSelect activeOnly />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t("users.phone")}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                !v?.trim() || phoneUnchanged(v) || MOBILE.test(v.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("users.invalidPhone"))),
            },
          ]}
        >
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("users.email")}
          rules={[{ type: "email", message: t("users.invalidEmail") }]}
        >
          <Input maxLength={120} inputMode="email" />
        </Form.Item>
        {editing ? (
          <Form.Item name="status" label={t("users.status")}>
            <Radio.Group
              optionType="button"
              options={[
                { value: "active", label: t("users.statusActive") },
                { value: "disabled", label: t("users.statusDisabled") },
              ]}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}

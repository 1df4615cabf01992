import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Space } from "antd";
import { useState } from "react";
import { isApiError } from "../../api/client.ts";
import { usePermissionCatalog, useRoles } from "../../api/roles.ts";
import type { Permission, Role } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useT } from "../../i18n/index.tsx";
import { useSaveRolePermissions } from "./api.ts";
import { CreateRoleModal } from "./CreateRoleModal.tsx";
import { RolePermissionMatrix, sameSet } from "./RolePermissionMatrix.tsx";

export function RolesPage() {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const roles = useRoles();
  const catalog = usePermissionCatalog();
  const save = useSaveRolePermissions();
  const [drafts, setDrafts] = useState<Record<string, Permission[]>>({});
  const [creating, setCreating] = useState(false);

  const dropDraft = (code: string) =>
    setDrafts((d) => {
      const { [code]: _, ...rest } = d;
      return rest;
    });

  const toggle = (role: Role, permission: Permission, granted: boolean) =>
    setDrafts((d) => {
      const current = d[role.code] ?? role.permissions;
      const next = granted ? [...new Set([...current, permission])] : current.filter((p) => p !== permission);
      return { ...d, [role.code]: next };
    });

  const dirtyRoles = (roles.data?.items ?? []).filter((r) => {
    const draft = drafts[r.code];
    return draft !== undefined && !sameSet(draft, r.permissions);
  });

  /** Saves each changed role in turn; a role someone else changed meanwhile is reloaded, not overwritten. */
  const saveAll = async () => {
    let saved = 0;
    for (const role of dirtyRoles) {
      const permissions = drafts[role.code];
      if (!permissions) continue;
      try {
        await save.mutateAsync({ code: role.code, version: role.version, permissions });
        dropDraft(role.code);
        saved++;
      } catch (e) {
        if (isApiError(e) && e.code === "version_conflict") {
          message.warning(t("roles.conflict"));
          dropDraft(role.code);
        } else message.error(errorMessage(e));
      }
    }
    if (saved > 0) message.success(t("roles.saved"));
  };

  const error = roles.error ?? catalog.error;
  return (
    <>
      <PageHeader
        title={t("roles.title")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("roles.create")}
          </Button>
        }
      />
      <Card>
        {error ? (
          <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
        ) : null}
        {dirtyRoles.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t("roles.unsaved", { count: dirtyRoles.length })}
            style={{ marginBottom: 16 }}
            action={
              <Space>
                <Button type="primary" size="small" loading={save.isPending} onClick={() => void saveAll()}>
                  {t("common.save")}
                </Button>
                <Button size="small" disabled={save.isPending} onClick={() => setDrafts({})}>
                  {t("roles.discard")}
                </Button>
              </Space>
            }
          />
        ) : null}
        <RolePermissionMatrix
          roles={roles.data?.items ?? []}
          permissions={catalog.data?.items ?? []}
          loading={roles.isPending || catalog.isPending}
          drafts={drafts}
          onToggle={toggle}
        />
      </Card>
      <CreateRoleModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

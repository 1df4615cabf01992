import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card } from "antd";
import { useState } from "react";
import type { User } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { can } from "../../auth/permissions.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useUpdateSearchParams } from "../../components/useUpdateSearchParams.ts";
import { useT } from "../../i18n/index.tsx";
import { useUsers } from "./api.ts";
import { ResetPasswordModal } from "./ResetPasswordModal.tsx";
import { UserFilters } from "./UserFilters.tsx";
import { UserFormDrawer } from "./UserFormDrawer.tsx";
import { UserRowActions } from "./UserRowActions.tsx";
import { UsersTable } from "./UsersTable.tsx";
import { useUserListParams } from "./useUserListParams.ts";

export function UsersPage() {
  const t = useT();
  const me = useCurrentUser();
  const errorMessage = useErrorMessage();
  const { params, page, pageSize } = useUserListParams();
  const updateParams = useUpdateSearchParams();
  const users = useUsers(params);
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const writable = can(me, "user:write");

  return (
    <>
      <PageHeader
        title={t("users.title")}
        extra={
          writable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
              {t("users.create")}
            </Button>
          ) : null
        }
      />
      <Card>
        <UserFilters params={params} onChange={updateParams} onRefresh={() => users.refetch()} />
        {users.isError ? (
          <Alert type="error" showIcon title={errorMessage(users.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <UsersTable
          maskedPhones={!can(me, "pii:read")}
          data={users.data}
          loading={users.isFetching}
          params={params}
          page={page}
          pageSize={pageSize}
          onChange={updateParams}
          actions={
            writable
              ? (u) => (
                  <UserRowActions
                    user={u}
                    isSelf={u.id === me.id}
                    onEdit={setEditing}
                    onResetPassword={setResetting}
                  />
                )
              : undefined
          }
        />
      </Card>
      <UserFormDrawer target={editing} defaultOrgUnitId={params.orgUnitId} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

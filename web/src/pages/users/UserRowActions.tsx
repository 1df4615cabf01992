import { DownOutlined } from "@ant-design/icons";
import { App, Button, Dropdown, Space } from "antd";
import type { User } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";
import { useRevokeSessions, useUnlockUser, useUpdateUser } from "./api.ts";
import { useUserWriteError } from "./useUserWriteError.ts";

interface Props {
  user: User;
  isSelf: boolean;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UserRowActions({ user, isSelf, onEdit, onResetPassword }: Props) {
  const t = useT();
  const { message, modal } = App.useApp();
  const update = useUpdateUser();
  const revoke = useRevokeSessions();
  const unlock = useUnlockUser();
  const onError = useUserWriteError();
  const active = user.status === "active";

  const toggleStatus = () =>
    modal.confirm({
      title: active
        ? t("users.confirmDisable", { name: user.name })
        : t("users.confirmEnable", { name: user.name }),
      okText: t("common.ok"),
      cancelText: t("common.cancel"),
      okButtonProps: { danger: active },
      onOk: () =>
        update
          .mutateAsync({ id: user.id, version: user.version, status: active ? "disabled" : "active" })
          .then(() => message.success(active ? t("users.disabled") : t("users.enabled")))
          .catch(onError),
    });

  const revokeAll = () =>
    modal.confirm({
      title: t("users.confirmRevoke", { name: user.name }),
      okText: t("common.ok"),
      cancelText: t("common.cancel"),
      onOk: () =>
        revoke
          .mutateAsync(user.id)
          .then(() => message.success(t("users.revoked")))
          .catch(onError),
    });

  const unlockAccount = () =>
    modal.confirm({
      title: t("users.confirmUnlock", { name: user.name }),
      okText: t("common.ok"),
      cancelText: t("common.cancel"),
      onOk: () =>
        unlock
          .mutateAsync(user.id)
          .then(() => message.success(t("users.unlocked")))
          .catch(onError),
    });

  return (
    <Space.Compact size="small">
      <Button size="small" onClick={() => onEdit(user)}>
        {t("common.edit")}
      </Button>
      <Dropdown
        trigger={["click"]}
        menu={{
          items: [
            {
              key: "status",
              label: active ? t("users.disable") : t("users.enable"),
              danger: active,
              disabled: isSelf,
            },
            ...(user.locked ? [{ key: "unlock", label: t("users.unlock") }] : []),
            { key: "reset", label: t("users.resetPassword") },
            { key: "revoke", label: t("users.revokeSessions"), disabled: isSelf },
          ],
          onClick: ({ key }) => {
            if (key === "status") toggleStatus();
            if (key === "unlock") unlockAccount();
            if (key === "reset") onResetPassword(user);
            if (key === "revoke") revokeAll();
          },
        }}
      >
        <Button size="small" icon={<DownOutlined />} aria-label={t("common.more")} />
      </Dropdown>
    </Space.Compact>
  );
}

import {
  CheckCircleOutlined,
  EditOutlined,
  PlusOutlined,
  StopOutlined,
  SwapOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { App, Button, Descriptions, Empty, Flex, Popconfirm, Result, Skeleton, Tag } from "antd";
import { Link } from "react-router-dom";
import { useOrgUnit } from "../../api/orgUnits.ts";
import type { OrgUnit } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { can } from "../../auth/permissions.ts";
import { OrgLevelTag } from "../../components/OrgLevelTag.tsx";
import { useT } from "../../i18n/index.tsx";
import { childLevels, useOrgWriteError, useUpdateOrgUnit } from "./api.ts";

interface Props {
  unitId: string | undefined;
  onAddChild: (parent: OrgUnit) => void;
  onEdit: (unit: OrgUnit) => void;
  onMove: (unit: OrgUnit) => void;
}

function ParentName({ parentId }: { parentId: string }) {
  const parent = useOrgUnit(parentId);
  return <>{parent.data?.name ?? "—"}</>;
}

export function OrgUnitDetails({ unitId, onAddChild, onEdit, onMove }: Props) {
  const t = useT();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const unit = useOrgUnit(unitId);
  const update = useUpdateOrgUnit();
  const onWriteError = useOrgWriteError();

  if (!unitId) return <Empty description={t("org.selectHint")} />;
  if (unit.isPending) return <Skeleton active />;
  if (unit.isError) return <Result status="warning" subTitle={errorMessage(unit.error)} />;

  const u = unit.data;
  const writable = can(me, "org:write");
  const toggleActive = () =>
    update.mutate(
      { id: u.id, version: u.version, active: !u.active },
      {
        onSuccess: (saved) => message.success(saved.active ? t("org.activated") : t("org.deactivated")),
        onError: onWriteError,
      },
    );

  return (
    <Flex vertical gap={16}>
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 140 } }}>
        <Descriptions.Item label={t("org.name")}>{u.name}</Descriptions.Item>
        <Descriptions.Item label={t("org.code")}>{u.code}</Descriptions.Item>
        <Descriptions.Item label={t("org.level")}>
          <OrgLevelTag level={u.level} />
        </Descriptions.Item>
        <Descriptions.Item label={t("org.status")}>
          {u.active ? <Tag color="success">{t("common.active")}</Tag> : <Tag>{t("common.inactive")}</Tag>}
        </Descriptions.Item>
        {u.parentId ? (
          <Descriptions.Item label={t("org.parent")}>
            <ParentName parentId={u.parentId} />
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t("org.childCount")}>{u.childCount}</Descriptions.Item>
        <Descriptions.Item label={t("org.userCount")}>{u.userCount}</Descriptions.Item>
      </Descriptions>
      <Flex gap={8} wrap>
        {writable ? (
          <>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={childLevels(u.level).length === 0 || !u.active}
              onClick={() => onAddChild(u)}
            >
              {t("org.addChild")}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => onEdit(u)}>
              {t("org.edit")}
            </Button>
            <Button
              icon={<SwapOutlined />}
              disabled={!u.parentId || u.id === me.orgUnitId}
              onClick={() => onMove(u)}
            >
              {t("org.move")}
            </Button>
            <Popconfirm
              title={
                u.active
                  ? t("org.confirmDeactivate", { name: u.name })
                  : t("org.confirmActivate", { name: u.name })
              }
              okText={t("common.ok")}
              cancelText={t("common.cancel")}
              onConfirm={toggleActive}
              disabled={u.id === me.orgUnitId}
            >
              <Button
                danger={u.active}
                icon={u.active ? <StopOutlined /> : <CheckCircleOutlined />}
                loading={update.isPending}
                disabled={u.id === me.orgUnitId}
              >
                {u.active ? t("org.deactivate") : t("org.activate")}
              </Button>
            </Popconfirm>
          </>
        ) : null}
        {can(me, "user:read") ? (
          <Link to={`/system/users?orgUnitId=${encodeURIComponent(u.id)}`} style={{ alignSelf: "center" }}>
            <TeamOutlined /> {t("org.viewUsers")}
          </Link>
        ) : null}
      </Flex>
    </Flex>
  );
}

import { InfoCircleOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Segmented,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
} from "antd";
import { useState } from "react";
import type { Member, Payer } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useI18n } from "../../i18n/index.tsx";
import { AddMemberModal } from "./AddMemberModal.tsx";
import { type MemberListParams, useLeaveMember, useMembers } from "./api.ts";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { PAGE_SIZES } from "./useCustomerListParams.ts";
import { PAYERS } from "./vocab.ts";

interface Props {
  customerId: string;
  writable: boolean;
  /** The reader lacks pii:read, so the server masks numbers. */
  masked: boolean;
}

export function MembersTab({ customerId, writable, masked }: Props) {
  const { t, formatDate } = useI18n();
  const labels = useCustomerLabels();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [q, setQ] = useState("");
  const [params, setParams] = useState<MemberListParams>({ current: "true", limit: 20, offset: 0 });
  const members = useMembers(customerId, params);
  const leave = useLeaveMember(customerId);
  const [adding, setAdding] = useState(false);
  const apply = (patch: Partial<MemberListParams>) => setParams((p) => ({ ...p, ...patch, offset: 0 }));

  const columns: TableColumnsType<Member> = [
    {
      key: "msisdn",
      title: masked ? (
        <Tooltip title={t("customerMembers.maskedHint")}>
          <span>
            {t("customerMembers.msisdn")} <InfoCircleOutlined />
          </span>
        </Tooltip>
      ) : (
        t("customerMembers.msisdn")
      ),
      render: (_, m) => <span style={{ fontFamily: "monospace" }}>{m.msisdn}</span>,
    },
    { key: "name", title: t("customerMembers.name"), render: (_, m) => m.name ?? "—" },
    {
      key: "payer",
      title: t("customerMembers.payer"),
      render: (_, m) => <Tag color={m.payer === "group" ? "blue" : "default"}>{labels.payer(m.payer)}</Tag>,
    },
    {
      key: "authentic",
      title: t("customerMembers.authentic"),
      render: (_, m) =>
        m.authentic ? (
          <Tag color="success">{t("customerMembers.authenticYes")}</Tag>
        ) : (
          <Tag>{t("customerMembers.authenticNo")}</Tag>
        ),
    },
    {
      key: "verifiedAt",
      title: t("customerMembers.verifiedAt"),
      render: (_, m) => formatDate(m.verifiedAt) || "—",
    },
    { key: "joinedAt", title: t("customerMembers.joinedAt"), render: (_, m) => formatDate(m.joinedAt) },
    ...(params.current === "false"
      ? [
          {
            key: "leftAt",
            title: t("customerMembers.leftAt"),
            render: (_: unknown, m: Member) => formatDate(m.leftAt) || "—",
          },
        ]
      : []),
    ...(writable
      ? [
          {
            key: "actions",
            title: t("common.actions"),
            render: (_: unknown, m: Member) =>
              m.leftAt ? null : (
                <Popconfirm
                  title={t("customerMembers.confirmLeave", { msisdn: m.msisdn })}
                  okText={t("common.ok")}
                  cancelText={t("common.cancel")}
                  onConfirm={() =>
                    leave
                      .mutateAsync(m.id)
                      .then(() => message.success(t("customerMembers.left")))
                      .catch((e: unknown) => message.error(errorMessage(e)))
                  }
                >
                  <Button size="small" danger>
                    {t("customerMembers.leave")}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  const page = Math.floor(params.offset / params.limit) + 1;

  return (
    <>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Input.Search
            data-testid="member-search"
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => apply({ q: v.replace(/\D/g, "") || undefined })}
            placeholder={t("customerMembers.search")}
            inputMode="numeric"
            style={{ width: 200 }}
          />
          <Select<Payer>
            allowClear
            value={params.payer}
            onChange={(payer) => apply({ payer })}
            placeholder={t("customerMembers.filterPayer")}
            style={{ width: 140 }}
            options={PAYERS.map((p) => ({ value: p, label: labels.payer(p) }))}
          />
          <Segmented<"true" | "false">
            value={params.current}
            onChange={(current) => apply({ current })}
            options={[
              { value: "true", label: t("customerMembers.current") },
              { value: "false", label: t("customerMembers.all") },
            ]}
          />
        </Flex>
        {writable ? (
          <Button
            data-testid="member-add"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
          >
            {t("customerMembers.add")}
          </Button>
        ) : null}
      </Flex>
      {members.isError ? (
        <Alert type="error" showIcon title={errorMessage(members.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<Member>
        data-testid="member-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={members.data?.items ?? []}
        loading={members.isFetching}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customerMembers.empty")} />,
        }}
        onChange={(pagination) => {
          const limit = pagination.pageSize ?? params.limit;
          setParams((p) => ({
            ...p,
            limit,
            offset: limit === p.limit ? ((pagination.current ?? 1) - 1) * limit : 0,
          }));
        }}
        pagination={{
          current: page,
          pageSize: params.limit,
          total: members.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (total) => t("common.total", { total }),
        }}
      />
      <AddMemberModal customerId={customerId} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

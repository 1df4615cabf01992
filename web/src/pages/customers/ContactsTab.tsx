import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Flex, Popconfirm, Rate, Space, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import type { Contact } from "../../api/types.ts";
import { useI18n } from "../../i18n/index.tsx";
import { useDeleteContact } from "./api.ts";
import { ContactFormModal } from "./ContactFormModal.tsx";
import { DecisionChain } from "./DecisionChain.tsx";
import { DecisionRoleTag } from "./DecisionRoleTag.tsx";
import { useCustomerLabels } from "./useCustomerLabels.ts";
import { useCustomerWriteError } from "./useCustomerWriteError.ts";
import { VipCardTag } from "./VipCardTag.tsx";

interface Props {
  customerId: string;
  contacts: Contact[];
  writable: boolean;
}

/** The customer's key persons: a table to maintain them and the decision chain they form. */
export function ContactsTab({ customerId, contacts, writable }: Props) {
  const { t, formatDate } = useI18n();
  const labels = useCustomerLabels();
  const { message } = App.useApp();
  const remove = useDeleteContact(customerId);
  const onWriteError = useCustomerWriteError("customerContacts.conflict");
  const [editing, setEditing] = useState<Contact | "new" | null>(null);
  const nameOf = (id: string | null) => (id ? (contacts.find((c) => c.id === id)?.name ?? "—") : "—");

  const columns: TableColumnsType<Contact> = [
    { key: "name", dataIndex: "name", title: t("customerContacts.name") },
    { key: "title", title: t("customerContacts.jobTitle"), render: (_, c) => c.title ?? "—" },
    { key: "rank", title: t("customerContacts.rank"), render: (_, c) => labels.rank(c.rank) },
    {
      key: "decisionRole",
      title: t("customerContacts.decisionRole"),
      render: (_, c) => <DecisionRoleTag role={c.decisionRole} />,
    },
    {
      key: "vipCard",
      title: t("customerContacts.vipCard"),
      render: (_, c) => (c.vipCard ? <VipCardTag card={c.vipCard} /> : "—"),
    },
    { key: "mobile", title: t("customerContacts.mobile"), render: (_, c) => c.mobile ?? "—" },
    {
      key: "relationshipStrength",
      title: t("customerContacts.relationshipStrength"),
      render: (_, c) => <Rate disabled value={c.relationshipStrength ?? 0} style={{ fontSize: 14 }} />,
    },
    {
      key: "lastContactAt",
      title: t("customerContacts.lastContactAt"),
      render: (_, c) => formatDate(c.lastContactAt) || "—",
    },
    { key: "reportsTo", title: t("customerContacts.reportsTo"), render: (_, c) => nameOf(c.reportsToId) },
    ...(writable
      ? [
          {
            key: "actions",
            title: t("common.actions"),
            fixed: "right" as const,
            render: (_: unknown, c: Contact) => (
              <Space size="small">
                <Button size="small" onClick={() => setEditing(c)}>
                  {t("common.edit")}
                </Button>
                <Popconfirm
                  title={t("customerContacts.confirmDelete", { name: c.name })}
                  okText={t("common.ok")}
                  cancelText={t("common.cancel")}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove
                      .mutateAsync(c.id)
                      .then(() => message.success(t("customerContacts.deleted")))
                      .catch(onWriteError)
                  }
                >
                  <Button size="small" danger>
                    {t("customerContacts.delete")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t("customerContacts.title")}
        extra={
          writable ? (
            <Button
              data-testid="contact-add"
              type="primary"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEditing("new")}
            >
              {t("customerContacts.add")}
            </Button>
          ) : null
        }
      >
        <Table<Contact>
          data-testid="contact-table"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={contacts}
          pagination={false}
          scroll={{ x: "max-content" }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customerContacts.empty")} />
            ),
          }}
        />
      </Card>
      <Card size="small" title={t("customerContacts.chainTitle")}>
        <DecisionChain contacts={contacts} />
      </Card>
      <ContactFormModal
        customerId={customerId}
        target={editing}
        contacts={contacts}
        onClose={() => setEditing(null)}
      />
    </Flex>
  );
}

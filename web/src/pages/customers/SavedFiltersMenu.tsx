import { DeleteOutlined, DownOutlined, FilterOutlined, SaveOutlined } from "@ant-design/icons";
import { App, Button, Dropdown, Flex, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { useT } from "../../i18n/index.tsx";
import type { FilterValues } from "./useCustomerListParams.ts";
import { useSavedFilters } from "./useSavedFilters.ts";

interface Props {
  current: FilterValues;
  onApply: (filters: FilterValues) => void;
}

/** Save the current filter set under a name, re-apply or delete one; kept per user in this browser. */
export function SavedFiltersMenu({ current, onApply }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const { saved, save, remove } = useSavedFilters(me.username);
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const name = Form.useWatch("name", form);
  const hasFilters = Object.keys(current).length > 0;

  const submit = ({ name }: { name: string }) => {
    const trimmed = name.trim();
    save(trimmed, current);
    message.success(t("customers.filterSaved", { name: trimmed }));
    setNaming(false);
  };

  return (
    <>
      <Dropdown
        trigger={["click"]}
        menu={{
          items: [
            ...(saved.length === 0
              ? [{ key: "none", label: t("customers.noSavedFilters"), disabled: true }]
              : saved.map((f) => ({
                  key: `apply:${f.name}`,
                  label: (
                    <Flex justify="space-between" align="center" gap={16} style={{ minWidth: 200 }}>
                      <span>{f.name}</span>
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t("customers.deleteFilter", { name: f.name })}
                        onClick={(e) => {
                          e.stopPropagation();
                          remove(f.name);
                          message.success(t("customers.filterDeleted", { name: f.name }));
                        }}
                      />
                    </Flex>
                  ),
                }))),
            { type: "divider" as const },
            {
              key: "save",
              icon: <SaveOutlined />,
              label: hasFilters ? t("customers.saveCurrent") : t("customers.nothingToSave"),
              disabled: !hasFilters,
            },
          ],
          onClick: ({ key }) => {
            if (key === "save") {
              form.resetFields();
              setNaming(true);
              return;
            }
            const filter = saved.find((f) => `apply:${f.name}` === key);
            if (filter) {
              onApply(filter.filters);
              message.info(t("customers.filterApplied", { name: filter.name }));
            }
          },
        }}
      >
        <Button data-testid="saved-filters" icon={<FilterOutlined />}>
          {t("customers.savedFilters")} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={naming}
        title={t("customers.saveTitle")}
        onCancel={() => setNaming(false)}
        onOk={() => form.submit()}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        forceRender
      >
        <Form name="savedFilter" form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="name"
            label={t("customers.filterName")}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t("common.required", { field: t("customers.filterName") }),
              },
              { max: 40 },
            ]}
          >
            <Input maxLength={40} placeholder={t("customers.filterNamePlaceholder")} autoFocus />
          </Form.Item>
        </Form>
        {name?.trim() && saved.some((f) => f.name === name.trim()) ? (
          <Typography.Text type="warning">{t("customers.filterOverwrite")}</Typography.Text>
        ) : null}
      </Modal>
    </>
  );
}

import { Button, Space, Table, type TableColumnsType } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import type { RuleSet } from "./api.ts";
import { RuleSetDefinitionView } from "./RuleSetDefinitionView.tsx";
import { RuleSetStatusTag } from "./RuleSetStatusTag.tsx";

interface Props {
  revisions: RuleSet[];
  loading: boolean;
  /** Present for holders of grading:write: only they may preview and activate drafts. */
  onPreview?: (set: RuleSet) => void;
  onActivate?: (set: RuleSet) => void;
}

/** Every revision of one kind, newest first; a row opens to show its rules. */
export function RevisionsTable({ revisions, loading, onPreview, onActivate }: Props) {
  const { t, formatDateTime } = useI18n();
  const columns: TableColumnsType<RuleSet> = [
    {
      key: "revision",
      title: t("grading.revision"),
      width: 100,
      render: (_, s) => t("grading.revisionN", { n: s.revision }),
    },
    { key: "name", title: t("grading.name"), dataIndex: "name" },
    {
      key: "status",
      title: t("grading.statusColumn"),
      render: (_, s) => <RuleSetStatusTag status={s.status} />,
    },
    { key: "created", title: t("grading.createdAt"), render: (_, s) => formatDateTime(s.createdAt) },
    {
      key: "activated",
      title: t("grading.activatedAt"),
      render: (_, s) => (s.activatedAt ? formatDateTime(s.activatedAt) : "—"),
    },
    ...(onPreview && onActivate
      ? [
          {
            key: "actions",
            title: t("common.actions"),
            fixed: "right" as const,
            render: (_: unknown, s: RuleSet) =>
              s.status === "draft" ? (
                <Space size="small">
                  <Button size="small" data-testid="draft-preview" onClick={() => onPreview(s)}>
                    {t("grading.preview.open")}
                  </Button>
                  <Button
                    size="small"
                    type="primary"
                    data-testid="draft-activate"
                    onClick={() => onActivate(s)}
                  >
                    {t("grading.activate")}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Table<RuleSet>
      data-testid="revisions-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={revisions}
      loading={loading}
      pagination={revisions.length > 10 ? { pageSize: 10 } : false}
      scroll={{ x: "max-content" }}
      expandable={{ expandedRowRender: (s) => <RuleSetDefinitionView definition={s.definition} /> }}
      locale={{ emptyText: loading ? " " : t("grading.noRevisions") }}
    />
  );
}

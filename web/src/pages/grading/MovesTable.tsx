import { ArrowRightOutlined } from "@ant-design/icons";
import { Table, type TableColumnsType } from "antd";
import { useI18n } from "../../i18n/index.tsx";
import type { RuleSetPreview } from "./api.ts";

interface Move {
  key: string;
  from: string;
  to: string;
  count: number;
}

/** The server keys a move as "B→A"; a side with no class is "—". */
const movesOf = (moves: RuleSetPreview["moves"]): Move[] =>
  Object.entries(moves)
    .map(([key, count]) => {
      const [from = "", to = ""] = key.split("→");
      return { key, from, to, count };
    })
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

/** Who would move where, the largest flows first. */
export function MovesTable({
  moves,
  className,
}: {
  moves: RuleSetPreview["moves"];
  /** Names a class code in the reader's language. */
  className: (code: string) => string;
}) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<Move> = [
    { key: "from", title: t("grading.preview.from"), render: (_, m) => className(m.from) },
    { key: "arrow", width: 40, render: () => <ArrowRightOutlined /> },
    { key: "to", title: t("grading.preview.to"), render: (_, m) => className(m.to) },
    {
      key: "count",
      title: t("grading.preview.count"),
      align: "right",
      render: (_, m) => m.count.toLocaleString(locale),
    },
  ];
  return (
    <Table<Move>
      data-testid="preview-moves"
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={movesOf(moves)}
      pagination={false}
      scroll={{ y: 320 }}
      locale={{ emptyText: t("grading.preview.noMoves") }}
    />
  );
}

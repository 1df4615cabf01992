import { Card, Col, Flex, Row, Tag, Typography } from "antd";
import type { AuditEvent } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Top-level fields whose value differs between before and after. */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

function Json({ value }: { value: unknown }) {
  const t = useT();
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{t("audit.nothing")}</Typography.Text>;
  return (
    <pre
      style={{
        margin: 0,
        fontSize: 12,
        whiteSpace: "pre-wrap",
        wordBreak: "break-all",
        maxHeight: 360,
        overflow: "auto",
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function AuditChange({ event }: { event: AuditEvent }) {
  const t = useT();
  const changed = changedFields(event.before, event.after);
  return (
    <Flex vertical gap={12}>
      {changed.length > 0 ? (
        <Flex gap={4} wrap align="center">
          <Typography.Text type="secondary">{t("audit.changedFields")}:</Typography.Text>
          {changed.map((f) => (
            <Tag key={f} color="orange">
              {f}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Card size="small" title={t("audit.before")}>
            <Json value={event.before} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t("audit.after")}>
            <Json value={event.after} />
          </Card>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("audit.requestId")}: {event.requestId ?? "—"}
      </Typography.Text>
    </Flex>
  );
}

import { Flex, Typography } from "antd";
import { type ReactNode, useEffect } from "react";
import { useT } from "../i18n/index.tsx";

/** The page title row; also names the browser tab. */
export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title, t]);
  return (
    <Flex align="center" justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}

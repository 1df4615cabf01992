import { Flex, Typography } from "antd";
import { type ReactNode, useEffect } from "react";
import { useT } from "../i18n/index.tsx";

interface Props {
  title: string;
  extra?: ReactNode;
  /** Names the browser tab when it should say more than the title (a record's name). */
  documentTitle?: string;
}

/** The page title row; also names the browser tab. */
export function PageHeader({ title, extra, documentTitle }: Props) {
  const t = useT();
  const tabTitle = documentTitle ?? title;
  useEffect(() => {
    document.title = `${tabTitle} · ${t("app.name")}`;
  }, [tabTitle, t]);
  return (
    <Flex align="center" justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}

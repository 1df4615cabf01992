import { GlobalOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { LOCALES, type Locale, useI18n } from "../i18n/index.tsx";

interface Props {
  onChange: (locale: Locale) => void;
}

/** 中文 / English; how the choice is persisted is the caller's business (see useSwitchLocale). */
export function LanguageSwitch({ onChange }: Props) {
  const { locale, t } = useI18n();
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({
          key: l,
          label: <span data-testid={`lang-${l}`}>{t(`lang.${l}`)}</span>,
        })),
        onClick: ({ key }) => {
          const next = LOCALES.find((l) => l === key);
          if (next && next !== locale) onChange(next);
        },
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} data-testid="lang-switch" aria-label={t("lang.label")}>
        {t(`lang.${locale}`)}
      </Button>
    </Dropdown>
  );
}

import { App, ConfigProvider, type ThemeConfig } from "antd";
import antdEnUS from "antd/locale/en_US";
import antdZhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import { useI18n } from "./i18n/index.tsx";

const theme: ThemeConfig = {
  token: { colorPrimary: "#1d4ed8", borderRadius: 6 },
  components: {
    Layout: { siderBg: "#0f1f3d", triggerBg: "#0b1730" },
    Menu: { darkItemBg: "#0f1f3d", darkSubMenuItemBg: "#0b1730" },
  },
};

/** Ant Design follows the app's language (component texts, date pickers) and the house theme. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === "zh-CN" ? antdZhCN : antdEnUS} theme={theme}>
      <App>{children}</App>
    </ConfigProvider>
  );
}

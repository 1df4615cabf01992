import { Button, Modal, Tabs } from "antd";
import { useState } from "react";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { can } from "../../auth/permissions.ts";
import { useT } from "../../i18n/index.tsx";
import { ArchiveImportPane } from "./ArchiveImportPane.tsx";
import { RevenueImportPane } from "./RevenueImportPane.tsx";

interface Props {
  open: boolean;
  onClose: () => void;
}

type Tab = "archive" | "revenue";

/**
 * The import page: the customer archive (customers, members, key persons) and, for those who load
 * the province's billing export, the monthly revenue — each all or nothing, with its error report.
 */
export function ImportModal({ open, onClose }: Props) {
  const t = useT();
  const me = useCurrentUser();
  const tabs: Tab[] = [
    ...(can(me, "customer:write") ? (["archive"] as const) : []),
    ...(can(me, "revenue:import") ? (["revenue"] as const) : []),
  ];
  const [chosen, setChosen] = useState<Tab | null>(null);
  const tab = chosen && tabs.includes(chosen) ? chosen : (tabs[0] ?? "archive");
  const [busy, setBusy] = useState(false);
  const [wide, setWide] = useState(false);
  const pane = (which: Tab) =>
    which === "archive" ? (
      <ArchiveImportPane onBusy={setBusy} onWide={setWide} onClose={onClose} />
    ) : (
      <RevenueImportPane onBusy={setBusy} onWide={setWide} onClose={onClose} />
    );

  return (
    <Modal
      open={open}
      title={tabs.length > 1 ? t("revenueImport.dialogTitle") : t(`revenueImport.titles.${tab}`)}
      onCancel={onClose}
      afterClose={() => {
        setWide(false);
        setBusy(false);
        setChosen(null);
      }}
      width={wide || tab === "revenue" ? 1080 : 640}
      footer={
        <Button onClick={onClose} disabled={busy}>
          {t("common.close")}
        </Button>
      }
      mask={{ closable: !busy }}
      closable={!busy}
      destroyOnHidden
    >
      {tabs.length > 1 ? (
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            if (busy) return;
            setWide(false);
            setChosen(key as Tab);
          }}
          destroyOnHidden
          items={tabs.map((which) => ({
            key: which,
            label: t(`revenueImport.tabs.${which}`),
            disabled: busy && which !== tab,
            children: pane(which),
          }))}
        />
      ) : (
        pane(tab)
      )}
    </Modal>
  );
}

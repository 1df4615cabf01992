import { Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { DuplicatePair } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";

type CustomerRef = DuplicatePair["a"];

/** One side of a likely duplicate: the fields staff compare to decide. */
export function DuplicateCustomerCell({ customer: c }: { customer: CustomerRef }) {
  const t = useT();
  const rows: [string, ReactNode][] = [
    [t("customers.code"), c.code],
    [t("customers.creditCode"), c.creditCode || "—"],
    [t("customers.address"), c.address || "—"],
    [t("customers.orgUnit"), c.orgUnitName],
  ];
  return (
    <div style={{ width: 340 }}>
      <Link to={`/customers/${c.id}`} target="_blank" style={{ fontWeight: 600 }}>
        {c.name}
      </Link>
      <div
        style={{
          display: "grid",
          gridTemplateColumns: "auto 1fr",
          columnGap: 12,
          rowGap: 2,
          marginTop: 6,
          fontSize: 13,
        }}
      >
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: "nowrap" }}>
              {label}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 13, wordBreak: "break-all" }}>{value}</Typography.Text>
          </div>
        ))}
      </div>
    </div>
  );
}

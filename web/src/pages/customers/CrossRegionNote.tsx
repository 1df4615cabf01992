import { Alert } from "antd";
import { useOrgUnit } from "../../api/orgUnits.ts";
import { useT } from "../../i18n/index.tsx";

interface Props {
  /** The unit that owns the group: the lowest one covering its own site and every subsidiary. */
  ownerName: string;
  /** The group's own site. */
  homeOrgUnitId: string;
}

/**
 * Why a group sits with a unit above its own site (DOMAIN.md 跨区客户). The site is named when the caller
 * may read that unit; otherwise the note names the owner alone.
 */
export function CrossRegionNote({ ownerName, homeOrgUnitId }: Props) {
  const t = useT();
  const home = useOrgUnit(homeOrgUnitId);
  const message = home.data
    ? t("customerGroup.ownedAcross", { owner: ownerName, home: home.data.name })
    : t("customerGroup.ownedAcrossOwnerOnly", { owner: ownerName });
  return (
    <Alert
      data-testid="group-cross-region"
      type="info"
      showIcon
      title={message}
      style={{ marginBottom: 12 }}
    />
  );
}

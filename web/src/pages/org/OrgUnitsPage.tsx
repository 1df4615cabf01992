import { App, Button, Card, Col, Flex, Input, Row } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { OrgUnit } from "../../api/types.ts";
import { useCurrentUser } from "../../auth/CurrentUser.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useLazyOrgTree } from "../../components/useLazyOrgTree.ts";
import { useUpdateSearchParams } from "../../components/useUpdateSearchParams.ts";
import { useT } from "../../i18n/index.tsx";
import { MoveOrgUnitModal } from "./MoveOrgUnitModal.tsx";
import { OrgSearchResults } from "./OrgSearchResults.tsx";
import { OrgTree } from "./OrgTree.tsx";
import { OrgUnitDetails } from "./OrgUnitDetails.tsx";
import { OrgUnitFormModal } from "./OrgUnitFormModal.tsx";

type FormMode = { kind: "create"; parent: OrgUnit } | { kind: "edit"; unit: OrgUnit };

export function OrgUnitsPage() {
  const t = useT();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const selectedId = params.get("unit") ?? me.orgUnitId;
  const q = params.get("q") ?? "";
  const [searchText, setSearchText] = useState(q);
  const [expanded, setExpanded] = useState<string[]>([me.orgUnitId]);
  const [formMode, setFormMode] = useState<FormMode | null>(null);
  const [moving, setMoving] = useState<OrgUnit | null>(null);
  const { root, tree, loadedKeys, load } = useLazyOrgTree(me.orgUnitId);

  const update = useUpdateSearchParams();
  const setParam = (name: string, value: string | undefined) => update({ [name]: value });

  const onSaved = (unit: OrgUnit) => {
    const created = formMode?.kind === "create";
    message.success(created ? t("org.created") : t("org.updated"));
    if (created && unit.parentId) {
      const parentId = unit.parentId;
      void load(parentId).then(() =>
        setExpanded((keys) => (keys.includes(parentId) ? keys : [...keys, parentId])),
      );
    }
    setFormMode(null);
    setParam("unit", unit.id);
  };

  return (
    <>
      <PageHeader title={t("org.title")} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11} xl={9}>
          <Card styles={{ body: { padding: 16 } }}>
            <Flex vertical gap={12}>
              <Input.Search
                allowClear
                value={searchText}
                onChange={(e) => setSearchText(e.target.value)}
                placeholder={t("org.searchPlaceholder")}
                onSearch={(value) => setParam("q", value.trim() || undefined)}
              />
              {q ? (
                <>
                  <OrgSearchResults q={q} selectedId={selectedId} onSelect={(id) => setParam("unit", id)} />
                  <Button
                    type="link"
                    onClick={() => {
                      setSearchText("");
                      setParam("q", undefined);
                    }}
                    style={{ alignSelf: "flex-start" }}
                  >
                    {t("org.clearSearch")}
                  </Button>
                </>
              ) : (
                <OrgTree
                  tree={tree}
                  loading={root.isPending}
                  loadedKeys={loadedKeys}
                  load={load}
                  expandedKeys={expanded}
                  onExpand={setExpanded}
                  selectedId={selectedId}
                  onSelect={(id) => setParam("unit", id)}
                />
              )}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={13} xl={15}>
          <Card styles={{ body: { padding: 16 } }}>
            <OrgUnitDetails
              unitId={selectedId}
              onAddChild={(parent) => setFormMode({ kind: "create", parent })}
              onEdit={(unit) => setFormMode({ kind: "edit", unit })}
              onMove={setMoving}
            />
          </Card>
        </Col>
      </Row>
      <OrgUnitFormModal mode={formMode} onClose={() => setFormMode(null)} onSaved={onSaved} />
      <MoveOrgUnitModal
        unit={moving}
        onClose={() => setMoving(null)}
        onMoved={(unit) => {
          message.success(t("org.moved"));
          setMoving(null);
          setParam("unit", unit.id);
        }}
      />
    </>
  );
}

import { Form, Modal } from "antd";
import { useEffect } from "react";
import type { OrgUnit } from "../../api/types.ts";
import { OrgUnitTreeSelect } from "../../components/OrgUnitTreeSelect.tsx";
import { useApplyFieldErrors } from "../../components/useApplyFieldErrors.ts";
import { useT } from "../../i18n/index.tsx";
import { useOrgWriteError, useUpdateOrgUnit } from "./api.ts";

interface Props {
  unit: OrgUnit | null;
  onClose: () => void;
  onMoved: (unit: OrgUnit) => void;
}

export function MoveOrgUnitModal({ unit, onClose, onMoved }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ parentId: string }>();
  const applyFieldIssues = useApplyFieldErrors();
  const update = useUpdateOrgUnit();
  const onWriteError = useOrgWriteError();

  useEffect(() => {
    if (unit) form.setFieldsValue({ parentId: unit.parentId ?? undefined });
  }, [unit, form]);

  const submit = ({ parentId }: { parentId: string }) => {
    if (!unit) return;
    if (parentId === unit.parentId) {
      onClose();
      return;
    }
    update.mutate(
      { id: unit.id, version: unit.version, parentId },
      {
        onSuccess: onMoved,
        onError: (e) => {
          if (applyFieldIssues(form, e, ["parentId"])) return;
          if (onWriteError(e)) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={!!unit}
      title={unit ? t("org.moveTitle", { name: unit.name }) : ""}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      forceRender
    >
      <Form name="moveOrgUnit" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="parentId"
          label={t("org.newParent")}
          extra={t("org.cannotMoveIntoSelf")}
          rules={[
            { required: true, message: t("common.choose", { field: t("org.newParent") }) },
            {
              validator: (_, v) =>
                v && v === unit?.id
                  ? Promise.reject(new Error(t("org.cannotMoveIntoSelf")))
                  : Promise.resolve(),
            },
          ]}
        >
          <OrgUnitTreeSelect excludeSubtreeOf={unit?.id} activeOnly />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, App, Button, Divider, Drawer, Flex, Form, Input } from "antd";
import { useEffect, useState } from "react";
import { type FieldIssue, isApiError } from "../../api/client.ts";
import type { RuleSetKind } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useT } from "../../i18n/index.tsx";
import { type RuleSet, useCreateRuleSet } from "./api.ts";
import { ClassesEditor } from "./ClassesEditor.tsx";
import { type DraftValues, draftFrom, namePathOf, toRuleSetCreate } from "./draftForm.ts";
import { FallbackEditor } from "./FallbackEditor.tsx";
import { useIssueWhere } from "./useIssueWhere.ts";

interface Props {
  kind: RuleSetKind;
  /** The revision the draft starts from; null while closed. */
  base: RuleSet | null;
  onClose: () => void;
}

/** A new revision, edited from a copy of the active one and saved as a draft (nothing changes yet). */
export function DraftDrawer({ kind, base, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const issueWhere = useIssueWhere();
  const [form] = Form.useForm<DraftValues>();
  const create = useCreateRuleSet();
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  // Each opening starts again from the revision it was opened on.
  useEffect(() => {
    if (!base) return;
    form.resetFields();
    form.setFieldsValue(draftFrom(base));
    setIssues([]);
  }, [base, form]);

  const refused = (error: unknown) => {
    const found = isApiError(error) ? error.issues : [];
    if (found.length === 0) {
      message.error(errorMessage(error));
      return;
    }
    // Marked beside the field where the form has one, and listed above in words for the rest.
    const marks = found.map((i) => ({ name: namePathOf(i), errors: [i.message] }));
    form.setFields(marks as Parameters<typeof form.setFields>[0]);
    setIssues(found);
  };

  const save = (values: DraftValues) => {
    setIssues([]);
    create.mutate(toRuleSetCreate(kind, values), {
      onSuccess: (draft) => {
        message.success(t("grading.draft.saved", { revision: draft.revision }));
        onClose();
      },
      onError: refused,
    });
  };

  // Read only to name where the server's issues point.
  const values = issues.length > 0 ? (form.getFieldsValue(true) as DraftValues) : undefined;
  return (
    <Drawer
      open={base !== null}
      onClose={onClose}
      title={t("grading.draft.title")}
      size={920}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button
            data-testid="draft-save"
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
          >
            {t("grading.draft.save")}
          </Button>
        </Flex>
      }
    >
      <Form<DraftValues>
        name="rule-set-draft"
        form={form}
        layout="vertical"
        onFinish={save}
        onFinishFailed={() => message.warning(t("grading.draft.fixErrors"))}
        scrollToFirstError={{ block: "center" }}
      >
        {issues.length > 0 ? (
          <Alert
            data-testid="draft-issues"
            type="error"
            showIcon
            title={t("grading.draft.refused")}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {issues.map((i) => (
                  <li key={`${i.field}:${i.message}`}>
                    {issueWhere(i, values)}: {i.message}
                  </li>
                ))}
              </ul>
            }
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form.Item
          name="name"
          label={t("grading.draft.fields.name")}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t("common.required", { field: t("grading.draft.fields.name") }),
            },
            { max: 80 },
          ]}
        >
          <Input maxLength={80} data-testid="draft-name" />
        </Form.Item>
        <Divider titlePlacement="start">{t("grading.draft.classes")}</Divider>
        <ClassesEditor />
        <Divider titlePlacement="start">{t("grading.draft.fallback")}</Divider>
        <FallbackEditor />
      </Form>
    </Drawer>
  );
}

import { App } from "antd";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { useT } from "../../i18n/index.tsx";
import { useConfirmMerge, useUndoMerge } from "./duplicatesApi.ts";

/** Undo or confirm a pending merge, reporting the outcome. */
export function useSettleMerge(onSettled?: () => void) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const undo = useUndoMerge();
  const confirm = useConfirmMerge();
  const handlers = (done: string) => ({
    onSuccess: () => {
      message.success(done);
      onSettled?.();
    },
    onError: (error: unknown) => message.error(errorMessage(error)),
  });
  return {
    undo: (mergeId: string) => undo.mutate(mergeId, handlers(t("merge.undone"))),
    confirm: (mergeId: string) => confirm.mutate(mergeId, handlers(t("merge.confirmed"))),
    undoing: undo.isPending,
    confirming: confirm.isPending,
  };
}

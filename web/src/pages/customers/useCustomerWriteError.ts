import { useWriteError } from "../../api/useWriteError.ts";
import type { MessageKey } from "../../i18n/index.tsx";
import { customerKeys } from "./api.ts";

/** Reports a failed customer write; a 409 version conflict reloads the customer data. True for a conflict. */
export const useCustomerWriteError = (
  conflictKey: MessageKey = "customers.conflict",
): ((error: unknown) => boolean) => useWriteError(conflictKey, customerKeys.all);

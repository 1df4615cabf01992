import { useWriteError } from "../../api/useWriteError.ts";
import { userKeys } from "./api.ts";

/** Reports a failed user write; a 409 (someone saved first) reloads the list. True for a conflict. */
export const useUserWriteError = (): ((error: unknown) => boolean) =>
  useWriteError("users.conflict", userKeys.all);

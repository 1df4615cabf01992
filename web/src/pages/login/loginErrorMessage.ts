import { isApiError } from "../../api/client.ts";
import type { I18n } from "../../i18n/index.tsx";

function detail(details: unknown, name: string): unknown {
  return details && typeof details === "object" && name in details
    ? (details as Record<string, unknown>)[name]
    : undefined;
}

/** 401 wrong credentials, 423 locked, 429 too many attempts — each in the reader's language. */
export function loginErrorMessage(
  error: unknown,
  i18n: Pick<I18n, "t" | "formatDateTime">,
  fallback: string,
) {
  const { t, formatDateTime } = i18n;
  if (!isApiError(error)) return fallback;
  switch (error.status) {
    case 401:
      return t("login.badCredentials");
    case 423: {
      const until = detail(error.details, "lockedUntil");
      return typeof until === "string"
        ? t("login.lockedUntil", { time: formatDateTime(until) })
        : t("login.locked");
    }
    case 429: {
      const seconds = error.retryAfter ?? detail(error.details, "retryAfterSeconds");
      return typeof seconds === "number" ? t("login.rateLimitedRetry", { seconds }) : t("login.rateLimited");
    }
    default:
      return fallback;
  }
}

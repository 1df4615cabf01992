import type { FormRule } from "antd";
import type { Translate } from "../i18n/index.tsx";

/** The same policy the server enforces: at least 8 characters, letters and digits mixed. */
export const passwordRules = (t: Translate): FormRule[] => [
  { min: 8, message: t("password.tooShort") },
  {
    validator: (_, value: unknown) =>
      typeof value !== "string" || value === "" || (/[A-Za-z]/.test(value) && /\d/.test(value))
        ? Promise.resolve()
        : Promise.reject(new Error(t("password.needMix"))),
  },
];

import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Form, Input, Typography } from "antd";
import { useEffect, useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import type { Me } from "../../api/types.ts";
import { useErrorMessage } from "../../api/useErrorMessage.ts";
import { meKey, savePreferredLocale, useLogin, useMe } from "../../auth/api.ts";
import { type Locale, useI18n } from "../../i18n/index.tsx";
import { LanguageSwitch } from "../../layout/LanguageSwitch.tsx";
import { loginErrorMessage } from "./loginErrorMessage.ts";

/** Only same-site paths are followed after login, never another origin. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginPage() {
  const i18n = useI18n();
  const { t, setLocale } = i18n;
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const login = useLogin();
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const next = safeNext(params.get("next"));

  useEffect(() => {
    document.title = t("login.title");
  }, [t]);

  if (me.data) return <Navigate to={next} replace />;

  const onLanguage = (l: Locale) => {
    setLocale(l);
    setChosenLocale(l);
  };

  const submit = (values: { username: string; password: string }) =>
    login.mutate(values, {
      onSuccess: (user) => {
        let signedIn: Me = user;
        if (chosenLocale && chosenLocale !== user.locale) {
          savePreferredLocale(chosenLocale).catch(() => undefined);
          signedIn = { ...user, locale: chosenLocale };
        }
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
        queryClient.setQueryData<Me | null>(meKey, signedIn);
        navigate(next, { replace: true });
      },
    });

  const error = login.error ? loginErrorMessage(login.error, i18n, errorMessage(login.error)) : null;

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: "100vh",
        background: "linear-gradient(135deg, #0b3b8c 0%, #1d4ed8 55%, #60a5fa 100%)",
      }}
    >
      <Flex justify="flex-end" style={{ position: "absolute", top: 16, right: 24 }}>
        <div style={{ background: "rgba(255,255,255,0.9)", borderRadius: 8 }}>
          <LanguageSwitch onChange={onLanguage} />
        </div>
      </Flex>
      <Card style={{ width: 400, maxWidth: "calc(100vw - 32px)" }} styles={{ body: { padding: 32 } }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t("app.name")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("app.tagline")}</Typography.Text>
        </Flex>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form name="login" layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t("login.username")}
            rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              size="large"
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("login.password")}
            rules={[{ required: true, message: t("login.passwordRequired") }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={login.isPending}
            data-testid="login-submit"
          >
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
      <Typography.Text style={{ color: "rgba(255,255,255,0.75)", marginTop: 24 }}>
        {t("app.copyright")}
      </Typography.Text>
    </Flex>
  );
}

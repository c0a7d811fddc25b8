import { LockOutlined, MailOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/problem.js";
import { useApi } from "../shell/api-context.js";
import { LanguageSwitch } from "../shell/language-switch.js";
import { ProblemAlert } from "../shell/problem-alert.js";
import { useSession } from "../shell/session-store.js";
import { navigate } from "../shell/use-route.js";

/** Sign in with email and password. */
export function LoginPage() {
  const { t } = useTranslation();
  const api = useApi();
  const signIn = useSession((s) => s.signIn);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div
      style={{
        minHeight: "100vh",
        display: "grid",
        placeItems: "center",
        background: "linear-gradient(160deg,#f0f5ff,#fff)",
        padding: 16,
      }}
    >
      <Card style={{ width: "100%", maxWidth: 400 }}>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("brand")}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t("login.tagline")}</Typography.Paragraph>
        <Form
          layout="vertical"
          onFinish={(values: { email: string; password: string }) => {
            setBusy(true);
            setProblem(null);
            signIn(api, values.email, values.password)
              .then(() => {
                navigate({ name: "home" });
              })
              .catch((error: unknown) => {
                setProblem(error instanceof ApiError ? error : new ApiError(0, "error", String(error), []));
              })
              .finally(() => {
                setBusy(false);
              });
          }}
        >
          <Form.Item
            label={t("login.email")}
            name="email"
            rules={[{ required: true, message: t("errors.required") }]}
          >
            <Input prefix={<MailOutlined />} autoComplete="username" />
          </Form.Item>
          <Form.Item
            label={t("login.password")}
            name="password"
            rules={[{ required: true, message: t("errors.required") }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {problem !== null && (
            <ProblemAlert error={problem} title={problem.status === 401 ? t("login.failed") : undefined} />
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

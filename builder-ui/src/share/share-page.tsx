import { compileApp, type CompiledApp } from "@stagecraft/engine";
import { Card, Result, Spin, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/problem.js";
import { browserContext } from "../form/engine-context.js";
import { FormEnvContext, type FormEnv } from "../form/form-env.js";
import { FormFill } from "../form/form-fill.js";
import { useLocalized } from "../i18n/localized.js";
import { useApi } from "../shell/api-context.js";
import { LanguageSwitch } from "../shell/language-switch.js";
import { ProblemAlert } from "../shell/problem-alert.js";
import { useLoad } from "../shell/use-load.js";
import { publicDefinition } from "./public-definition.js";

const PUBLIC_ENV: FormEnv = { users: [] };

/** A form anyone with the link can fill in, without signing in. */
export function SharePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const api = useApi();
  const [sent, setSent] = useState(false);
  const loaded = useLoad(async () => {
    const view = await api.publicForm(token);
    // The engine validates the render definition like any app, so the browser runs the server's checks.
    const result = compileApp(publicDefinition(view));
    if (!result.ok) throw new ApiError(0, "invalid", "the shared form does not compile", result.errors);
    return { view, compiled: result.app };
  }, [api, token]);
  const compiled: CompiledApp | undefined = loaded.data?.compiled;
  const ctx = useMemo(() => browserContext(compiled ?? null, undefined), [compiled]);
  const form = loaded.data === undefined ? undefined : compiled?.forms.get(loaded.data.view.form.id);
  return (
    <div style={{ minHeight: "100vh", background: "#f5f7fb", padding: "24px 12px" }}>
      <div style={{ maxWidth: 760, margin: "0 auto" }}>
        <div style={{ display: "flex", justifyContent: "space-between", marginBottom: 12 }}>
          <Typography.Text type="secondary">
            {loaded.data ? localized(loaded.data.view.appName) : ""}
          </Typography.Text>
          <LanguageSwitch />
        </div>
        {loaded.error !== null &&
          (loaded.error.status === 404 ? (
            <Result status="404" title={t("share.notFound")} />
          ) : (
            <ProblemAlert error={loaded.error} />
          ))}
        {loaded.loading && <Spin />}
        {sent && <Result status="success" title={t("share.thanks")} />}
        {form !== undefined && !sent && (
          <Card title={localized(form.form.name)}>
            {form.form.description !== undefined && (
              <Typography.Paragraph type="secondary">{localized(form.form.description)}</Typography.Paragraph>
            )}
            <FormEnvContext.Provider value={PUBLIC_ENV}>
              <FormFill
                form={form}
                ctx={ctx}
                onSubmit={async (data) => {
                  await api.submitPublic(token, data);
                  setSent(true);
                }}
              />
            </FormEnvContext.Provider>
          </Card>
        )}
      </div>
    </div>
  );
}

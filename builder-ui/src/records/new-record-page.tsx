import { Card, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { FormEnvContext } from "../form/form-env.js";
import { FormFill } from "../form/form-fill.js";
import { browserContext } from "../form/engine-context.js";
import { useLocalized } from "../i18n/localized.js";
import { useApi } from "../shell/api-context.js";
import { useAppScope } from "../shell/app-scope.js";
import { useSession } from "../shell/session-store.js";
import { navigate } from "../shell/use-route.js";

/** A new record of a form: the generated form, sent to `POST …/records`. */
export function NewRecordPage({ formId }: { formId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const api = useApi();
  const { view, compiled, users } = useAppScope();
  const me = useSession((s) => s.me);
  const form = compiled.forms.get(formId);
  const pipeline = compiled.pipelines.get(formId);
  const initialStage = form?.form.pipeline?.initial;
  const ctx = useMemo(
    () =>
      browserContext(
        compiled,
        me?.id,
        initialStage === undefined ? {} : { stage: initialStage, ...(me ? { ownerId: me.id } : {}) },
      ),
    [compiled, me, initialStage],
  );
  const env = useMemo(() => ({ users, references: { api, appId: view.id } }), [users, api, view.id]);
  if (form === undefined)
    return <Typography.Text type="danger">{t("records.noForm", { formId })}</Typography.Text>;
  return (
    <Card title={t("records.newOf", { form: localized(form.form.name) })} style={{ maxWidth: 960 }}>
      {form.form.description !== undefined && (
        <Typography.Paragraph type="secondary">{localized(form.form.description)}</Typography.Paragraph>
      )}
      <FormEnvContext.Provider value={env}>
        <FormFill
          form={form}
          ctx={ctx}
          onSubmit={async (data) => {
            const record = await api.createRecord(view.id, formId, data);
            navigate(
              pipeline === undefined
                ? { name: "record", appId: view.id, formId, recordId: record.id }
                : { name: "board", appId: view.id, formId },
            );
          }}
        />
      </FormEnvContext.Provider>
    </Card>
  );
}

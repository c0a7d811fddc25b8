import { Card, Col, Row, Spin, Steps, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { browserContext } from "../form/engine-context.js";
import { FormEnvContext } from "../form/form-env.js";
import { FormFill } from "../form/form-fill.js";
import { useLocalized } from "../i18n/localized.js";
import { useApi } from "../shell/api-context.js";
import { useAppScope } from "../shell/app-scope.js";
import { ProblemAlert } from "../shell/problem-alert.js";
import { useSession } from "../shell/session-store.js";
import { useLoad } from "../shell/use-load.js";
import { RecordApprovals } from "./record-approvals.js";
import { RecordHistory } from "./record-history.js";
import { recordTitle } from "./record-title.js";

/** One record: its stage, its fields (editable, saved with If-Match), its approvals and its history. */
export function RecordPage({ formId, recordId }: { formId: string; recordId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const api = useApi();
  const { view, compiled, users } = useAppScope();
  const me = useSession((s) => s.me);
  const loaded = useLoad(async () => {
    const [record, history, approvals] = await Promise.all([
      api.record(view.id, formId, recordId),
      api.history(view.id, formId, recordId),
      api.recordApprovals(recordId),
    ]);
    return { record, history, approvals };
  }, [api, view.id, formId, recordId]);
  const record = loaded.data?.record;
  const ctx = useMemo(
    () =>
      browserContext(compiled, me?.id, {
        id: recordId,
        ...(record?.stage ? { stage: record.stage } : {}),
        ...(record?.ownerId ? { ownerId: record.ownerId } : {}),
      }),
    [compiled, me, recordId, record?.stage, record?.ownerId],
  );
  const env = useMemo(() => ({ users, references: { api, appId: view.id } }), [users, api, view.id]);
  const form = compiled.forms.get(formId);
  if (loaded.error !== null) return <ProblemAlert error={loaded.error} />;
  if (record === undefined || loaded.data === undefined || form === undefined) return <Spin />;
  const stages = form.form.pipeline?.stages ?? [];
  const current = stages.findIndex((stage) => stage.id === record.stage);
  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card
          title={
            <span>
              {recordTitle(form.form, record)}{" "}
              <Tag>{t("records.versionTag", { version: record.version })}</Tag>
            </span>
          }
          style={{ marginBottom: 16 }}
        >
          {stages.length > 0 && (
            // Each step keeps room for its name (else long names break letter by letter); the row scrolls.
            <div style={{ marginBottom: 16, overflowX: "auto" }}>
              <Steps
                size="small"
                current={current}
                style={{ minWidth: stages.length * 120 }}
                items={stages.map((stage) => ({ title: localized(stage.name) }))}
              />
            </div>
          )}
          <FormEnvContext.Provider value={env}>
            <FormFill
              key={record.version}
              form={form}
              ctx={ctx}
              initial={record.data}
              previous={record.data}
              submitLabel={t("records.save")}
              onSubmit={async (data) => {
                await api.updateRecord(view.id, formId, record.id, record.version, data);
                loaded.reload();
              }}
            />
          </FormEnvContext.Provider>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <RecordApprovals
          approvals={loaded.data.approvals}
          form={form.form}
          users={users}
          me={me?.id}
          onChanged={loaded.reload}
        />
        <Card title={t("history.title")}>
          {loaded.data.history.length === 0 ? (
            <Typography.Text type="secondary">{t("history.none")}</Typography.Text>
          ) : (
            <RecordHistory entries={loaded.data.history} form={form.form} users={users} />
          )}
        </Card>
      </Col>
    </Row>
  );
}

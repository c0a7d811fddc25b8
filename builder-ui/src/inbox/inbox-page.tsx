import type { CompiledApp } from "@stagecraft/engine";
import type { InboxItem } from "@stagecraft/schemas";
import { App as AntApp, Button, Card, Empty, List, Result, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useLocalized } from "../i18n/localized.js";
import { recordTitle } from "../records/record-title.js";
import { useApi } from "../shell/api-context.js";
import { ProblemAlert } from "../shell/problem-alert.js";
import { hrefOf } from "../shell/routes.js";
import { useSession } from "../shell/session-store.js";
import { useLoad } from "../shell/use-load.js";
import { DecisionPanel, type StageChoice } from "./decision-panel.js";
import { loadInbox, userName, type InboxData } from "./inbox-data.js";

function stagesOf(app: CompiledApp | undefined, formId: string) {
  return app?.forms.get(formId)?.form.pipeline?.stages ?? [];
}

/** What names an item: its approval, else its overdue record. */
function itemId(item: InboxItem): string {
  return item.kind === "approval" ? item.approvalId : item.recordId;
}

/** One item of the inbox: an approval task with its decisions, or a record overdue in its stage. */
function InboxEntry({ item, data, onDone }: { item: InboxItem; data: InboxData; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const localized = useLocalized();
  const me = useSession((s) => s.me);
  const app = data.apps.get(item.appId);
  const form = app?.forms.get(item.formId)?.form;
  const record = data.records.get(item.recordId);
  const stages = stagesOf(app, item.formId);
  const stageName = (id: string | undefined) =>
    localized(stages.find((stage) => stage.id === id)?.name) || (id ?? "—");
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);
  const title = form !== undefined && record !== undefined ? recordTitle(form, record) : item.recordId;
  const href = hrefOf({ name: "record", appId: item.appId, formId: item.formId, recordId: item.recordId });
  const index = stages.findIndex((stage) => stage.id === item.stage);
  // The server accepts a return only to a stage before the approval's own stage.
  const earlier: StageChoice[] = stages
    .slice(0, Math.max(index, 0))
    .map((stage) => ({ id: stage.id, label: localized(stage.name) || stage.id }));
  const heading =
    item.kind === "overdue_record"
      ? t("inbox.overdueRecord", { stage: stageName(item.stage), at: when(item.dueAt) })
      : item.toStage === item.stage
        ? t("inbox.enter", { stage: stageName(item.stage) })
        : t("inbox.leave", { stage: stageName(item.stage), to: stageName(item.toStage) });
  return (
    <List.Item data-testid={`inbox-item-${itemId(item)}`}>
      <div style={{ width: "100%" }}>
        <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
          <Space wrap>
            <Typography.Link strong href={href}>
              {title}
            </Typography.Link>
            {app !== undefined && <Tag>{localized(app.definition.name)}</Tag>}
            {item.overdue && <Tag color="red">{t("inbox.overdue")}</Tag>}
          </Space>
          {item.dueAt !== null && item.kind === "approval" && (
            <Typography.Text type="secondary">{t("inbox.due", { at: when(item.dueAt) })}</Typography.Text>
          )}
        </Space>
        <div>{heading}</div>
        {item.kind === "approval" && (
          <Typography.Text type="secondary">
            {t("inbox.requestedBy", { who: userName(data.users, item.requestedBy), at: when(item.since) })}
          </Typography.Text>
        )}
        {item.kind === "approval" && (
          <DecisionPanel
            approvalId={item.approvalId}
            earlier={earlier}
            users={data.users}
            me={me?.id}
            onDone={() => {
              void message.success(t("inbox.done"));
              onDone();
            }}
          />
        )}
      </div>
    </List.Item>
  );
}

/** The caller's open approval tasks and overdue records, oldest due first. */
export function InboxPage() {
  const { t } = useTranslation();
  const api = useApi();
  const loaded = useLoad(() => loadInbox(api), [api]);
  // The approvals feature may not be deployed yet: a 404 means "no inbox here", not a failure.
  if (loaded.error?.status === 404)
    return <Result status="info" title={t("inbox.title")} subTitle={t("inbox.unavailable")} />;
  const data = loaded.data;
  return (
    <Card
      title={t("inbox.title")}
      extra={
        <Button size="small" onClick={loaded.reload}>
          {t("inbox.refresh")}
        </Button>
      }
    >
      {loaded.error !== null && <ProblemAlert error={loaded.error} />}
      <List
        loading={loaded.loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t("inbox.empty")} /> }}
        renderItem={(item) =>
          data === undefined ? null : (
            <InboxEntry key={`${item.kind}:${itemId(item)}`} item={item} data={data} onDone={loaded.reload} />
          )
        }
      />
    </Card>
  );
}

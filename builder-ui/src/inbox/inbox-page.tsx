import { Button, Card, Empty, Input, List, Result, Space, Typography, message } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/problem.js";
import type { InboxItem } from "../api/types.js";
import { useApi } from "../shell/api-context.js";
import { ProblemAlert } from "../shell/problem-alert.js";
import { useLoad } from "../shell/use-load.js";

function text(item: InboxItem, key: string): string | undefined {
  const value = item[key];
  return typeof value === "string" ? value : undefined;
}

/** One pending approval with its decision buttons. */
function InboxEntry({ item, onDone }: { item: InboxItem; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [comment, setComment] = useState("");
  const [transferTo, setTransferTo] = useState("");
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    setProblem(null);
    action()
      .then(() => {
        void message.success(t("inbox.done"));
        onDone();
      })
      .catch((error: unknown) => {
        setProblem(error instanceof ApiError ? error : new ApiError(0, "error", String(error), []));
      })
      .finally(() => {
        setBusy(null);
      });
  };
  const due = text(item, "dueAt");
  const title = text(item, "title") ?? text(item, "recordTitle") ?? text(item, "recordId") ?? item.id;
  return (
    <List.Item>
      <div style={{ width: "100%" }}>
        <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
          <Typography.Text strong>{title}</Typography.Text>
          {due !== undefined && (
            <Typography.Text type="secondary">
              {t("inbox.due", { at: new Date(due).toLocaleString(i18n.language) })}
            </Typography.Text>
          )}
        </Space>
        <Input.TextArea
          aria-label={t("inbox.comment")}
          placeholder={t("inbox.comment")}
          autoSize
          value={comment}
          style={{ margin: "8px 0" }}
          onChange={(event) => {
            setComment(event.target.value);
          }}
        />
        <Space wrap>
          <Button
            type="primary"
            loading={busy === "approve"}
            onClick={() => {
              run("approve", () => api.decide(item.id, "approve", comment));
            }}
          >
            {t("inbox.approve")}
          </Button>
          <Button
            danger
            loading={busy === "reject"}
            onClick={() => {
              run("reject", () => api.decide(item.id, "reject", comment));
            }}
          >
            {t("inbox.reject")}
          </Button>
          <Button
            loading={busy === "return"}
            onClick={() => {
              run("return", () => api.decide(item.id, "return", comment));
            }}
          >
            {t("inbox.return")}
          </Button>
          <Space.Compact>
            <Input
              aria-label={t("inbox.transferTo")}
              placeholder={t("inbox.transferTo")}
              value={transferTo}
              onChange={(event) => {
                setTransferTo(event.target.value);
              }}
            />
            <Button
              disabled={transferTo === ""}
              loading={busy === "transfer"}
              onClick={() => {
                run("transfer", () => api.transfer(item.id, transferTo));
              }}
            >
              {t("inbox.transfer")}
            </Button>
          </Space.Compact>
        </Space>
        {problem !== null && <ProblemAlert error={problem} />}
      </div>
    </List.Item>
  );
}

/** The caller's pending approvals and tasks, oldest due first. */
export function InboxPage() {
  const { t } = useTranslation();
  const api = useApi();
  const loaded = useLoad(() => api.inbox(), [api]);
  // The approvals feature may not be deployed yet: a 404 means "no inbox here", not a failure.
  if (loaded.error?.status === 404)
    return <Result status="info" title={t("inbox.title")} subTitle={t("inbox.unavailable")} />;
  return (
    <Card title={t("inbox.title")}>
      {loaded.error !== null && <ProblemAlert error={loaded.error} />}
      <List
        loading={loaded.loading}
        dataSource={loaded.data ?? []}
        locale={{ emptyText: <Empty description={t("inbox.empty")} /> }}
        renderItem={(item) => <InboxEntry key={item.id} item={item} onDone={loaded.reload} />}
      />
    </Card>
  );
}

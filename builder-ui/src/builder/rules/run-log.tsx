import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, List, Space, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/builder-api.js";
import { useBuilderApi } from "../store/store-context.js";
import { isRecord, numberAt, stringAt } from "../shared/json-guards.js";

/** One automation run as the run log shows it. */
export interface RunView {
  id: string;
  status: string;
  attempts: number;
  error: string;
  recordId: string;
  startedAt: string;
  finishedAt: string;
  effects: { type: string; detail: string }[];
}

function effectOf(value: unknown): { type: string; detail: string } {
  if (typeof value === "string") return { type: value, detail: "" };
  if (!isRecord(value)) return { type: "effect", detail: "" };
  const parts = ["field", "to", "form", "stage", "url", "recordId"]
    .map((k) => stringAt(value, k))
    .filter((v) => v !== "");
  return { type: stringAt(value, "type", "effect"), detail: parts.join(" · ") };
}

/** The runs of an API answer, read defensively (unknown keys ignored, missing ones empty). */
export function runsOf(body: unknown): RunView[] {
  const items = Array.isArray(body)
    ? body
    : isRecord(body) && Array.isArray(body["items"])
      ? body["items"]
      : [];
  return items.filter(isRecord).map((run) => ({
    id: stringAt(run, "id"),
    status: stringAt(run, "status"),
    attempts: numberAt(run, "attempts") ?? 0,
    error: stringAt(run, "error"),
    recordId: stringAt(run, "recordId"),
    startedAt: stringAt(run, "startedAt"),
    finishedAt: stringAt(run, "finishedAt"),
    effects: Array.isArray(run["effects"]) ? run["effects"].map(effectOf) : [],
  }));
}

const STATUS_COLOR: Readonly<Record<string, string>> = {
  succeeded: "green",
  failed: "orange",
  dead: "red",
  running: "blue",
  queued: "default",
};

/** The run log of one rule: status, attempts, error and effects of each run, with a retry button on failures. */
export function RunLog(props: { ruleId: string }) {
  const { t } = useTranslation("builder");
  const { api, appId } = useBuilderApi();
  const [runs, setRuns] = useState<RunView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const body = await api.request(
        "GET",
        `/api/apps/${encodeURIComponent(appId)}/runs?ruleId=${encodeURIComponent(props.ruleId)}`,
      );
      setRuns(runsOf(body));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t("runs.loadFailed"));
    }
  }, [api, appId, props.ruleId, t]);
  useEffect(() => {
    void load();
  }, [load]);
  const retry = async (runId: string) => {
    setBusy(runId);
    try {
      await api.request(
        "POST",
        `/api/apps/${encodeURIComponent(appId)}/runs/${encodeURIComponent(runId)}/retry`,
      );
      await load();
    } catch (e) {
      setError(
        e instanceof ApiError
          ? t("runs.retryFailed", { reason: e.message })
          : t("runs.retryFailed", { reason: "" }),
      );
    } finally {
      setBusy(null);
    }
  };
  return (
    <div data-testid="run-log">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t("runs.title")}</Typography.Text>
        <Button
          size="small"
          icon={<ReloadOutlined />}
          onClick={() => {
            void load();
          }}
        >
          {t("runs.refresh")}
        </Button>
      </Space>
      {error !== null && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {runs !== null && runs.length === 0 && <Empty description={t("runs.none")} />}
      {runs !== null && runs.length > 0 && (
        <List
          size="small"
          dataSource={runs}
          renderItem={(run) => (
            <List.Item
              actions={
                run.status === "failed" || run.status === "dead"
                  ? [
                      <Button
                        key="retry"
                        size="small"
                        loading={busy === run.id}
                        onClick={() => {
                          void retry(run.id);
                        }}
                      >
                        {t("runs.retry")}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={2}>
                <Space wrap>
                  <Tag color={STATUS_COLOR[run.status] ?? "default"}>
                    {t(`runs.status.${run.status}`, { defaultValue: run.status })}
                  </Tag>
                  <Typography.Text type="secondary">
                    {t("runs.attempts", { count: run.attempts })}
                  </Typography.Text>
                  {run.startedAt !== "" && (
                    <Typography.Text type="secondary">
                      {new Date(run.startedAt).toLocaleString()}
                    </Typography.Text>
                  )}
                  {run.recordId !== "" && (
                    <Typography.Text type="secondary">
                      {t("runs.record", { id: run.recordId })}
                    </Typography.Text>
                  )}
                </Space>
                {run.error !== "" && (
                  <Typography.Text type="danger">{t("runs.error", { error: run.error })}</Typography.Text>
                )}
                {run.effects.length > 0 && (
                  <Typography.Text>
                    {t("runs.effects")}
                    {run.effects
                      .map(
                        (e) =>
                          `${t(`rules.actions.${e.type}`, { defaultValue: e.type })}${e.detail === "" ? "" : `（${e.detail}）`}`,
                      )
                      .join("；")}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

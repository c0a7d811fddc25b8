import type { ApprovalTrailEntry, ApprovalView, Form } from "@stagecraft/schemas";
import { Alert, Button, Card, Space, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/problem.js";
import type { User } from "../api/types.js";
import { useLocalized } from "../i18n/localized.js";
import { useApi } from "../shell/api-context.js";
import { ProblemAlert } from "../shell/problem-alert.js";

const STATUS_COLOR: Readonly<Record<string, string>> = {
  pending: "processing",
  approved: "success",
  rejected: "error",
  returned: "warning",
  withdrawn: "default",
};

function detailText(entry: ApprovalTrailEntry, key: string): string | undefined {
  const detail = entry.detail;
  if (typeof detail !== "object" || detail === null || !(key in detail)) return undefined;
  const value: unknown = Object.getOwnPropertyDescriptor(detail, key)?.value;
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * The record's approvals: a banner while one is pending (its requester may withdraw it), then each
 * with its trail (who, what, when, comments).
 */
export function RecordApprovals({
  approvals,
  form,
  users,
  me,
  onChanged,
}: {
  approvals: readonly ApprovalView[];
  form: Form;
  users: readonly User[];
  me: string | undefined;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const localized = useLocalized();
  const who = (id: string | null) => {
    if (id === null) return t("history.actor.system");
    const user = users.find((candidate) => candidate.id === id);
    return user === undefined ? id : user.name || user.email;
  };
  const stage = (id: string | null | undefined) =>
    localized(form.pipeline?.stages.find((candidate) => candidate.id === id)?.name) || (id ?? "—");
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);
  const pending = approvals.find((approval) => approval.status === "pending");
  return (
    <Card title={t("approvals.title")} style={{ marginBottom: 16 }} data-testid="record-approvals">
      {pending !== undefined && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("approvals.waiting", { stage: stage(pending.toStage) })}
          description={t("approvals.pendingWith", {
            who: pending.tasks
              .filter((task) => task.status === "pending")
              .map((task) => who(task.userId))
              .join("、"),
          })}
          action={
            me !== undefined && pending.requestedBy === me ? (
              <Button
                size="small"
                loading={busy}
                onClick={() => {
                  setBusy(true);
                  setProblem(null);
                  api
                    .withdraw(pending.id, "")
                    .then(onChanged)
                    .catch((error: unknown) => {
                      setProblem(
                        error instanceof ApiError ? error : new ApiError(0, "error", String(error), []),
                      );
                    })
                    .finally(() => {
                      setBusy(false);
                    });
                }}
              >
                {t("approvals.withdraw")}
              </Button>
            ) : undefined
          }
        />
      )}
      {problem !== null && <ProblemAlert error={problem} />}
      {approvals.length === 0 && <Typography.Text type="secondary">{t("approvals.none")}</Typography.Text>}
      {approvals.map((approval) => (
        <div key={approval.id} data-approval={approval.id} style={{ marginBottom: 12 }}>
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag color={STATUS_COLOR[approval.status] ?? "default"}>
              {t(`approvals.status.${approval.status}`, { defaultValue: approval.status })}
            </Tag>
            <Typography.Text>
              {t("approvals.request", {
                to: stage(approval.toStage),
                who: who(approval.requestedBy),
                at: when(approval.requestedAt),
              })}
            </Typography.Text>
          </Space>
          <Timeline
            items={approval.trail.map((entry, i) => {
              const comment = detailText(entry, "comment");
              const to = detailText(entry, "to");
              const returnTo = detailText(entry, "returnTo");
              return {
                key: `${approval.id}:${String(i)}`,
                content: (
                  <div data-trail={entry.action}>
                    <Typography.Text strong>
                      {t(`approvals.action.${entry.action}`, { defaultValue: entry.action })}
                    </Typography.Text>{" "}
                    <Typography.Text type="secondary">
                      {entry.actor.type === "user"
                        ? who(entry.actor.id)
                        : t(`history.actor.${entry.actor.type}`, { defaultValue: entry.actor.type })}{" "}
                      · {when(entry.at)}
                    </Typography.Text>
                    {to !== undefined && <div>{t("approvals.transferredTo", { who: who(to) })}</div>}
                    {returnTo !== undefined && (
                      <div>{t("approvals.returnedTo", { stage: stage(returnTo) })}</div>
                    )}
                    {comment !== undefined && (
                      <div style={{ fontSize: 13 }}>{t("approvals.comment", { comment })}</div>
                    )}
                  </div>
                ),
              };
            })}
          />
        </div>
      ))}
    </Card>
  );
}

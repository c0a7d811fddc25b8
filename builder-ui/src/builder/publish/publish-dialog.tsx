import { Alert, Button, List, Modal, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/builder-api.js";
import { useBuilderApi, useDefinitionStore } from "../store/store-context.js";
import { IssueList } from "../shared/issue-list.js";
import { langOf } from "../shared/i18n-text.js";
import type { ValidationIssue } from "@stagecraft/schemas";
import { describeChange, publishPlanOf, type PublishPlan } from "./impact-report.js";

type Step =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "invalid"; issues: ValidationIssue[] }
  | { kind: "failed"; message: string }
  | { kind: "review"; plan: PublishPlan }
  | { kind: "publishing"; plan: PublishPlan }
  | { kind: "done"; version: number };

/** The draft's definition paths are answered under /definition: strip it to point into the definition. */
function draftIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((i) => ({
    ...i,
    path: i.path.startsWith("/definition") ? i.path.slice("/definition".length) : i.path,
  }));
}

/**
 * Publish in two steps: save the draft and ask for a dry run, show its impact on existing
 * records, then publish only when the builder confirms. Every failure is shown in words.
 */
export function PublishButton(props: { onPublished?: (version: number) => void }) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const store = useDefinitionStore();
  const { api, appId } = useBuilderApi();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const base = `/api/apps/${encodeURIComponent(appId)}`;
  const failure = (e: unknown): Step =>
    e instanceof ApiError && e.issues.length > 0
      ? { kind: "invalid", issues: draftIssues(e.issues) }
      : { kind: "failed", message: e instanceof Error ? e.message : String(e) };

  const start = async () => {
    setStep({ kind: "checking" });
    try {
      await api.request("PUT", `${base}/draft`, { definition: store.getState().definition });
      store.getState().markSaved();
      const plan = publishPlanOf(await api.request("POST", `${base}/publish?dryRun=true`));
      setStep({ kind: "review", plan });
    } catch (e) {
      setStep(failure(e));
    }
  };
  const confirm = async (plan: PublishPlan) => {
    setStep({ kind: "publishing", plan });
    try {
      const done = publishPlanOf(await api.request("POST", `${base}/publish`));
      setStep({ kind: "done", version: done.version });
      props.onPublished?.(done.version);
    } catch (e) {
      setStep(failure(e));
    }
  };
  const close = () => {
    setStep({ kind: "idle" });
  };
  const definition = store.getState().definition;
  const plan = step.kind === "review" || step.kind === "publishing" ? step.plan : undefined;
  return (
    <>
      <Button
        type="primary"
        loading={step.kind === "checking"}
        onClick={() => {
          void start();
        }}
      >
        {t("app.publish")}
      </Button>
      <Modal
        open={step.kind !== "idle" && step.kind !== "checking"}
        title={plan !== undefined ? t("publish.reviewTitle", { version: plan.version }) : t("publish.title")}
        onCancel={close}
        footer={
          plan !== undefined
            ? [
                <Button key="cancel" onClick={close}>
                  {t("common.cancel")}
                </Button>,
                <Button
                  key="ok"
                  type="primary"
                  loading={step.kind === "publishing"}
                  onClick={() => {
                    void confirm(plan);
                  }}
                >
                  {t("publish.confirm")}
                </Button>,
              ]
            : [
                <Button key="close" onClick={close}>
                  {t("publish.close")}
                </Button>,
              ]
        }
      >
        <div data-testid="publish-dialog">
          {plan !== undefined &&
            (plan.changes.length === 0 ? (
              <Alert type="success" showIcon title={t("publish.noImpact")} />
            ) : (
              <>
                <Typography.Paragraph>{t("publish.impactIntro")}</Typography.Paragraph>
                <List
                  size="small"
                  bordered
                  dataSource={plan.changes}
                  renderItem={(change) => (
                    <List.Item>
                      <Space style={{ justifyContent: "space-between", width: "100%" }}>
                        <Typography.Text>{describeChange(change, definition, lang, t)}</Typography.Text>
                        <Tag color={change.records > 0 ? "orange" : "default"}>
                          {t("publish.records", { count: change.records })}
                        </Tag>
                      </Space>
                    </List.Item>
                  )}
                />
              </>
            ))}
          {step.kind === "invalid" && (
            <IssueList definition={definition} issues={step.issues} title={t("publish.invalid")} />
          )}
          {step.kind === "failed" && (
            <Alert type="error" showIcon title={t("publish.failed")} description={step.message} />
          )}
          {step.kind === "done" && (
            <Alert type="success" showIcon title={t("publish.done", { version: step.version })} />
          )}
        </div>
      </Modal>
    </>
  );
}

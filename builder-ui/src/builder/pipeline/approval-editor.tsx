import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Approval, ApprovalStep } from "@stagecraft/schemas";
import { Button, Card, Form as AntForm, Select, Space, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ConditionEditor } from "../condition/condition-editor.js";
import type { FieldChoice } from "../condition/field-choices.js";
import { freshId } from "../store/definition-ops.js";
import { DurationInput } from "../shared/duration-input.js";
import { I18nTextInput } from "../shared/i18n-text-input.js";
import { LabelledSelect } from "../shared/labelled-select.js";
import { removeAt, replaceAt, withOptional } from "../shared/optional.js";
import { ApproverInput } from "./approver-input.js";

type Overdue = NonNullable<ApprovalStep["due"]>["onOverdue"];
const OVERDUE: readonly Overdue[] = ["remind", "escalate", "auto_approve", "auto_reject"];

function newStep(steps: readonly ApprovalStep[]): ApprovalStep {
  return {
    id: freshId("step", new Set(steps.map((s) => s.id))),
    approvers: [{ type: "manager" }],
    mode: "any",
  };
}

function StepEditor(props: {
  step: ApprovalStep;
  n: number;
  canRemove: boolean;
  conditionFields: readonly FieldChoice[];
  onChange: (s: ApprovalStep) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation("builder");
  const { step, onChange } = props;
  return (
    <Card
      size="small"
      title={t("approval.step", { n: props.n })}
      extra={
        <Button
          type="text"
          danger
          aria-label={t("approval.removeStep", { n: props.n })}
          icon={<DeleteOutlined />}
          disabled={!props.canRemove}
          onClick={props.onRemove}
        />
      }
    >
      <AntForm.Item label={t("approval.stepName")} style={{ marginBottom: 8 }}>
        <I18nTextInput
          label={t("approval.stepName")}
          optional
          value={step.name}
          onChange={(name) => {
            onChange(withOptional(step, "name", name));
          }}
        />
      </AntForm.Item>
      <AntForm.Item label={t("approval.approvers")} style={{ marginBottom: 8 }}>
        <Space orientation="vertical" style={{ width: "100%" }}>
          {step.approvers.map((approver, i) => (
            <Space key={i}>
              <ApproverInput
                label={t("approval.approver", { n: i + 1 })}
                value={approver}
                onChange={(next) => {
                  onChange({ ...step, approvers: replaceAt(step.approvers, i, next) });
                }}
              />
              <Button
                type="text"
                aria-label={t("approval.removeApprover", { n: i + 1 })}
                icon={<DeleteOutlined />}
                disabled={step.approvers.length <= 1}
                onClick={() => {
                  onChange({ ...step, approvers: removeAt(step.approvers, i) });
                }}
              />
            </Space>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              onChange({ ...step, approvers: [...step.approvers, { type: "owner" }] });
            }}
          >
            {t("approval.addApprover")}
          </Button>
        </Space>
      </AntForm.Item>
      <LabelledSelect<"all" | "any">
        label={t("approval.mode")}
        value={step.mode}
        options={[
          { value: "any", label: t("approval.modes.any") },
          { value: "all", label: t("approval.modes.all") },
        ]}
        onChange={(mode) => {
          onChange({ ...step, mode });
        }}
      />
      <Typography.Text>{t("approval.when")}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t("approval.whenHint")}
      </Typography.Paragraph>
      <div data-testid={`step-condition-${String(props.n)}`} style={{ marginBottom: 8 }}>
        <ConditionEditor
          value={step.when}
          fields={props.conditionFields}
          onChange={(when) => {
            onChange(withOptional(step, "when", when));
          }}
        />
      </div>
      <AntForm.Item label={t("approval.due")} style={{ marginBottom: 0 }}>
        <Space wrap>
          <Switch
            aria-label={t("approval.due")}
            checked={step.due !== undefined}
            onChange={(on) => {
              onChange(
                withOptional(
                  step,
                  "due",
                  on ? { after: { amount: 2, unit: "working_days" }, onOverdue: "remind" } : undefined,
                ),
              );
            }}
          />
          {step.due !== undefined && (
            <>
              <DurationInput
                label={t("approval.dueAfter")}
                value={step.due.after}
                onChange={(after) => {
                  if (step.due) onChange({ ...step, due: { ...step.due, after } });
                }}
              />
              <Select<Overdue>
                aria-label={t("approval.onOverdue")}
                style={{ width: 140 }}
                value={step.due.onOverdue}
                options={OVERDUE.map((o) => ({ value: o, label: t(`approval.overdue.${o}`) }))}
                onChange={(onOverdue) => {
                  if (step.due) onChange({ ...step, due: { ...step.due, onOverdue } });
                }}
              />
            </>
          )}
        </Space>
      </AntForm.Item>
    </Card>
  );
}

/**
 * The approval a record needs to enter or leave a stage: steps of approvers, all or any, each with
 * an optional condition (the step is skipped when it does not hold) and a due time.
 */
export function ApprovalEditor(props: {
  value: Approval | undefined;
  fields: readonly { id: string; label: string }[];
  conditionFields: readonly FieldChoice[];
  onChange: (value: Approval | undefined) => void;
}) {
  const { t } = useTranslation("builder");
  const { value, onChange } = props;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="approval-editor">
      <Space>
        <Switch
          aria-label={t("approval.enabled")}
          checked={value !== undefined}
          onChange={(on) => {
            onChange(on ? { on: "enter", steps: [newStep([])] } : undefined);
          }}
        />
        <span>{t("approval.enabled")}</span>
      </Space>
      {value !== undefined && (
        <>
          <Select<"enter" | "leave">
            aria-label={t("approval.on")}
            value={value.on}
            style={{ width: 200 }}
            options={[
              { value: "enter", label: t("approval.onEnter") },
              { value: "leave", label: t("approval.onLeave") },
            ]}
            onChange={(on) => {
              onChange({ ...value, on });
            }}
          />
          {value.steps.map((step, i) => (
            <StepEditor
              key={step.id}
              step={step}
              n={i + 1}
              canRemove={value.steps.length > 1}
              conditionFields={props.conditionFields}
              onChange={(next) => {
                onChange({ ...value, steps: replaceAt(value.steps, i, next) });
              }}
              onRemove={() => {
                onChange({ ...value, steps: removeAt(value.steps, i) });
              }}
            />
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              onChange({ ...value, steps: [...value.steps, newStep(value.steps)] });
            }}
          >
            {t("approval.addStep")}
          </Button>
          <AntForm.Item label={t("approval.covers")} style={{ marginBottom: 0 }}>
            <Select
              aria-label={t("approval.covers")}
              mode="multiple"
              value={value.covers ?? []}
              options={props.fields.map((f) => ({ value: f.id, label: f.label }))}
              onChange={(covers: string[]) => {
                onChange(withOptional(value, "covers", covers.length === 0 ? undefined : covers));
              }}
            />
          </AntForm.Item>
        </>
      )}
    </Space>
  );
}

import type { Stage } from "@stagecraft/schemas";
import { Collapse, Form as AntForm, InputNumber, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ConditionEditor } from "../condition/condition-editor.js";
import { fieldChoicesOf } from "../condition/field-choices.js";
import { formOf } from "../store/definition-ops.js";
import { useBuilder, useDefinitionStore } from "../store/store-context.js";
import { I18nTextInput } from "../shared/i18n-text-input.js";
import { LabelledSelect } from "../shared/labelled-select.js";
import { langOf, textOf } from "../shared/i18n-text.js";
import { withOptional } from "../shared/optional.js";
import { ApprovalEditor } from "./approval-editor.js";
import { updateStage } from "./pipeline-ops.js";
import { SlaEditor } from "./sla-editor.js";

/** Every setting of one stage: name, required fields, guard, probability, won/lost, allowed moves, approval, SLA. */
export function StageSettings(props: { formId: string; stageId: string }) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const store = useDefinitionStore();
  const form = useBuilder((s) => formOf(s.definition, props.formId));
  const stage = form?.pipeline?.stages.find((s) => s.id === props.stageId);
  if (form === undefined || stage === undefined) return null;
  const change = (next: Stage, what: string) => {
    store
      .getState()
      .edit(
        (d) => updateStage(d, props.formId, props.stageId, () => next),
        `stage:${props.formId}:${props.stageId}:${what}`,
      );
  };
  const valueFields = form.fields
    .filter((f) => f.type !== "section" && f.type !== "formula" && f.type !== "serial")
    .map((f) => ({ id: f.id, label: textOf(f.label, lang) || f.id }));
  const otherStages = (form.pipeline?.stages ?? []).filter((s) => s.id !== stage.id);
  return (
    <AntForm layout="vertical" size="small" data-testid="stage-settings">
      <AntForm.Item label={t("stage.name")} style={{ marginBottom: 8 }}>
        <I18nTextInput
          label={t("stage.name")}
          value={stage.name}
          onChange={(name) => {
            if (name) change({ ...stage, name }, "name");
          }}
        />
      </AntForm.Item>
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 8 }}>
        <AntForm.Item label={t("stage.probability")} style={{ marginBottom: 8 }}>
          <InputNumber
            aria-label={t("stage.probability")}
            min={0}
            max={100}
            suffix="%"
            style={{ width: "100%" }}
            value={stage.probability ?? null}
            onChange={(v) => {
              change(
                withOptional(stage, "probability", typeof v === "number" ? v : undefined),
                "probability",
              );
            }}
          />
        </AntForm.Item>
        <LabelledSelect<"open" | "won" | "lost">
          label={t("stage.terminal")}
          value={stage.terminal ?? "open"}
          options={[
            { value: "open", label: t("stage.terminals.open") },
            { value: "won", label: t("stage.terminals.won") },
            { value: "lost", label: t("stage.terminals.lost") },
          ]}
          onChange={(v) => {
            change(withOptional(stage, "terminal", v === "open" ? undefined : v), "terminal");
          }}
        />
      </div>
      <Collapse
        size="small"
        defaultActiveKey={["entry"]}
        items={[
          {
            key: "entry",
            label: t("stage.entry"),
            children: (
              <>
                <AntForm.Item label={t("stage.requires")} style={{ marginBottom: 8 }}>
                  <Select
                    aria-label={t("stage.requires")}
                    mode="multiple"
                    showSearch={{ optionFilterProp: "label" }}
                    value={stage.requires ?? []}
                    options={valueFields.map((f) => ({ value: f.id, label: f.label }))}
                    onChange={(requires: string[]) => {
                      change(
                        withOptional(stage, "requires", requires.length === 0 ? undefined : requires),
                        "requires",
                      );
                    }}
                  />
                </AntForm.Item>
                <Typography.Text>{t("stage.guard")}</Typography.Text>
                <div data-testid="guard-editor" style={{ margin: "6px 0 8px" }}>
                  <ConditionEditor
                    value={stage.guard}
                    fields={fieldChoicesOf(form, lang)}
                    onChange={(guard) => {
                      change(withOptional(stage, "guard", guard), "guard");
                    }}
                  />
                </div>
                {stage.guard !== undefined && (
                  <AntForm.Item label={t("stage.guardMessage")} style={{ marginBottom: 8 }}>
                    <I18nTextInput
                      label={t("stage.guardMessage")}
                      optional
                      value={stage.guardMessage}
                      onChange={(m) => {
                        change(withOptional(stage, "guardMessage", m), "guardMessage");
                      }}
                    />
                  </AntForm.Item>
                )}
                <AntForm.Item
                  label={t("stage.moves")}
                  help={t("stage.movesHint")}
                  style={{ marginBottom: 8 }}
                >
                  <Select
                    aria-label={t("stage.moves")}
                    mode="multiple"
                    showSearch={{ optionFilterProp: "label" }}
                    value={stage.moves ?? []}
                    options={otherStages.map((s) => ({ value: s.id, label: textOf(s.name, lang) || s.id }))}
                    onChange={(moves: string[]) => {
                      change(withOptional(stage, "moves", moves.length === 0 ? undefined : moves), "moves");
                    }}
                  />
                </AntForm.Item>
              </>
            ),
          },
          {
            key: "approval",
            label: t("stage.approval"),
            children: (
              <ApprovalEditor
                value={stage.approval}
                fields={valueFields}
                conditionFields={fieldChoicesOf(form, lang)}
                onChange={(approval) => {
                  change(withOptional(stage, "approval", approval), "approval");
                }}
              />
            ),
          },
          {
            key: "sla",
            label: t("stage.sla"),
            children: (
              <SlaEditor
                value={stage.sla}
                onChange={(sla) => {
                  change(withOptional(stage, "sla", sla), "sla");
                }}
              />
            ),
          },
        ]}
      />
    </AntForm>
  );
}

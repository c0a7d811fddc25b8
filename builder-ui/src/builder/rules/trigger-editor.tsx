import type { AppDefinition, Trigger, TriggerType } from "@stagecraft/schemas";
import { Input, InputNumber, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { I18nTextInput } from "../shared/i18n-text-input.js";
import { LabelledSelect } from "../shared/labelled-select.js";
import { RecordFilterEditor } from "../shared/record-filter-editor.js";
import type { Lang } from "../shared/i18n-text.js";
import { withOptional } from "../shared/optional.js";
import { DATE_TYPES } from "../form/field-types.js";
import { defaultTrigger, TRIGGER_TYPES } from "./rule-factory.js";
import { settingItem } from "../shared/setting-item.js";
import { fieldChoices, formChoices, stageChoices } from "../shared/choices.js";

type StagedTrigger = Extract<
  Trigger,
  {
    type:
      | "stage.entered"
      | "stage.left"
      | "stage.overdue"
      | "record.idle"
      | "approval.requested"
      | "approval.approved"
      | "approval.rejected"
      | "approval.overdue";
  }
>;
const STAGED: ReadonlySet<string> = new Set([
  "stage.entered",
  "stage.left",
  "stage.overdue",
  "record.idle",
  "approval.requested",
  "approval.approved",
  "approval.rejected",
  "approval.overdue",
]);

/** Whether a trigger can be narrowed to one stage. */
function isStaged(trigger: Trigger): trigger is StagedTrigger {
  return STAGED.has(trigger.type);
}

const CRON_PRESETS: readonly { cron: string; key: string }[] = [
  { cron: "0 9 * * *", key: "daily" },
  { cron: "0 9 * * 1", key: "weekly" },
  { cron: "0 9 1 * *", key: "monthly" },
  { cron: "0 * * * *", key: "hourly" },
];

/** What starts a rule: the trigger type from a menu, then that type's settings. */
export function TriggerEditor(props: {
  definition: AppDefinition;
  value: Trigger;
  lang: Lang;
  onChange: (value: Trigger) => void;
}) {
  const { t } = useTranslation("builder");
  const { definition, value, lang, onChange } = props;
  const formId = value.form ?? definition.forms[0]?.id ?? "";
  const form = definition.forms.find((f) => f.id === formId);
  const formOptions = formChoices(definition.forms, lang);
  const stageOptions = stageChoices(form, lang);
  const fieldOptions = fieldChoices(
    (form?.fields ?? []).filter((f) => f.type !== "section"),
    lang,
  );
  return (
    <div data-testid="trigger-editor">
      <Space wrap align="start">
        <LabelledSelect<TriggerType>
          virtual={false}
          label={t("rules.triggerType")}
          width={220}
          value={value.type}
          options={TRIGGER_TYPES.map((type) => ({ value: type, label: t(`rules.triggers.${type}`) }))}
          onChange={(type) => {
            onChange(defaultTrigger(type, definition, formId));
          }}
        />
        {settingItem(
          t("rules.form"),
          <Select<string>
            aria-label={t("rules.form")}
            style={{ width: 160 }}
            value={value.form ?? null}
            allowClear={value.type === "schedule" || value.type === "webhook"}
            options={formOptions}
            onChange={(next: string | undefined) => {
              // Schedules and webhooks may run without a form (and then without a record filter).
              if (next === undefined && value.type === "schedule")
                onChange({ type: "schedule", cron: value.cron, timeZone: value.timeZone });
              else if (next === undefined && value.type === "webhook") onChange({ type: "webhook" });
              else onChange(defaultTrigger(value.type, definition, next ?? formId));
            }}
          />,
        )}
      </Space>
      {isStaged(value) && (
        <LabelledSelect
          label={t("rules.stage")}
          width={200}
          clearable
          placeholder={t("rules.anyStage")}
          value={value.stage ?? null}
          options={stageOptions}
          onChange={(stage) => {
            onChange(withOptional(value, "stage", stage));
          }}
        />
      )}
      {value.type === "field.changed" &&
        settingItem(
          t("rules.watchFields"),
          <Select
            aria-label={t("rules.watchFields")}
            mode="multiple"
            style={{ minWidth: 240 }}
            value={value.fields}
            options={fieldOptions}
            onChange={(fields: string[]) => {
              onChange({ ...value, fields });
            }}
          />,
        )}
      {value.type === "record.idle" &&
        settingItem(
          t("rules.idleDays"),
          <InputNumber
            aria-label={t("rules.idleDays")}
            min={1}
            value={value.days}
            onChange={(days) => {
              onChange({ ...value, days: typeof days === "number" ? days : 1 });
            }}
          />,
        )}
      {value.type === "date.offset" && (
        <Space wrap>
          <LabelledSelect
            label={t("rules.dateField")}
            width={160}
            value={value.field}
            options={fieldChoices(
              (form?.fields ?? []).filter((f) => DATE_TYPES.has(f.type)),
              lang,
            )}
            onChange={(field) => {
              onChange({ ...value, field });
            }}
          />
          {settingItem(
            t("rules.offsetDays"),
            <InputNumber
              aria-label={t("rules.offsetDays")}
              value={value.days}
              suffix={t("rules.daysAfterHint")}
              onChange={(days) => {
                onChange({ ...value, days: typeof days === "number" ? Math.trunc(days) : 0 });
              }}
            />,
          )}
          {settingItem(
            t("rules.at"),
            <Input
              aria-label={t("rules.at")}
              style={{ width: 90 }}
              placeholder="09:00"
              value={value.at ?? ""}
              onChange={(e) => {
                onChange(withOptional(value, "at", e.target.value === "" ? undefined : e.target.value));
              }}
            />,
          )}
        </Space>
      )}
      {value.type === "schedule" && (
        <>
          <Space wrap>
            <LabelledSelect
              label={t("rules.schedule")}
              width={180}
              value={CRON_PRESETS.some((p) => p.cron === value.cron) ? value.cron : "custom"}
              options={[
                ...CRON_PRESETS.map((p) => ({ value: p.cron, label: t(`rules.cron.${p.key}`) })),
                { value: "custom", label: t("rules.cron.custom") },
              ]}
              onChange={(cron) => {
                if (cron !== "custom") onChange({ ...value, cron });
              }}
            />
            {settingItem(
              t("rules.cronText"),
              <Input
                aria-label={t("rules.cronText")}
                style={{ width: 150 }}
                value={value.cron}
                onChange={(e) => {
                  onChange({ ...value, cron: e.target.value });
                }}
              />,
            )}
            {settingItem(
              t("rules.timeZone"),
              <Input
                aria-label={t("rules.timeZone")}
                style={{ width: 150 }}
                value={value.timeZone}
                onChange={(e) => {
                  onChange({ ...value, timeZone: e.target.value });
                }}
              />,
            )}
          </Space>
          {value.form !== undefined &&
            settingItem(
              t("rules.scheduleFilter"),
              <RecordFilterEditor
                value={value.filter}
                form={form}
                thisForm={undefined}
                lang={lang}
                onChange={(filter) => {
                  onChange(withOptional(value, "filter", filter.length === 0 ? undefined : filter));
                }}
              />,
            )}
        </>
      )}
      {value.type === "manual" &&
        settingItem(
          t("rules.buttonLabel"),
          <I18nTextInput
            label={t("rules.buttonLabel")}
            value={value.label}
            onChange={(label) => {
              if (label) onChange({ ...value, label });
            }}
          />,
        )}
    </div>
  );
}

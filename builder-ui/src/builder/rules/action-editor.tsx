import type { Action, ActionType, AppDefinition, RecordTarget } from "@stagecraft/schemas";
import { Input, InputNumber, Space, Switch, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { I18nTextInput } from "../shared/i18n-text-input.js";
import { LabelledSelect } from "../shared/labelled-select.js";
import { RecordFilterEditor } from "../shared/record-filter-editor.js";
import type { Lang } from "../shared/i18n-text.js";
import { withOptional } from "../shared/optional.js";
import { AssignEditor } from "./assign-editor.js";
import { FieldValuesEditor } from "./field-values-editor.js";
import { RecipientsEditor } from "./recipients-editor.js";
import { ACTION_TYPES, constantFor, defaultAction, writableFields } from "./rule-factory.js";
import { ValueInput } from "./value-input.js";
import { settingItem } from "../shared/setting-item.js";
import { fieldChoices, formChoices, stageChoices } from "../shared/choices.js";

const METHODS: readonly ("POST" | "PUT" | "PATCH")[] = ["POST", "PUT", "PATCH"];
const WAIT_UNITS: readonly ("days" | "hours" | "minutes")[] = ["days", "hours", "minutes"];
const TARGETS: readonly RecordTarget["type"][] = ["reference", "referencing", "filter"];

/** One action of a rule: its type from a menu, then that type's settings, all from menus and inputs. */
export function ActionEditor(props: {
  definition: AppDefinition;
  formId: string | undefined;
  value: Action;
  index: number;
  lang: Lang;
  onChange: (value: Action) => void;
}) {
  const { t } = useTranslation("builder");
  const { definition, value, lang, onChange } = props;
  const formId = props.formId ?? definition.forms[0]?.id ?? "";
  const form = definition.forms.find((f) => f.id === props.formId);
  const n = props.index + 1;
  // A menu's label, and its accessible name with the action's number (several actions share a page).
  const numbered = (key: string) => ({ label: t(key), name: `${t(key)} ${n}` });
  const targetForm = (current: string, set: (formId: string) => void) => (
    <LabelledSelect
      {...numbered("rules.targetForm")}
      width={160}
      value={current}
      options={formChoices(definition.forms, lang)}
      onChange={set}
    />
  );
  let body: ReactNode = null;
  switch (value.type) {
    case "notify":
      body = (
        <>
          {settingItem(
            t("rules.to"),
            <RecipientsEditor
              value={value.to}
              form={form}
              lang={lang}
              onChange={(to) => {
                onChange({ ...value, to });
              }}
            />,
          )}
          {settingItem(
            t("rules.title"),
            <I18nTextInput
              label={`${t("rules.title")} ${n}`}
              value={value.title}
              onChange={(title) => {
                if (title) onChange({ ...value, title });
              }}
            />,
          )}
          {settingItem(
            t("rules.body"),
            <I18nTextInput
              label={`${t("rules.body")} ${n}`}
              optional
              multiline
              value={value.body}
              onChange={(b) => {
                onChange(withOptional(value, "body", b));
              }}
            />,
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("rules.placeholderHint", { example: "{{field_id}}" })}
          </Typography.Text>
        </>
      );
      break;
    case "set_field": {
      const fields = writableFields(form);
      body = (
        <Space wrap>
          <LabelledSelect
            {...numbered("rules.setField")}
            width={160}
            value={value.field}
            options={fieldChoices(fields, lang)}
            onChange={(field) => {
              onChange({
                type: "set_field",
                field,
                value: constantFor(fields.find((f) => f.id === field)),
              });
            }}
          />
          {settingItem(
            t("rules.toValue"),
            <ValueInput
              label={`${t("rules.toValue")} ${n}`}
              target={fields.find((f) => f.id === value.field)}
              source={form}
              lang={lang}
              value={value.value}
              onChange={(v) => {
                onChange({ ...value, value: v });
              }}
            />,
          )}
        </Space>
      );
      break;
    }
    case "assign_owner":
      body = settingItem(
        t("rules.assignHow"),
        <AssignEditor
          value={value.strategy}
          form={form}
          lang={lang}
          onChange={(strategy) => {
            onChange({ ...value, strategy });
          }}
        />,
      );
      break;
    case "move_stage":
      body = (
        <LabelledSelect
          {...numbered("rules.moveTo")}
          width={180}
          value={value.to}
          options={stageChoices(form, lang)}
          onChange={(to) => {
            onChange({ ...value, to });
          }}
        />
      );
      break;
    case "create_record": {
      const target = definition.forms.find((f) => f.id === value.form);
      const links = (target?.fields ?? []).filter((f) => f.type === "reference" && f.form === props.formId);
      body = (
        <>
          <Space wrap>
            {targetForm(value.form, (next) => {
              onChange({ type: "create_record", form: next, data: {} });
            })}
            <LabelledSelect
              {...numbered("rules.linkField")}
              width={160}
              clearable
              value={value.linkField ?? null}
              options={fieldChoices(links, lang)}
              onChange={(l) => {
                onChange(withOptional(value, "linkField", l));
              }}
            />
            {settingItem(
              t("rules.count"),
              <InputNumber
                aria-label={`${t("rules.count")} ${n}`}
                min={1}
                max={100}
                value={value.count ?? 1}
                onChange={(c) => {
                  onChange(withOptional(value, "count", typeof c === "number" && c > 1 ? c : undefined));
                }}
              />,
            )}
          </Space>
          {settingItem(
            t("rules.newValues"),
            <FieldValuesEditor
              label={`${t("rules.newValues")} ${n}`}
              value={value.data}
              target={target}
              source={form}
              lang={lang}
              onChange={(data) => {
                onChange({ ...value, data });
              }}
            />,
          )}
        </>
      );
      break;
    }
    case "update_records": {
      const target = definition.forms.find((f) => f.id === value.form);
      const how = value.target;
      const refsHere = (form?.fields ?? []).filter((f) => f.type === "reference" && f.form === value.form);
      const refsThere = (target?.fields ?? []).filter(
        (f) => f.type === "reference" && f.form === props.formId,
      );
      const refOptions = fieldChoices(how.type === "reference" ? refsHere : refsThere, lang);
      body = (
        <>
          <Space wrap>
            {targetForm(value.form, (next) => {
              onChange({
                type: "update_records",
                form: next,
                target: { type: "filter", filter: [] },
                set: {},
              });
            })}
            <LabelledSelect<RecordTarget["type"]>
              {...numbered("rules.which")}
              width={200}
              value={how.type}
              options={TARGETS.map((k) => ({ value: k, label: t(`rules.targets.${k}`) }))}
              onChange={(k) => {
                const field = (k === "reference" ? refsHere : refsThere)[0]?.id ?? "";
                onChange({
                  ...value,
                  target: k === "filter" ? { type: "filter", filter: [] } : { type: k, field },
                });
              }}
            />
            {how.type !== "filter" && (
              <LabelledSelect
                {...numbered("rules.viaField")}
                width={160}
                value={how.field || null}
                options={refOptions}
                onChange={(field) => {
                  onChange({ ...value, target: { type: how.type, field } });
                }}
              />
            )}
          </Space>
          {how.type === "filter" &&
            settingItem(
              t("rules.which"),
              <RecordFilterEditor
                value={how.filter}
                form={target}
                thisForm={form}
                lang={lang}
                onChange={(filter) => {
                  onChange({ ...value, target: { type: "filter", filter } });
                }}
              />,
            )}
          {settingItem(
            t("rules.setValues"),
            <FieldValuesEditor
              label={`${t("rules.setValues")} ${n}`}
              value={value.set}
              target={target}
              source={form}
              lang={lang}
              onChange={(set) => {
                onChange(withOptional(value, "set", Object.keys(set).length === 0 ? undefined : set));
              }}
            />,
          )}
          {settingItem(
            t("rules.incrementValues"),
            <FieldValuesEditor
              label={`${t("rules.incrementValues")} ${n}`}
              numericOnly
              value={value.increment}
              target={target}
              source={form}
              lang={lang}
              onChange={(inc) => {
                onChange(withOptional(value, "increment", Object.keys(inc).length === 0 ? undefined : inc));
              }}
            />,
          )}
          {value.increment !== undefined &&
            settingItem(
              t("rules.reverseOnLeave"),
              <Switch
                aria-label={`${t("rules.reverseOnLeave")} ${n}`}
                checked={value.reverseOnLeave === true}
                onChange={(on) => {
                  onChange(withOptional(value, "reverseOnLeave", on ? true : undefined));
                }}
              />,
            )}
        </>
      );
      break;
    }
    case "webhook":
      body = (
        <Space wrap>
          {settingItem(
            t("rules.url"),
            <Input
              aria-label={`${t("rules.url")} ${n}`}
              style={{ width: 320 }}
              placeholder="https://"
              value={value.url}
              onChange={(e) => {
                onChange({ ...value, url: e.target.value });
              }}
            />,
          )}
          <LabelledSelect
            {...numbered("rules.method")}
            width={100}
            value={value.method ?? "POST"}
            options={METHODS.map((m) => ({ value: m, label: m }))}
            onChange={(method) => {
              onChange({ ...value, method });
            }}
          />
          {value.body !== undefined && (
            <Typography.Text type="secondary">{t("rules.customBody")}</Typography.Text>
          )}
        </Space>
      );
      break;
    case "wait":
      body = (
        <Space wrap>
          {WAIT_UNITS.map((unit) => (
            <span key={unit}>
              {settingItem(
                t(`duration.${unit}`),
                <InputNumber
                  aria-label={`${t(`duration.${unit}`)} ${n}`}
                  min={0}
                  value={value[unit] ?? null}
                  onChange={(v) => {
                    onChange(
                      withOptional(value, unit, typeof v === "number" && v > 0 ? Math.trunc(v) : undefined),
                    );
                  }}
                />,
              )}
            </span>
          ))}
        </Space>
      );
      break;
  }
  return (
    <div data-testid={`action-${props.index}`}>
      <LabelledSelect<ActionType>
        virtual={false}
        {...numbered("rules.actionType")}
        width={220}
        value={value.type}
        options={ACTION_TYPES.map((type) => ({ value: type, label: t(`rules.actions.${type}`) }))}
        onChange={(type) => {
          onChange(defaultAction(type, definition, formId));
        }}
      />
      {body}
    </div>
  );
}

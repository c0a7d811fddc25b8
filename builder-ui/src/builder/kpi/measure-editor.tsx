import type {
  AppDefinition,
  Form,
  Measure,
  MeasureType,
  Moment,
  RatioPart,
  SimpleMeasure,
} from "@stagecraft/schemas";
import { Card, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { LabelledSelect } from "../shared/labelled-select.js";
import { RecordFilterEditor } from "../shared/record-filter-editor.js";
import type { Lang } from "../shared/i18n-text.js";
import { withOptional } from "../shared/optional.js";
import { numericChoices } from "./kpi-choices.js";
import { settingItem } from "../shared/setting-item.js";
import { fieldChoices, formChoices, stageChoices } from "../shared/choices.js";

export const MEASURE_TYPES: readonly MeasureType[] = [
  "count",
  "sum",
  "avg",
  "min",
  "max",
  "ratio",
  "duration",
  "stage_conversion",
  "time_in_stage",
];
const SIMPLE: readonly SimpleMeasure["type"][] = ["count", "sum", "avg", "min", "max"];
const STATISTICS: readonly ("avg" | "median" | "min" | "max")[] = ["avg", "median", "min", "max"];
const MOMENTS: readonly Moment["type"][] = ["created", "closed", "field", "stage_entered"];

function simpleOf(type: SimpleMeasure["type"], form: Form | undefined, lang: Lang): SimpleMeasure {
  return type === "count" ? { type } : { type, field: numericChoices(form, lang)[0]?.value ?? "_id" };
}

/** A measure of `type` with the first sensible choices of `form`. */
export function defaultMeasure(type: MeasureType, form: Form | undefined, lang: Lang): Measure {
  const stages = form?.pipeline?.stages ?? [];
  switch (type) {
    case "count":
    case "sum":
    case "avg":
    case "min":
    case "max":
      return simpleOf(type, form, lang);
    case "ratio":
      return { type, numerator: { measure: { type: "count" } }, denominator: { measure: { type: "count" } } };
    case "duration":
      return { type, from: { type: "created" }, to: { type: "closed" }, statistic: "avg", unit: "days" };
    case "stage_conversion":
      return { type, from: stages[0]?.id ?? "", to: stages[stages.length - 1]?.id ?? "" };
    case "time_in_stage":
      return { type, statistic: "avg", unit: "days" };
  }
}

function MomentInput(props: {
  label: string;
  value: Moment;
  form: Form | undefined;
  lang: Lang;
  onChange: (m: Moment) => void;
}) {
  const { t } = useTranslation("builder");
  const { value, form, lang } = props;
  const dates = (form?.fields ?? []).filter((f) => f.type === "date" || f.type === "datetime");
  return (
    <Space.Compact>
      <Select<Moment["type"]>
        aria-label={props.label}
        style={{ width: 140 }}
        value={value.type}
        options={MOMENTS.map((m) => ({ value: m, label: t(`kpi.moments.${m}`) }))}
        onChange={(type) => {
          if (type === "field") props.onChange({ type, field: dates[0]?.id ?? "" });
          else if (type === "stage_entered")
            props.onChange({ type, stage: form?.pipeline?.stages[0]?.id ?? "" });
          else props.onChange({ type });
        }}
      />
      {value.type === "field" && (
        <Select<string>
          aria-label={`${props.label} ${t("kpi.field")}`}
          style={{ width: 140 }}
          value={value.field || null}
          options={fieldChoices(dates, lang)}
          onChange={(field) => {
            props.onChange({ type: "field", field });
          }}
        />
      )}
      {value.type === "stage_entered" && (
        <Select<string>
          aria-label={`${props.label} ${t("kpi.stage")}`}
          style={{ width: 140 }}
          value={value.stage || null}
          options={stageChoices(form, lang)}
          onChange={(stage) => {
            props.onChange({ type: "stage_entered", stage });
          }}
        />
      )}
    </Space.Compact>
  );
}

function RatioPartEditor(props: {
  label: string;
  value: RatioPart;
  definition: AppDefinition;
  kpiForm: Form | undefined;
  lang: Lang;
  onChange: (p: RatioPart) => void;
}) {
  const { t } = useTranslation("builder");
  const { value, definition, lang } = props;
  const form = value.form === undefined ? props.kpiForm : definition.forms.find((f) => f.id === value.form);
  const measure = value.measure;
  return (
    <Card size="small" title={props.label} style={{ marginBottom: 8 }}>
      <Space wrap>
        <Select<string>
          aria-label={`${props.label} ${t("kpi.form")}`}
          style={{ width: 150 }}
          value={value.form ?? props.kpiForm?.id ?? null}
          options={formChoices(definition.forms, lang)}
          onChange={(id) => {
            props.onChange({ measure: { type: "count" }, ...(id === props.kpiForm?.id ? {} : { form: id }) });
          }}
        />
        <Select<SimpleMeasure["type"]>
          aria-label={`${props.label} ${t("kpi.measureType")}`}
          style={{ width: 120 }}
          value={measure.type}
          options={SIMPLE.map((m) => ({ value: m, label: t(`kpi.measures.${m}`) }))}
          onChange={(type) => {
            props.onChange({ ...value, measure: simpleOf(type, form, lang) });
          }}
        />
        {measure.type !== "count" && (
          <Select<string>
            aria-label={`${props.label} ${t("kpi.field")}`}
            style={{ width: 150 }}
            value={measure.field}
            options={numericChoices(form, lang)}
            onChange={(field) => {
              props.onChange({ ...value, measure: { type: measure.type, field } });
            }}
          />
        )}
      </Space>
      <div style={{ marginTop: 8 }}>
        <RecordFilterEditor
          value={value.filter}
          form={form}
          thisForm={undefined}
          lang={lang}
          onChange={(filter) => {
            props.onChange(withOptional(value, "filter", filter.length === 0 ? undefined : filter));
          }}
        />
      </div>
    </Card>
  );
}

/** What a KPI measures, from menus: counts, sums, ratios, durations, stage conversion and time in stage. */
export function MeasureEditor(props: {
  value: Measure;
  definition: AppDefinition;
  form: Form | undefined;
  lang: Lang;
  onChange: (m: Measure) => void;
}) {
  const { t } = useTranslation("builder");
  const { value, form, lang, onChange } = props;
  const statistic = (
    v: "avg" | "median" | "min" | "max",
    set: (s: "avg" | "median" | "min" | "max") => void,
  ) => (
    <LabelledSelect
      label={t("kpi.statistic")}
      width={120}
      value={v}
      options={STATISTICS.map((s) => ({ value: s, label: t(`kpi.statistics.${s}`) }))}
      onChange={set}
    />
  );
  const unit = (v: "days" | "hours", set: (u: "days" | "hours") => void) => (
    <LabelledSelect
      label={t("kpi.unit")}
      width={100}
      value={v}
      options={[
        { value: "days", label: t("duration.days") },
        { value: "hours", label: t("duration.hours") },
      ]}
      onChange={set}
    />
  );
  const stage = (label: string, v: string, set: (id: string) => void) => (
    <LabelledSelect
      label={label}
      width={140}
      value={v || null}
      options={stageChoices(form, lang)}
      onChange={set}
    />
  );
  return (
    <div data-testid="measure-editor">
      <Space wrap align="start">
        <LabelledSelect<MeasureType>
          virtual={false}
          label={t("kpi.measureType")}
          width={180}
          value={value.type}
          options={MEASURE_TYPES.map((m) => ({ value: m, label: t(`kpi.measures.${m}`) }))}
          onChange={(type) => {
            onChange(defaultMeasure(type, form, lang));
          }}
        />
        {(value.type === "sum" || value.type === "avg" || value.type === "min" || value.type === "max") && (
          <LabelledSelect
            label={t("kpi.field")}
            width={180}
            value={value.field}
            options={numericChoices(form, lang)}
            onChange={(field) => {
              onChange({ ...value, field });
            }}
          />
        )}
        {value.type === "stage_conversion" && (
          <>
            {stage(t("kpi.fromStage"), value.from, (from) => {
              onChange({ ...value, from });
            })}
            {stage(t("kpi.toStage"), value.to, (to) => {
              onChange({ ...value, to });
            })}
          </>
        )}
        {value.type === "time_in_stage" && (
          <>
            <LabelledSelect
              label={t("kpi.stage")}
              width={140}
              clearable
              placeholder={t("rules.anyStage")}
              value={value.stage ?? null}
              options={stageChoices(form, lang)}
              onChange={(s) => {
                onChange(withOptional(value, "stage", s));
              }}
            />
            {statistic(value.statistic, (s) => {
              onChange({ ...value, statistic: s });
            })}
            {unit(value.unit, (u) => {
              onChange({ ...value, unit: u });
            })}
          </>
        )}
        {value.type === "duration" && (
          <>
            {settingItem(
              t("kpi.from"),
              <MomentInput
                label={t("kpi.from")}
                value={value.from}
                form={form}
                lang={lang}
                onChange={(from) => {
                  onChange({ ...value, from });
                }}
              />,
            )}
            {settingItem(
              t("kpi.to"),
              <MomentInput
                label={t("kpi.to")}
                value={value.to}
                form={form}
                lang={lang}
                onChange={(to) => {
                  onChange({ ...value, to });
                }}
              />,
            )}
            {statistic(value.statistic, (s) => {
              onChange({ ...value, statistic: s });
            })}
            {unit(value.unit, (u) => {
              onChange({ ...value, unit: u });
            })}
          </>
        )}
      </Space>
      {value.type === "ratio" && (
        <>
          <RatioPartEditor
            label={t("kpi.numerator")}
            value={value.numerator}
            definition={props.definition}
            kpiForm={form}
            lang={lang}
            onChange={(numerator) => {
              onChange({ ...value, numerator });
            }}
          />
          <RatioPartEditor
            label={t("kpi.denominator")}
            value={value.denominator}
            definition={props.definition}
            kpiForm={form}
            lang={lang}
            onChange={(denominator) => {
              onChange({ ...value, denominator });
            }}
          />
        </>
      )}
    </div>
  );
}

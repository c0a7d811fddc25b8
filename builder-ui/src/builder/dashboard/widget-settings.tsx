import type { AppDefinition, PeriodUnit, Widget } from "@stagecraft/schemas";
import { Form as AntForm, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import { groupChoices } from "../kpi/kpi-choices.js";
import { PERIODS } from "../kpi/goal-editor.js";
import { I18nTextInput } from "../shared/i18n-text-input.js";
import { LabelledSelect } from "../shared/labelled-select.js";
import { textOf, type Lang } from "../shared/i18n-text.js";
import { withOptional } from "../shared/optional.js";
import { settingItem } from "../shared/setting-item.js";
import { fieldChoices, formChoices, stageChoices } from "../shared/choices.js";

const WIDTHS = [3, 4, 6, 8, 12];

/** The settings of one widget: title, what it shows, period, grouping, limit and width. */
export function WidgetSettings(props: {
  widget: Widget;
  definition: AppDefinition;
  lang: Lang;
  onChange: (w: Widget) => void;
}) {
  const { t } = useTranslation("builder");
  const { widget, definition, lang, onChange } = props;
  const kpiOptions = (definition.kpis ?? []).map((k) => ({
    value: k.id,
    label: textOf(k.name, lang) || k.id,
  }));
  const kpiForm =
    "kpi" in widget
      ? definition.forms.find((f) => f.id === definition.kpis?.find((k) => k.id === widget.kpi)?.form)
      : undefined;
  const formOptions = formChoices(definition.forms, lang);
  const period = (value: PeriodUnit | undefined, set: (p: PeriodUnit) => void) => (
    <LabelledSelect
      label={t("dashboard.period")}
      value={value ?? "month"}
      options={PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) }))}
      onChange={set}
    />
  );
  const formSelect = (value: string, set: (formId: string) => void) => (
    <LabelledSelect label={t("dashboard.form")} value={value || null} options={formOptions} onChange={set} />
  );
  return (
    <AntForm layout="vertical" size="small" data-testid="widget-settings">
      {settingItem(
        t("dashboard.widgetTitle"),
        <I18nTextInput
          label={t("dashboard.widgetTitle")}
          optional
          value={widget.title}
          onChange={(title) => {
            onChange(withOptional(widget, "title", title));
          }}
        />,
      )}
      {"kpi" in widget && (
        <LabelledSelect
          label={t("dashboard.kpi")}
          value={widget.kpi || null}
          options={kpiOptions}
          onChange={(kpi) => {
            onChange({ ...widget, kpi });
          }}
        />
      )}
      {widget.type === "line" &&
        period(widget.period, (p) => {
          onChange({ ...widget, period: p });
        })}
      {widget.type === "bar" && (
        <>
          {period(widget.period, (p) => {
            onChange({ ...widget, period: p });
          })}
          <LabelledSelect
            label={t("dashboard.groupBy")}
            clearable
            placeholder={t("dashboard.byPeriod")}
            value={widget.groupBy ?? null}
            options={groupChoices(kpiForm, lang, t)}
            onChange={(g) => {
              onChange(withOptional(widget, "groupBy", g));
            }}
          />
        </>
      )}
      {widget.type === "leaderboard" && (
        <>
          <LabelledSelect
            label={t("dashboard.groupBy")}
            value={widget.groupBy}
            options={groupChoices(kpiForm, lang, t)}
            onChange={(groupBy) => {
              onChange({ ...widget, groupBy });
            }}
          />
          {settingItem(
            t("dashboard.limit"),
            <InputNumber
              aria-label={t("dashboard.limit")}
              min={1}
              max={100}
              value={widget.limit ?? 10}
              onChange={(v) => {
                onChange(withOptional(widget, "limit", typeof v === "number" ? v : undefined));
              }}
            />,
          )}
        </>
      )}
      {widget.type === "funnel" && (
        <>
          {formSelect(widget.form, (form) => {
            onChange({
              id: widget.id,
              type: "funnel",
              form,
              ...(widget.layout ? { layout: widget.layout } : {}),
            });
          })}
          {settingItem(
            t("dashboard.stages"),
            <Select
              aria-label={t("dashboard.stages")}
              mode="multiple"
              placeholder={t("dashboard.allStages")}
              value={widget.stages ?? []}
              options={stageChoices(
                definition.forms.find((f) => f.id === widget.form),
                lang,
              )}
              onChange={(stages: string[]) => {
                onChange(withOptional(widget, "stages", stages.length === 0 ? undefined : stages));
              }}
            />,
          )}
        </>
      )}
      {widget.type === "table" && (
        <>
          {formSelect(widget.form, (form) => {
            onChange({
              ...widget,
              form,
              columns: [definition.forms.find((f) => f.id === form)?.fields[0]?.id ?? "_id"],
            });
          })}
          {settingItem(
            t("dashboard.columns"),
            <Select
              aria-label={t("dashboard.columns")}
              mode="multiple"
              value={widget.columns}
              options={fieldChoices(
                (definition.forms.find((f) => f.id === widget.form)?.fields ?? []).filter(
                  (f) => f.type !== "section" && f.type !== "subform",
                ),
                lang,
              )}
              onChange={(columns: string[]) => {
                if (columns.length > 0) onChange({ ...widget, columns });
              }}
            />,
          )}
        </>
      )}
      <LabelledSelect
        label={t("dashboard.width")}
        value={widget.layout?.w ?? 6}
        options={WIDTHS.map((w) => ({ value: w, label: t("dashboard.widthN", { n: w }) }))}
        onChange={(w) => {
          onChange({
            ...widget,
            layout: { x: widget.layout?.x ?? 0, y: widget.layout?.y ?? 0, h: widget.layout?.h ?? 4, w },
          });
        }}
      />
    </AntForm>
  );
}

import type { AppDefinition, Kpi } from "@stagecraft/schemas";
import { Divider, Form as AntForm, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { freshId } from "../store/definition-ops.js";
import { useBuilder, useDefinitionStore } from "../store/store-context.js";
import { I18nTextInput } from "../shared/i18n-text-input.js";
import { LabelledSelect } from "../shared/labelled-select.js";
import { ListWithDetails } from "../shared/list-with-details.js";
import { RecordFilterEditor } from "../shared/record-filter-editor.js";
import { langOf, textOf } from "../shared/i18n-text.js";
import { replaceAt, withOptional } from "../shared/optional.js";
import { GoalEditor } from "./goal-editor.js";
import { groupChoices, periodChoices } from "./kpi-choices.js";
import { MeasureEditor } from "./measure-editor.js";
import { formChoices } from "../shared/choices.js";

type Format = NonNullable<Kpi["format"]>;
const FORMATS: readonly Format[] = ["number", "money", "percent", "days"];

/** Change one KPI of the app. */
export function updateKpi(
  definition: AppDefinition,
  kpiId: string,
  change: (kpi: Kpi) => Kpi,
): AppDefinition {
  const kpis = definition.kpis ?? [];
  const index = kpis.findIndex((k) => k.id === kpiId);
  const kpi = kpis[index];
  return kpi === undefined ? definition : { ...definition, kpis: replaceAt(kpis, index, change(kpi)) };
}

function KpiDetails(props: { kpiId: string }) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const store = useDefinitionStore();
  const definition = useBuilder((s) => s.definition);
  const kpi = definition.kpis?.find((k) => k.id === props.kpiId);
  if (kpi === undefined) return null;
  const form = definition.forms.find((f) => f.id === kpi.form);
  const change = (next: Kpi, what: string) => {
    store.getState().edit((d) => updateKpi(d, props.kpiId, () => next), `kpi:${props.kpiId}:${what}`);
  };
  return (
    <AntForm layout="vertical" size="small" data-testid="kpi-details">
      <Space wrap align="start">
        <AntForm.Item label={t("kpi.name")} style={{ marginBottom: 8, minWidth: 260 }}>
          <I18nTextInput
            label={t("kpi.name")}
            value={kpi.name}
            onChange={(name) => {
              if (name) change({ ...kpi, name }, "name");
            }}
          />
        </AntForm.Item>
        <LabelledSelect
          label={t("kpi.form")}
          width={160}
          value={kpi.form}
          options={formChoices(definition.forms, lang)}
          onChange={(formId) => {
            change({ id: kpi.id, name: kpi.name, form: formId, measure: { type: "count" } }, "form");
          }}
        />
        <LabelledSelect<Format>
          label={t("kpi.format")}
          width={110}
          value={kpi.format ?? "number"}
          options={FORMATS.map((f) => ({ value: f, label: t(`kpi.formats.${f}`) }))}
          onChange={(format) => {
            change(withOptional(kpi, "format", format === "number" ? undefined : format), "format");
          }}
        />
        <LabelledSelect<"higher" | "lower">
          label={t("kpi.better")}
          width={110}
          value={kpi.better ?? "higher"}
          options={[
            { value: "higher", label: t("kpi.higher") },
            { value: "lower", label: t("kpi.lower") },
          ]}
          onChange={(better) => {
            change(withOptional(kpi, "better", better === "higher" ? undefined : better), "better");
          }}
        />
      </Space>
      <Divider titlePlacement="start" plain>
        {t("kpi.measure")}
      </Divider>
      <MeasureEditor
        value={kpi.measure}
        definition={definition}
        form={form}
        lang={lang}
        onChange={(measure) => {
          change({ ...kpi, measure }, "measure");
        }}
      />
      <Divider titlePlacement="start" plain>
        {t("kpi.filterAndGroups")}
      </Divider>
      <RecordFilterEditor
        value={kpi.filter}
        form={form}
        thisForm={undefined}
        lang={lang}
        onChange={(filter) => {
          change(withOptional(kpi, "filter", filter.length === 0 ? undefined : filter), "filter");
        }}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <LabelledSelect
          label={t("kpi.periodField")}
          width={180}
          clearable
          placeholder={t("kpi.periodDefault")}
          value={kpi.periodField ?? null}
          options={periodChoices(form, lang, t)}
          onChange={(p) => {
            change(withOptional(kpi, "periodField", p), "periodField");
          }}
        />
        <AntForm.Item label={t("kpi.groupBy")} style={{ marginBottom: 8 }}>
          <Select
            aria-label={t("kpi.groupBy")}
            mode="multiple"
            maxCount={3}
            style={{ minWidth: 220 }}
            value={kpi.groupBy ?? []}
            options={groupChoices(form, lang, t)}
            onChange={(g: string[]) => {
              change(withOptional(kpi, "groupBy", g.length === 0 ? undefined : g), "groupBy");
            }}
          />
        </AntForm.Item>
      </Space>
      <Divider titlePlacement="start" plain>
        {t("goal.title")}
      </Divider>
      <GoalEditor
        value={kpi.goal}
        definition={definition}
        lang={lang}
        onChange={(goal) => {
          change(withOptional(kpi, "goal", goal), "goal");
        }}
      />
    </AntForm>
  );
}

/** The KPIs of the app: a list, and the selected KPI's measure, filter, grouping, period and goal. */
export function KpiEditor() {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const store = useDefinitionStore();
  const kpis = useBuilder((s) => s.definition.kpis);
  return (
    <ListWithDetails
      words="kpi"
      listWidth={260}
      items={kpis ?? []}
      title={(kpi) => textOf(kpi.name, lang) || kpi.id}
      description={(kpi) => t(`kpi.measures.${kpi.measure.type}`)}
      removeLabel={(kpi) => t("kpi.removeNamed", { name: textOf(kpi.name, lang) })}
      onAdd={() => {
        const d = store.getState().definition;
        const id = freshId("kpi", new Set((d.kpis ?? []).map((k) => k.id)));
        const kpi: Kpi = {
          id,
          name: { zh: "新指标", en: "New KPI" },
          form: d.forms[0]?.id ?? "",
          measure: { type: "count" },
        };
        store.getState().edit((def) => ({ ...def, kpis: [...(def.kpis ?? []), kpi] }));
        return id;
      }}
      onRemove={(kpi) => {
        store.getState().edit((d) => ({ ...d, kpis: (d.kpis ?? []).filter((k) => k.id !== kpi.id) }));
      }}
      details={(id) => <KpiDetails key={id} kpiId={id} />}
    />
  );
}

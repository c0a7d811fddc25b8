import type { Field, FormulaResultType } from "@stagecraft/schemas";
import { Collapse, Empty, Form as AntForm, Select, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ConditionEditor } from "../condition/condition-editor.js";
import { fieldChoicesOf, rowFieldChoicesOf } from "../condition/field-choices.js";
import { FormulaEditor } from "../condition/formula-editor.js";
import { fieldOf, formOf, updateField } from "../store/definition-ops.js";
import { useBuilder, useDefinitionStore } from "../store/store-context.js";
import { I18nTextInput } from "../shared/i18n-text-input.js";
import { LabelledSelect } from "../shared/labelled-select.js";
import { langOf, textOf } from "../shared/i18n-text.js";
import { withOptional } from "../shared/optional.js";
import { DefaultValueInput } from "./default-value-input.js";
import { FieldLimits, PrecisionProp } from "./field-limits.js";
import { FIELD_TYPE_NAMES } from "./field-types.js";
import { OptionsEditor } from "./options-editor.js";

const WIDTHS: readonly ("full" | "half" | "third")[] = ["full", "half", "third"];
const RESULT_TYPES: readonly FormulaResultType[] = ["number", "money", "percent", "text", "date", "boolean"];

/** The settings of the selected field; re-renders only when that field (or the form's field list for menus) changes. */
export function PropertyPanel(props: { formId: string }) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const store = useDefinitionStore();
  const selection = useBuilder((s) => (s.selection?.formId === props.formId ? s.selection : undefined));
  const field = useBuilder((s) =>
    selection === undefined
      ? undefined
      : fieldOf(formOf(s.definition, props.formId), selection.fieldId, selection.parentId),
  );
  // Menus of other fields need the form; it is read only when they render.
  const form = useBuilder((s) => formOf(s.definition, props.formId));
  const forms = useBuilder((s) => s.definition.forms);
  if (selection === undefined || field === undefined || form === undefined) {
    return <Empty description={t("field.selectHint")} />;
  }
  const { fieldId, parentId } = selection;
  const change = (next: Field, what: string) => {
    store
      .getState()
      .edit(
        (d) => updateField(d, props.formId, fieldId, parentId, () => next),
        `field:${props.formId}:${fieldId}:${what}`,
      );
  };
  const conditionFields =
    parentId === undefined
      ? fieldChoicesOf(form, lang, fieldId)
      : rowFieldChoicesOf(form, parentId, lang, fieldId);
  const holdsValue = field.type !== "section" && field.type !== "formula" && field.type !== "serial";
  return (
    <AntForm layout="vertical" size="small" aria-label={t("field.panel")} data-testid="property-panel">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {textOf(FIELD_TYPE_NAMES[field.type], lang)} ·{" "}
        <Typography.Text type="secondary" code>
          {field.id}
        </Typography.Text>
      </Typography.Title>
      <AntForm.Item label={t("field.label")} style={{ marginBottom: 8 }}>
        <I18nTextInput
          label={t("field.label")}
          value={field.label}
          onChange={(label) => {
            if (label) change({ ...field, label }, "label");
          }}
        />
      </AntForm.Item>
      {holdsValue && (
        <AntForm.Item label={t("field.required")} style={{ marginBottom: 8 }}>
          <Switch
            aria-label={t("field.required")}
            checked={field.required === true}
            onChange={(on) => {
              change(withOptional(field, "required", on ? true : undefined), "required");
            }}
          />
        </AntForm.Item>
      )}
      <Collapse
        size="small"
        defaultActiveKey={["more", "options", "formula", "visible"]}
        items={[
          {
            key: "more",
            label: t("field.basics"),
            children: (
              <>
                <AntForm.Item label={t("field.help")} style={{ marginBottom: 8 }}>
                  <I18nTextInput
                    label={t("field.help")}
                    optional
                    value={field.help}
                    onChange={(help) => {
                      change(withOptional(field, "help", help), "help");
                    }}
                  />
                </AntForm.Item>
                {holdsValue && (
                  <DefaultValueInput
                    field={field}
                    onChange={(value) => {
                      change(withOptional(field, "default", value), "default");
                    }}
                  />
                )}
                <FieldLimits
                  field={field}
                  forms={forms.map((f) => ({ id: f.id, label: textOf(f.name, lang) || f.id }))}
                  onChange={(next) => {
                    change(next, "limits");
                  }}
                />
                {parentId === undefined && (
                  <LabelledSelect
                    label={t("field.width")}
                    value={field.width ?? "full"}
                    options={WIDTHS.map((w) => ({ value: w, label: t(`field.widths.${w}`) }))}
                    onChange={(w) => {
                      change(withOptional(field, "width", w === "full" ? undefined : w), "width");
                    }}
                  />
                )}
              </>
            ),
          },
          ...(field.type === "select" || field.type === "multiselect"
            ? [
                {
                  key: "options",
                  label: t("field.options"),
                  children: (
                    <OptionsEditor
                      options={field.options}
                      onChange={(options) => {
                        change({ ...field, options }, "options");
                      }}
                    />
                  ),
                },
              ]
            : []),
          ...(field.type === "formula"
            ? [
                {
                  key: "formula",
                  label: t("field.formula"),
                  children: (
                    <>
                      <FormulaEditor
                        value={field.expression}
                        form={form}
                        fieldId={field.id}
                        lang={lang}
                        conditionFields={conditionFields}
                        onChange={(expression) => {
                          change({ ...field, expression }, "expression");
                        }}
                      />
                      <AntForm.Item label={t("field.resultType")} style={{ margin: "8px 0" }}>
                        <Select
                          aria-label={t("field.resultType")}
                          value={field.resultType}
                          options={RESULT_TYPES.map((r) => ({
                            value: r,
                            label: t(`field.resultTypes.${r}`),
                          }))}
                          onChange={(resultType: FormulaResultType) => {
                            change({ ...field, resultType }, "resultType");
                          }}
                        />
                      </AntForm.Item>
                      <PrecisionProp
                        field={field}
                        onChange={(next) => {
                          change(next, "precision");
                        }}
                      />
                    </>
                  ),
                },
              ]
            : []),
          {
            key: "visible",
            label: t("field.visibleWhen"),
            children: (
              <div data-testid="visibility-editor">
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  {t(parentId === undefined ? "field.visibleHint" : "field.rowVisibleHint")}
                </Typography.Paragraph>
                <ConditionEditor
                  value={field.visibleWhen}
                  fields={conditionFields}
                  onChange={(v) => {
                    change(withOptional(field, "visibleWhen", v), "visibleWhen");
                  }}
                />
              </div>
            ),
          },
        ]}
      />
    </AntForm>
  );
}

import type { Field } from "@stagecraft/schemas";
import { useTranslation } from "react-i18next";
import { LabelledSelect } from "../shared/labelled-select.js";
import { NumberProp, SwitchProp, TextProp } from "../shared/prop-inputs.js";
import { withOptional } from "../shared/optional.js";

/** The decimal places of a number-like field (number, money, percent, formula); empty removes them. */
export function PrecisionProp<F extends { precision?: number }>(props: {
  field: F;
  onChange: (field: F) => void;
}) {
  const { t } = useTranslation("builder");
  return (
    <NumberProp
      label={t("limits.precision")}
      integer
      min={0}
      max={10}
      value={props.field.precision}
      onChange={(v) => {
        props.onChange(withOptional(props.field, "precision", v));
      }}
    />
  );
}

/** The limits and settings of a field that depend on its type. */
export function FieldLimits(props: {
  field: Field;
  forms: readonly { id: string; label: string }[];
  onChange: (field: Field) => void;
}) {
  const { t } = useTranslation("builder");
  const { field, onChange } = props;
  switch (field.type) {
    case "text":
    case "textarea":
      return (
        <>
          <NumberProp
            label={t("limits.minLength")}
            integer
            min={0}
            value={field.minLength}
            onChange={(v) => {
              onChange(withOptional(field, "minLength", v));
            }}
          />
          <NumberProp
            label={t("limits.maxLength")}
            integer
            min={1}
            value={field.maxLength}
            onChange={(v) => {
              onChange(withOptional(field, "maxLength", v));
            }}
          />
          {field.type === "text" && (
            <TextProp
              label={t("limits.pattern")}
              placeholder="^1[3-9]\d{9}$"
              value={field.pattern}
              onChange={(v) => {
                onChange(withOptional(field, "pattern", v));
              }}
            />
          )}
        </>
      );
    case "number":
    case "money":
    case "percent":
      return (
        <>
          <NumberProp
            label={t("limits.min")}
            value={field.min}
            onChange={(v) => {
              onChange(withOptional(field, "min", v));
            }}
          />
          <NumberProp
            label={t("limits.max")}
            value={field.max}
            onChange={(v) => {
              onChange(withOptional(field, "max", v));
            }}
          />
          <PrecisionProp field={field} onChange={onChange} />
          {field.type === "number" && (
            <TextProp
              label={t("limits.unit")}
              value={field.unit}
              onChange={(v) => {
                onChange(withOptional(field, "unit", v));
              }}
            />
          )}
          {field.type === "money" && (
            <TextProp
              label={t("limits.currency")}
              placeholder="CNY"
              value={field.currency}
              onChange={(v) => {
                onChange(withOptional(field, "currency", v?.toUpperCase()));
              }}
            />
          )}
        </>
      );
    case "date":
      return (
        <>
          <TextProp
            label={t("limits.minDate")}
            placeholder="2026-01-01"
            value={field.min}
            onChange={(v) => {
              onChange(withOptional(field, "min", v));
            }}
          />
          <TextProp
            label={t("limits.maxDate")}
            placeholder="2026-12-31"
            value={field.max}
            onChange={(v) => {
              onChange(withOptional(field, "max", v));
            }}
          />
        </>
      );
    case "multiselect":
      return (
        <>
          <NumberProp
            label={t("limits.minSelected")}
            integer
            min={0}
            value={field.minSelected}
            onChange={(v) => {
              onChange(withOptional(field, "minSelected", v));
            }}
          />
          <NumberProp
            label={t("limits.maxSelected")}
            integer
            min={1}
            value={field.maxSelected}
            onChange={(v) => {
              onChange(withOptional(field, "maxSelected", v));
            }}
          />
        </>
      );
    case "user":
    case "department":
      return (
        <SwitchProp
          label={t("limits.multiple")}
          value={field.multiple}
          onChange={(v) => {
            onChange(withOptional(field, "multiple", v));
          }}
        />
      );
    case "reference":
      return (
        <>
          <LabelledSelect
            label={t("limits.referenceForm")}
            value={field.form}
            options={props.forms.map((f) => ({ value: f.id, label: f.label }))}
            onChange={(form) => {
              onChange({ ...field, form });
            }}
          />
          <SwitchProp
            label={t("limits.multiple")}
            value={field.multiple}
            onChange={(v) => {
              onChange(withOptional(field, "multiple", v));
            }}
          />
        </>
      );
    case "file":
    case "image":
      return (
        <>
          <NumberProp
            label={t("limits.maxFiles")}
            integer
            min={1}
            max={50}
            value={field.maxFiles}
            onChange={(v) => {
              onChange(withOptional(field, "maxFiles", v));
            }}
          />
          <NumberProp
            label={t("limits.maxSizeMb")}
            min={0}
            max={1024}
            value={field.maxSizeMb}
            onChange={(v) => {
              onChange(withOptional(field, "maxSizeMb", v));
            }}
          />
        </>
      );
    case "address":
      return (
        <SwitchProp
          label={t("limits.detailRequired")}
          value={field.detailRequired}
          onChange={(v) => {
            onChange(withOptional(field, "detailRequired", v));
          }}
        />
      );
    case "rating":
      return (
        <NumberProp
          label={t("limits.ratingMax")}
          integer
          min={3}
          max={10}
          value={field.max}
          onChange={(v) => {
            onChange(withOptional(field, "max", v));
          }}
        />
      );
    case "serial":
      return (
        <>
          <TextProp
            label={t("limits.prefix")}
            placeholder="HT-"
            value={field.prefix}
            onChange={(v) => {
              onChange(withOptional(field, "prefix", v));
            }}
          />
          <NumberProp
            label={t("limits.digits")}
            integer
            min={1}
            max={12}
            value={field.digits}
            onChange={(v) => {
              onChange(withOptional(field, "digits", v));
            }}
          />
        </>
      );
    case "subform":
      return (
        <>
          <NumberProp
            label={t("limits.minRows")}
            integer
            min={0}
            value={field.minRows}
            onChange={(v) => {
              onChange(withOptional(field, "minRows", v));
            }}
          />
          <NumberProp
            label={t("limits.maxRows")}
            integer
            min={1}
            max={1000}
            value={field.maxRows}
            onChange={(v) => {
              onChange(withOptional(field, "maxRows", v));
            }}
          />
        </>
      );
    case "section":
      return (
        <SwitchProp
          label={t("limits.collapsed")}
          value={field.collapsed}
          onChange={(v) => {
            onChange(withOptional(field, "collapsed", v));
          }}
        />
      );
    default:
      return null;
  }
}

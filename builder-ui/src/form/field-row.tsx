import { Col } from "antd";
import type { Field } from "@stagecraft/schemas";
import { memo } from "react";
import { useStore } from "zustand";
import { useLocalized } from "../i18n/localized.js";
import { ErrorText } from "./error-text.js";
import { FieldInput } from "./field-input.js";
import type { FormStore } from "./form-store.js";

const SPANS = { full: 24, half: 12, third: 8 } as const;

/** The DOM id of a field's input. */
export function inputIdOf(fieldId: string): string {
  return `field-${fieldId}`;
}

/**
 * One field with its label, help and errors. It reads only its own slice of the store, so a
 * keystroke elsewhere does not re-render it unless its value, visibility or errors change.
 */
export const FieldRow = memo(function FieldRow({ field, store }: { field: Field; store: FormStore }) {
  const localized = useLocalized();
  const derived = field.type === "formula" || field.type === "subform";
  const visible = useStore(store, (s) => s.visible.has(field.id));
  const readOnly = useStore(store, (s) => s.readOnly.has(field.id));
  const value = useStore(store, (s) => s.values[field.id]);
  const computed = useStore(store, (s) => (derived ? s.computed[field.id] : undefined));
  const errors = useStore(store, (s) => s.errors.get(field.id));
  const rowVisible = useStore(store, (s) =>
    field.type === "subform" ? s.rowVisible.get(field.id) : undefined,
  );
  const setValue = useStore(store, (s) => s.setValue);
  if (!visible || field.type === "section") return null;
  const id = inputIdOf(field.id);
  const span = field.type === "subform" ? 24 : SPANS[field.width ?? "full"];
  const invalid = errors !== undefined && errors.length > 0;
  return (
    <Col xs={24} md={span} className={invalid ? "field field-invalid" : "field"} data-field={field.id}>
      <div style={{ marginBottom: 16 }}>
        <label htmlFor={id} className={field.required === true ? "field-label required" : "field-label"}>
          {localized(field.label)}
        </label>
        <FieldInput
          field={field}
          id={id}
          value={value}
          computed={computed}
          errors={errors}
          rowVisible={rowVisible}
          disabled={readOnly}
          onChange={(next) => {
            setValue(field.id, next);
          }}
        />
        {field.help !== undefined && (
          <div style={{ color: "#8c8c8c", fontSize: 12, marginTop: 4 }}>{localized(field.help)}</div>
        )}
        {field.type !== "subform" && <ErrorText errors={errors} />}
      </div>
    </Col>
  );
});

import type { FieldType } from "@stagecraft/schemas";
import { Card, Segmented } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DragArea, type Drop } from "../dnd/dnd-adapter.js";
import { formOf, insertField } from "../store/definition-ops.js";
import { useDefinitionStore } from "../store/store-context.js";
import { applyFieldDrop } from "./field-drop.js";
import { FieldPalette } from "./field-palette.js";
import { FormCanvas } from "./form-canvas.js";
import { FormPreview } from "./form-preview.js";
import { newField } from "./new-field.js";
import { PropertyPanel } from "./property-panel.js";

/** The form builder of one form: palette, canvas (drag and drop), the selected field's settings and a live preview. */
export function FormBuilder(props: { formId: string }) {
  const { t } = useTranslation("builder");
  const store = useDefinitionStore();
  const [mode, setMode] = useState<"design" | "preview">("design");
  const { formId } = props;

  const onDrop = (drop: Drop) => {
    const state = store.getState();
    const result = applyFieldDrop(state.definition, formId, drop);
    if (result.definition === state.definition) return;
    state.edit(() => result.definition);
    if (result.selected !== undefined) state.select({ formId, ...result.selected });
  };

  // Click (or Enter) on a palette type: add it after the selected top-level field, or at the end.
  const onAdd = (type: FieldType) => {
    const state = store.getState();
    const form = formOf(state.definition, formId);
    if (form === undefined) return;
    const field = newField(
      type,
      form,
      state.definition.forms.filter((f) => f.id !== formId).map((f) => f.id),
    );
    const selected = state.selection;
    let index = form.fields.length;
    let parentId: string | undefined;
    if (selected?.formId === formId) {
      if (selected.parentId !== undefined) {
        parentId = selected.parentId;
        const parent = form.fields.find((f) => f.id === parentId);
        index =
          parent?.type === "subform" ? parent.fields.findIndex((f) => f.id === selected.fieldId) + 1 : 0;
      } else {
        const at = form.fields.findIndex((f) => f.id === selected.fieldId);
        if (at >= 0) index = at + 1;
      }
    }
    let next = insertField(state.definition, formId, field, index, parentId);
    // A type that cannot live in a subform row goes to the top level instead.
    if (next === state.definition && parentId !== undefined) {
      parentId = undefined;
      next = insertField(state.definition, formId, field, form.fields.length);
    }
    state.edit(() => next);
    state.select(
      parentId === undefined ? { formId, fieldId: field.id } : { formId, fieldId: field.id, parentId },
    );
  };

  return (
    <DragArea onDrop={onDrop}>
      <div
        style={{
          display: "grid",
          gridTemplateColumns: "244px minmax(0, 1fr) 340px",
          gap: 16,
          alignItems: "start",
        }}
      >
        <Card
          size="small"
          title={t("form.palette")}
          styles={{ body: { maxHeight: "72vh", overflow: "auto" } }}
        >
          <FieldPalette onAdd={onAdd} />
        </Card>
        <Card
          size="small"
          title={t("form.canvas")}
          extra={
            <Segmented
              size="small"
              value={mode}
              options={[
                { value: "design", label: t("form.design") },
                { value: "preview", label: t("form.preview") },
              ]}
              onChange={(value) => {
                setMode(value === "preview" ? "preview" : "design");
              }}
            />
          }
          styles={{ body: { background: "#f7f8fa", minHeight: 360 } }}
        >
          {mode === "design" ? <FormCanvas formId={formId} /> : <FormPreview formId={formId} />}
        </Card>
        <Card
          size="small"
          title={t("field.panel")}
          styles={{ body: { maxHeight: "72vh", overflow: "auto" } }}
        >
          <PropertyPanel formId={formId} />
        </Card>
      </div>
    </DragArea>
  );
}

import { Empty, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useDropTarget } from "../dnd/dnd-adapter.js";
import { formOf } from "../store/definition-ops.js";
import { useBuilder } from "../store/store-context.js";
import { FieldCard } from "./field-card.js";

/** "id:type|id:type…" of a field list: a string, so the canvas re-renders only when ids, order or types change. */
function shapeKey(fields: readonly { id: string; type: string }[] | undefined): string {
  return fields === undefined ? "" : fields.map((f) => `${f.id}:${f.type}`).join("|");
}

function parseShape(key: string): { id: string; type: string }[] {
  if (key === "") return [];
  return key.split("|").map((part) => {
    const [id = "", type = ""] = part.split(":");
    return { id, type };
  });
}

function EndZone(props: { index: number; parentId?: string; label: string }) {
  const at = props.parentId === undefined ? {} : { parentId: props.parentId };
  const drop = useDropTarget(`end:${props.parentId ?? ""}`, {
    kind: "field-slot",
    index: props.index,
    ...at,
  });
  return (
    <div
      ref={drop.ref}
      data-testid={`end-zone-${props.parentId ?? "form"}`}
      style={{
        border: `1px dashed ${drop.isOver ? "#1677ff" : "#d1d5db"}`,
        background: drop.isOver ? "#e6f4ff" : "transparent",
        borderRadius: 8,
        padding: props.parentId === undefined ? 16 : 8,
        textAlign: "center",
        color: "#9ca3af",
        fontSize: 12,
      }}
    >
      {props.label}
    </div>
  );
}

function SubformRows(props: { formId: string; subformId: string }) {
  const { t } = useTranslation("builder");
  const key = useBuilder((s) => {
    const parent = formOf(s.definition, props.formId)?.fields.find((f) => f.id === props.subformId);
    return parent?.type === "subform" ? shapeKey(parent.fields) : "";
  });
  const rows = parseShape(key);
  return (
    <div
      style={{ marginTop: 8, padding: 8, background: "#fafafa", borderRadius: 6 }}
      onClick={(e) => {
        e.stopPropagation();
      }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("form.rowFields")}
      </Typography.Text>
      {rows.map((row, index) => (
        <FieldCard
          key={row.id}
          formId={props.formId}
          fieldId={row.id}
          parentId={props.subformId}
          index={index}
          count={rows.length}
        />
      ))}
      <EndZone index={rows.length} parentId={props.subformId} label={t("form.dropIntoSubform")} />
    </div>
  );
}

/** The form's fields in order: drop palette types or fields on a card, into a subform, or at the end. */
export function FormCanvas(props: { formId: string }) {
  const { t } = useTranslation("builder");
  const key = useBuilder((s) => shapeKey(formOf(s.definition, props.formId)?.fields));
  const fields = parseShape(key);
  if (fields.length === 0) return <Empty description={t("form.empty")} />;
  return (
    <div aria-label={t("form.canvas")} role="list">
      {fields.map((field, index) => (
        <div role="listitem" key={field.id}>
          <FieldCard formId={props.formId} fieldId={field.id} index={index} count={fields.length}>
            {field.type === "subform" && <SubformRows formId={props.formId} subformId={field.id} />}
          </FieldCard>
        </div>
      ))}
      <EndZone index={fields.length} label={t("form.dropHere")} />
    </div>
  );
}

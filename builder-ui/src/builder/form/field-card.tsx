import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from "@ant-design/icons";
import { Button, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDragSource, useDropTarget } from "../dnd/dnd-adapter.js";
import { fieldOf, formOf, removeField, reorderField } from "../store/definition-ops.js";
import { useBuilder, useDefinitionStore } from "../store/store-context.js";
import { langOf, textOf } from "../shared/i18n-text.js";
import { FIELD_TYPE_NAMES } from "./field-types.js";

/**
 * One field on the canvas: draggable (5 px), a drop target (the dragged field takes its place),
 * selectable by click or keyboard, with move and delete buttons as keyboard alternatives.
 */
export function FieldCard(props: {
  formId: string;
  fieldId: string;
  parentId?: string;
  index: number;
  count: number;
  children?: ReactNode;
}) {
  const { formId, fieldId, parentId, index, count } = props;
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const store = useDefinitionStore();
  // Only this field's object: editing another field leaves this card alone.
  const field = useBuilder((s) => fieldOf(formOf(s.definition, formId), fieldId, parentId));
  const selected = useBuilder(
    (s) =>
      s.selection?.formId === formId && s.selection.fieldId === fieldId && s.selection.parentId === parentId,
  );
  const at = parentId === undefined ? {} : { parentId };
  const drag = useDragSource(`field:${parentId ?? ""}:${fieldId}`, { kind: "field", fieldId, ...at });
  // Dropping on a section puts the field right under its heading, i.e. into the section.
  const isSection = field?.type === "section";
  const drop = useDropTarget(
    `card:${parentId ?? ""}:${fieldId}`,
    isSection
      ? { kind: "field-slot", index: index + 1, ...at }
      : { kind: "field-slot", index, onCard: true, ...at },
  );
  if (field === undefined) return null;
  const name = textOf(field.label, lang) || field.id;
  const select = () => {
    store.getState().select({ formId, fieldId, ...at });
  };
  const move = (to: number) => {
    store.getState().edit((d) => reorderField(d, formId, fieldId, to, parentId));
  };
  return (
    <div ref={drop.ref} data-testid={`field-card-${fieldId}`}>
      <div
        ref={drag.ref}
        {...drag.handleProps}
        role="button"
        tabIndex={0}
        aria-pressed={selected}
        aria-label={t("form.fieldCard", { name })}
        onClick={(e) => {
          e.stopPropagation();
          select();
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") select();
        }}
        style={{
          ...drag.style,
          opacity: drag.isDragging ? 0.5 : 1,
          background: isSection ? "#f0f5ff" : "#fff",
          border: `1px solid ${selected ? "#1677ff" : drop.isOver ? "#69b1ff" : "#e5e7eb"}`,
          boxShadow: selected
            ? "0 0 0 2px rgba(22,119,255,0.15)"
            : drop.isOver
              ? "0 -3px 0 #1677ff"
              : undefined,
          borderRadius: 8,
          padding: "10px 12px",
          marginBottom: 8,
          cursor: "pointer",
        }}
      >
        <div style={{ display: "flex", alignItems: "center", gap: 8 }}>
          <span style={{ cursor: "grab", color: "#9ca3af" }} aria-hidden>
            <HolderOutlined />
          </span>
          <Typography.Text strong={isSection} style={{ flex: 1 }}>
            {field.required === true && <span style={{ color: "#ff4d4f" }}>* </span>}
            {name}
          </Typography.Text>
          <Tag>{textOf(FIELD_TYPE_NAMES[field.type], lang)}</Tag>
          {field.visibleWhen !== undefined && <Tag color="purple">{t("form.conditional")}</Tag>}
          <Space
            size={0}
            onClick={(e) => {
              e.stopPropagation();
            }}
          >
            <Button
              title={t("form.moveUp")}
              size="small"
              type="text"
              aria-label={t("form.moveUpNamed", { name })}
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              onClick={() => {
                move(index - 1);
              }}
            />
            <Button
              title={t("form.moveDown")}
              size="small"
              type="text"
              aria-label={t("form.moveDownNamed", { name })}
              icon={<ArrowDownOutlined />}
              disabled={index >= count - 1}
              onClick={() => {
                move(index + 1);
              }}
            />
            <Button
              title={t("form.remove")}
              size="small"
              type="text"
              danger
              aria-label={t("form.removeNamed", { name })}
              icon={<DeleteOutlined />}
              disabled={count <= 1}
              onClick={() => {
                store.getState().edit((d) => removeField(d, formId, fieldId, parentId));
                if (selected) store.getState().select(undefined);
              }}
            />
          </Space>
        </div>
        {props.children}
      </div>
    </div>
  );
}

import type { FieldType } from "@stagecraft/schemas";
import { Button, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useDragSource } from "../dnd/dnd-adapter.js";
import { langOf, textOf } from "../shared/i18n-text.js";
import { FIELD_TYPE_NAMES, PALETTE_GROUPS } from "./field-types.js";

function PaletteItem(props: { type: FieldType; onAdd: (type: FieldType) => void }) {
  const { t, i18n } = useTranslation("builder");
  const drag = useDragSource(`palette:${props.type}`, { kind: "palette", fieldType: props.type });
  const name = textOf(FIELD_TYPE_NAMES[props.type], langOf(i18n.language));
  return (
    <div ref={drag.ref} style={{ ...drag.style, opacity: drag.isDragging ? 0.6 : 1 }} {...drag.handleProps}>
      <Button
        block
        size="small"
        style={{ justifyContent: "flex-start", cursor: "grab" }}
        aria-label={t("form.addType", { type: name })}
        data-field-type={props.type}
        onClick={() => {
          props.onAdd(props.type);
        }}
      >
        {name}
      </Button>
    </div>
  );
}

/** Every field type, grouped: drag one onto the canvas, or click it to add it after the selected field. */
export function FieldPalette(props: { onAdd: (type: FieldType) => void }) {
  const { t } = useTranslation("builder");
  return (
    <nav aria-label={t("form.palette")} style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      {PALETTE_GROUPS.map((group) => (
        <section key={group.key}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`form.groups.${group.key}`)}
          </Typography.Text>
          <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 6, marginTop: 4 }}>
            {group.types.map((type) => (
              <PaletteItem key={type} type={type} onAdd={props.onAdd} />
            ))}
          </div>
        </section>
      ))}
    </nav>
  );
}

import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, HolderOutlined } from "@ant-design/icons";
import { Button, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useDragSource, useDropTarget } from "../dnd/dnd-adapter.js";
import { formOf } from "../store/definition-ops.js";
import { useBuilder } from "../store/store-context.js";
import { langOf, textOf } from "../shared/i18n-text.js";

/** One stage as a board column: drag it (or use the arrows) to reorder, click to edit its settings. */
export function StageColumn(props: {
  formId: string;
  stageId: string;
  index: number;
  count: number;
  selected: boolean;
  onSelect: () => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const stage = useBuilder((s) =>
    formOf(s.definition, props.formId)?.pipeline?.stages.find((st) => st.id === props.stageId),
  );
  const initial = useBuilder((s) => formOf(s.definition, props.formId)?.pipeline?.initial === props.stageId);
  const drag = useDragSource(`stage:${props.stageId}`, { kind: "stage", stageId: props.stageId });
  const drop = useDropTarget(`stage-slot:${props.stageId}`, { kind: "stage-slot", index: props.index });
  if (stage === undefined) return null;
  const name = textOf(stage.name, lang) || stage.id;
  return (
    <div ref={drop.ref} style={{ width: 220, flex: "0 0 220px" }} data-testid={`stage-${stage.id}`}>
      <div
        ref={drag.ref}
        {...drag.handleProps}
        role="button"
        tabIndex={0}
        aria-pressed={props.selected}
        aria-label={t("stage.column", { name })}
        onClick={props.onSelect}
        onKeyDown={(e) => {
          if (e.key === "Enter") props.onSelect();
        }}
        style={{
          ...drag.style,
          opacity: drag.isDragging ? 0.5 : 1,
          background: "#fff",
          borderRadius: 10,
          borderTop: `4px solid ${stage.color ?? (stage.terminal === "won" ? "#52c41a" : stage.terminal === "lost" ? "#ff4d4f" : "#1677ff")}`,
          border: `1px solid ${props.selected ? "#1677ff" : drop.isOver ? "#69b1ff" : "#e5e7eb"}`,
          padding: 12,
          minHeight: 200,
          cursor: "pointer",
        }}
      >
        <div style={{ display: "flex", alignItems: "center", gap: 6 }}>
          <span aria-hidden style={{ color: "#9ca3af", cursor: "grab" }}>
            <HolderOutlined />
          </span>
          <Typography.Text strong style={{ flex: 1 }}>
            {name}
          </Typography.Text>
        </div>
        {/* Tags and buttons each on a row of their own (inline, they would share one when short). */}
        <Space wrap size={4} style={{ display: "flex", marginTop: 8 }}>
          {initial && <Tag color="blue">{t("stage.initial")}</Tag>}
          {stage.terminal !== undefined && (
            <Tag color={stage.terminal === "won" ? "green" : "red"}>
              {t(`stage.terminals.${stage.terminal}`)}
            </Tag>
          )}
          {stage.probability !== undefined && <Tag>{stage.probability}%</Tag>}
          {(stage.requires?.length ?? 0) > 0 && (
            <Tag>{t("stage.requiresCount", { count: stage.requires?.length ?? 0 })}</Tag>
          )}
          {stage.guard !== undefined && <Tag color="purple">{t("stage.hasGuard")}</Tag>}
          {stage.approval !== undefined && <Tag color="gold">{t("stage.approval")}</Tag>}
          {stage.sla !== undefined && <Tag color="orange">{t("stage.sla")}</Tag>}
        </Space>
        <Space
          size={0}
          // Only as wide as the buttons: a click beside them still selects the stage.
          style={{ display: "flex", width: "fit-content", marginTop: 12 }}
          onClick={(e) => {
            e.stopPropagation();
          }}
        >
          <Button
            size="small"
            type="text"
            aria-label={t("stage.moveLeft", { name })}
            icon={<ArrowLeftOutlined />}
            disabled={props.index === 0}
            onClick={() => {
              props.onMove(props.index - 1);
            }}
          />
          <Button
            size="small"
            type="text"
            aria-label={t("stage.moveRight", { name })}
            icon={<ArrowRightOutlined />}
            disabled={props.index >= props.count - 1}
            onClick={() => {
              props.onMove(props.index + 1);
            }}
          />
          <Button
            size="small"
            type="text"
            danger
            aria-label={t("stage.remove", { name })}
            icon={<DeleteOutlined />}
            disabled={props.count <= 1}
            onClick={props.onRemove}
          />
        </Space>
      </div>
    </div>
  );
}

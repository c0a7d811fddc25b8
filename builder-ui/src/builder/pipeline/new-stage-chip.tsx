import { PlusOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { useDragSource } from "../dnd/dnd-adapter.js";

/**
 * The "new stage" chip: drag it onto a column to add a stage in that place, or click it (or press
 * Enter) to add one before the closing stages. It stays above the columns, so it is in reach
 * however far the board is scrolled.
 */
export function NewStageChip(props: { onAdd: () => void }) {
  const { t } = useTranslation("builder");
  const drag = useDragSource("new-stage", { kind: "new-stage" });
  return (
    <div
      ref={drag.ref}
      {...drag.handleProps}
      style={{ ...drag.style, display: "inline-block", opacity: drag.isDragging ? 0.7 : 1 }}
    >
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        style={{ cursor: "grab" }}
        title={t("pipeline.dragHint")}
        data-testid="new-stage-chip"
        onClick={props.onAdd}
      >
        {t("pipeline.newStage")}
      </Button>
    </div>
  );
}

import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Form as AntForm, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DragArea, type Drop } from "../dnd/dnd-adapter.js";
import { formOf } from "../store/definition-ops.js";
import { useBuilder, useDefinitionStore } from "../store/store-context.js";
import { langOf, textOf } from "../shared/i18n-text.js";
import {
  addPipeline,
  addStage,
  applyStageDrop,
  moveStage,
  removeStage,
  updatePipeline,
} from "./pipeline-ops.js";
import { NewStageChip } from "./new-stage-chip.js";
import { StageColumn } from "./stage-column.js";
import { StageSettings } from "./stage-settings.js";

/** The pipeline of one form: stages as columns (drag to reorder), add and remove, and the selected stage's settings. */
export function PipelineEditor(props: { formId: string }) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const store = useDefinitionStore();
  const { formId } = props;
  // The ids joined: the board re-renders when stages are added, removed or reordered, not on each setting.
  const key = useBuilder((s) =>
    formOf(s.definition, formId)
      ?.pipeline?.stages.map((st) => st.id)
      .join("|"),
  );
  const initial = useBuilder((s) => formOf(s.definition, formId)?.pipeline?.initial);
  const stages = useBuilder((s) => formOf(s.definition, formId)?.pipeline?.stages);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  if (key === undefined) {
    return (
      <Empty description={t("pipeline.none")}>
        <Button
          type="primary"
          onClick={() => {
            store.getState().edit((d) => addPipeline(d, formId));
          }}
        >
          {t("pipeline.create")}
        </Button>
      </Empty>
    );
  }
  const ids = key.split("|");
  const addAtEnd = () => {
    const result = addStage(store.getState().definition, formId);
    store.getState().edit(() => result.definition);
    setSelected(result.stageId);
  };
  const onDrop = (drop: Drop) => {
    const result = applyStageDrop(store.getState().definition, formId, drop);
    store.getState().edit(() => result.definition);
    // A stage added by a drop is opened at once: it needs a name.
    if (result.added !== undefined) setSelected(result.added);
  };
  return (
    <div
      style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr) 380px", gap: 16, alignItems: "start" }}
    >
      <DragArea onDrop={onDrop}>
        <Card
          size="small"
          title={t("pipeline.title")}
          extra={
            <Space size={12}>
              <NewStageChip onAdd={addAtEnd} />
              <AntForm.Item label={t("pipeline.initial")} style={{ margin: 0 }}>
                <Select
                  aria-label={t("pipeline.initial")}
                  size="small"
                  style={{ width: 140 }}
                  value={initial ?? null}
                  options={(stages ?? []).map((s) => ({ value: s.id, label: textOf(s.name, lang) || s.id }))}
                  onChange={(value: string) => {
                    store
                      .getState()
                      .edit((d) => updatePipeline(d, formId, (p) => ({ ...p, initial: value })));
                  }}
                />
              </AntForm.Item>
            </Space>
          }
          styles={{ body: { background: "#f7f8fa", overflowX: "auto" } }}
        >
          <div
            style={{ display: "flex", gap: 12, alignItems: "stretch" }}
            role="list"
            aria-label={t("pipeline.title")}
          >
            {ids.map((id, index) => (
              <div role="listitem" key={id}>
                <StageColumn
                  formId={formId}
                  stageId={id}
                  index={index}
                  count={ids.length}
                  selected={selected === id}
                  onSelect={() => {
                    setSelected(id);
                  }}
                  onMove={(to) => {
                    store.getState().edit((d) => moveStage(d, formId, id, to));
                  }}
                  onRemove={() => {
                    store.getState().edit((d) => removeStage(d, formId, id));
                    if (selected === id) setSelected(undefined);
                  }}
                />
              </div>
            ))}
            <Button
              style={{ height: 200, width: 140, flex: "0 0 140px" }}
              type="dashed"
              icon={<PlusOutlined />}
              onClick={addAtEnd}
            >
              {t("pipeline.addStage")}
            </Button>
          </div>
        </Card>
      </DragArea>
      <Card
        size="small"
        title={t("stage.settings")}
        styles={{ body: { maxHeight: "72vh", overflow: "auto" } }}
      >
        {selected !== undefined && ids.includes(selected) ? (
          <StageSettings formId={formId} stageId={selected} />
        ) : (
          <Empty description={t("stage.selectHint")} />
        )}
      </Card>
    </div>
  );
}

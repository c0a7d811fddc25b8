import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Sla } from "@stagecraft/schemas";
import { Button, Form as AntForm, Input, Select, Space, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { DurationInput } from "../shared/duration-input.js";
import { removeAt, replaceAt, withOptional } from "../shared/optional.js";

type Escalation = Sla["escalation"][number];
const ACTIONS: readonly Escalation["action"][] = ["remind_owner", "notify_manager", "reassign"];

/** A stage's time limit and what happens as it passes (remind, tell the manager, reassign). */
export function SlaEditor(props: { value: Sla | undefined; onChange: (value: Sla | undefined) => void }) {
  const { t } = useTranslation("builder");
  const { value, onChange } = props;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="sla-editor">
      <Space>
        <Switch
          aria-label={t("sla.enabled")}
          checked={value !== undefined}
          onChange={(on) => {
            onChange(on ? { limit: { amount: 3, unit: "working_days" }, escalation: [] } : undefined);
          }}
        />
        <span>{t("sla.enabled")}</span>
      </Space>
      {value !== undefined && (
        <>
          <AntForm.Item label={t("sla.limit")} style={{ marginBottom: 8 }}>
            <DurationInput
              label={t("sla.limit")}
              value={value.limit}
              onChange={(limit) => {
                onChange({ ...value, limit });
              }}
            />
          </AntForm.Item>
          {value.escalation.map((step, i) => (
            <Space key={i} wrap>
              <span>{t("sla.overdueBy")}</span>
              <DurationInput
                label={t("sla.after", { n: i + 1 })}
                value={step.after}
                onChange={(after) => {
                  onChange({ ...value, escalation: replaceAt(value.escalation, i, { ...step, after }) });
                }}
              />
              <Select<Escalation["action"]>
                aria-label={t("sla.action", { n: i + 1 })}
                style={{ width: 150 }}
                value={step.action}
                options={ACTIONS.map((a) => ({ value: a, label: t(`sla.actions.${a}`) }))}
                onChange={(action) => {
                  onChange({ ...value, escalation: replaceAt(value.escalation, i, { ...step, action }) });
                }}
              />
              {step.action === "reassign" && (
                <Input
                  aria-label={t("sla.to", { n: i + 1 })}
                  placeholder={t("sla.toHint")}
                  style={{ width: 140 }}
                  value={step.to ?? ""}
                  onChange={(e) => {
                    onChange({
                      ...value,
                      escalation: replaceAt(
                        value.escalation,
                        i,
                        withOptional(step, "to", e.target.value === "" ? undefined : e.target.value),
                      ),
                    });
                  }}
                />
              )}
              <Button
                type="text"
                aria-label={t("sla.removeStep", { n: i + 1 })}
                icon={<DeleteOutlined />}
                onClick={() => {
                  onChange({ ...value, escalation: removeAt(value.escalation, i) });
                }}
              />
            </Space>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              onChange({
                ...value,
                escalation: [
                  ...value.escalation,
                  { after: { amount: 1, unit: "days" }, action: "remind_owner" },
                ],
              });
            }}
          >
            {t("sla.addStep")}
          </Button>
        </>
      )}
    </Space>
  );
}

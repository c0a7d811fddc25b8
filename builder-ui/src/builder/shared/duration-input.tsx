import type { Duration } from "@stagecraft/schemas";
import { InputNumber, Select, Space } from "antd";
import { useTranslation } from "react-i18next";

const UNITS: readonly Duration["unit"][] = ["minutes", "hours", "days", "working_days"];

/** A span of time: an amount and a unit (working days skip weekends and holidays). */
export function DurationInput(props: {
  label: string;
  value: Duration;
  onChange: (value: Duration) => void;
}) {
  const { t } = useTranslation("builder");
  return (
    <Space.Compact>
      <InputNumber
        aria-label={props.label}
        min={0.01}
        value={props.value.amount}
        onChange={(amount) => {
          props.onChange({ ...props.value, amount: typeof amount === "number" ? amount : 1 });
        }}
      />
      <Select<Duration["unit"]>
        aria-label={`${props.label} ${t("duration.unit")}`}
        style={{ width: 100 }}
        value={props.value.unit}
        options={UNITS.map((u) => ({ value: u, label: t(`duration.${u}`) }))}
        onChange={(unit) => {
          props.onChange({ ...props.value, unit });
        }}
      />
    </Space.Compact>
  );
}

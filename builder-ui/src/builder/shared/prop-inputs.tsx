import { Input, InputNumber, Switch } from "antd";
import { settingItem } from "./setting-item.js";

/** An optional number setting; clearing the box removes it. */
export function NumberProp(props: {
  label: string;
  value: number | undefined;
  min?: number;
  max?: number;
  integer?: boolean;
  onChange: (value: number | undefined) => void;
}) {
  return settingItem(
    props.label,
    <InputNumber
      aria-label={props.label}
      style={{ width: "100%" }}
      value={props.value ?? null}
      {...(props.min === undefined ? {} : { min: props.min })}
      {...(props.max === undefined ? {} : { max: props.max })}
      {...(props.integer === true ? { precision: 0 } : {})}
      onChange={(next) => {
        props.onChange(typeof next === "number" ? next : undefined);
      }}
    />,
  );
}

/** An optional text setting; clearing the box removes it. */
export function TextProp(props: {
  label: string;
  value: string | undefined;
  placeholder?: string;
  onChange: (value: string | undefined) => void;
}) {
  return settingItem(
    props.label,
    <Input
      aria-label={props.label}
      value={props.value ?? ""}
      placeholder={props.placeholder}
      onChange={(e) => {
        props.onChange(e.target.value === "" ? undefined : e.target.value);
      }}
    />,
  );
}

/** An optional yes/no setting; off removes it. */
export function SwitchProp(props: {
  label: string;
  value: boolean | undefined;
  onChange: (value: boolean | undefined) => void;
}) {
  return settingItem(
    props.label,
    <Switch
      aria-label={props.label}
      checked={props.value === true}
      onChange={(checked) => {
        props.onChange(checked ? true : undefined);
      }}
    />,
  );
}

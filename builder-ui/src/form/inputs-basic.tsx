import { DatePicker, Input, InputNumber, Rate, Switch } from "antd";
import dayjs from "dayjs";
import type { Field } from "@stagecraft/schemas";
import { emptyToNull, numberOf, textOf, type InputProps } from "./input-props.js";

type Of<T extends Field["type"]> = Extract<Field, { type: T }>;

function precisionOf(precision: number | undefined): { precision?: number } {
  return precision === undefined ? {} : { precision };
}

/** One line of text (also phone, email and url, with the matching keyboard on phones). */
export function TextInput({
  field,
  value,
  onChange,
  disabled,
  id,
}: InputProps<Of<"text" | "phone" | "email" | "url">>) {
  const inputMode =
    field.type === "phone" ? "tel" : field.type === "email" ? "email" : field.type === "url" ? "url" : "text";
  return (
    <Input
      id={id}
      value={textOf(value)}
      disabled={disabled}
      inputMode={inputMode}
      maxLength={field.type === "text" ? field.maxLength : undefined}
      onChange={(event) => {
        onChange(emptyToNull(event.target.value));
      }}
    />
  );
}

/** Several lines of text. */
export function TextareaInput({ field, value, onChange, disabled, id }: InputProps<Of<"textarea">>) {
  return (
    <Input.TextArea
      id={id}
      value={textOf(value)}
      disabled={disabled}
      autoSize={{ minRows: 2, maxRows: 8 }}
      maxLength={field.maxLength}
      onChange={(event) => {
        onChange(emptyToNull(event.target.value));
      }}
    />
  );
}

/** Numbers, money and percentages (a percentage is typed as 15 and stored as 0.15). */
export function NumberInput({
  field,
  value,
  onChange,
  disabled,
  id,
}: InputProps<Of<"number" | "money" | "percent">>) {
  const percent = field.type === "percent";
  const stored = numberOf(value);
  const shown = stored === null ? null : percent ? Math.round(stored * 1e8) / 1e6 : stored;
  const suffix =
    field.type === "percent" ? "%" : field.type === "money" ? (field.currency ?? "CNY") : field.unit;
  return (
    <InputNumber
      id={id}
      style={{ width: "100%" }}
      value={shown}
      disabled={disabled}
      suffix={suffix}
      {...precisionOf(field.precision ?? (field.type === "money" ? 2 : undefined))}
      onChange={(next) => {
        const number = typeof next === "number" ? next : null;
        onChange(number === null ? null : percent ? number / 100 : number);
      }}
    />
  );
}

/** Yes or no. */
export function BooleanInput({ value, onChange, disabled, id }: InputProps) {
  return (
    <Switch
      id={id}
      checked={value === true}
      disabled={disabled}
      onChange={(checked) => {
        onChange(checked);
      }}
    />
  );
}

/** A calendar date (YYYY-MM-DD) or an instant (ISO 8601). */
export function DateInput({ field, value, onChange, disabled, id }: InputProps<Of<"date" | "datetime">>) {
  const withTime = field.type === "datetime";
  const text = textOf(value);
  const parsed = text === "" ? null : dayjs(text);
  return (
    <DatePicker
      id={id}
      style={{ width: "100%" }}
      showTime={withTime}
      disabled={disabled}
      value={parsed?.isValid() ? parsed : null}
      onChange={(next) => {
        if (!next) onChange(null);
        else onChange(withTime ? next.toISOString() : next.format("YYYY-MM-DD"));
      }}
    />
  );
}

/** A score from 1 to max. */
export function RatingInput({ field, value, onChange, disabled, id }: InputProps<Of<"rating">>) {
  return (
    <Rate
      id={id}
      count={field.max ?? 5}
      value={numberOf(value) ?? 0}
      disabled={disabled}
      onChange={(next) => {
        onChange(next === 0 ? null : next);
      }}
    />
  );
}

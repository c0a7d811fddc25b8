import { Input, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Field } from "@stagecraft/schemas";
import { useLocalized } from "../i18n/localized.js";
import { useFormEnv } from "./form-env.js";
import { emptyToNull, stringsOf, textOf, type InputProps } from "./input-props.js";

type Of<T extends Field["type"]> = Extract<Field, { type: T }>;

/** The Select props of a single or multiple choice. */
function modeOf(multiple: boolean): { mode?: "multiple" } {
  return multiple ? { mode: "multiple" } : {};
}

/** One or several of the field's options. */
export function SelectInput({
  field,
  value,
  onChange,
  disabled,
  id,
}: InputProps<Of<"select" | "multiselect">>) {
  const localized = useLocalized();
  const options = field.options.map((option) => ({ value: option.value, label: localized(option.label) }));
  if (field.type === "multiselect") {
    return (
      <Select
        id={id}
        mode="multiple"
        allowClear
        style={{ width: "100%" }}
        value={stringsOf(value)}
        options={options}
        disabled={disabled}
        onChange={(next: string[]) => {
          onChange(next.length === 0 ? null : next);
        }}
      />
    );
  }
  return (
    <Select
      id={id}
      allowClear
      style={{ width: "100%" }}
      value={textOf(value) || undefined}
      options={options}
      disabled={disabled}
      onChange={(next: string | undefined) => {
        onChange(next ?? null);
      }}
    />
  );
}

/** A member of the workspace; a typed id where the member list is not available. */
export function UserInput({ field, value, onChange, disabled, id }: InputProps<Of<"user">>) {
  const { users } = useFormEnv();
  const multiple = field.multiple === true;
  if (users.length === 0)
    return <IdListInput id={id} multiple={multiple} value={value} onChange={onChange} disabled={disabled} />;
  const options = users.map((user) => ({ value: user.id, label: user.name || user.email }));
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      {...modeOf(multiple)}
      style={{ width: "100%" }}
      value={multiple ? stringsOf(value) : textOf(value) || undefined}
      options={options}
      disabled={disabled}
      onChange={(next: string | string[] | undefined) => {
        onChange(next === undefined || (Array.isArray(next) && next.length === 0) ? null : next);
      }}
    />
  );
}

/** Ids typed by hand (departments, or users on a public form). */
export function IdListInput(props: {
  id: string;
  multiple: boolean;
  value: unknown;
  onChange: (value: unknown) => void;
  disabled: boolean;
}) {
  if (props.multiple) {
    return (
      <Select
        id={props.id}
        mode="tags"
        style={{ width: "100%" }}
        value={stringsOf(props.value)}
        disabled={props.disabled}
        onChange={(next: string[]) => {
          props.onChange(next.length === 0 ? null : next);
        }}
      />
    );
  }
  return (
    <Input
      id={props.id}
      value={textOf(props.value)}
      disabled={props.disabled}
      onChange={(event) => {
        props.onChange(emptyToNull(event.target.value));
      }}
    />
  );
}

/** A department of the workspace (the API has no department list yet: typed by name or id). */
export function DepartmentInput({ field, value, onChange, disabled, id }: InputProps<Of<"department">>) {
  return (
    <IdListInput
      id={id}
      multiple={field.multiple === true}
      value={value}
      onChange={onChange}
      disabled={disabled}
    />
  );
}

/** A record of another form, picked by its display field; searched on the server as one types. */
export function ReferenceInput({ field, value, onChange, disabled, id }: InputProps<Of<"reference">>) {
  const { references } = useFormEnv();
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [search, setSearch] = useState("");
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (references === undefined) return;
    let live = true;
    references.api
      .listRecords(references.appId, field.form, { q: search, limit: 50 })
      .then((page) => {
        if (!live) return;
        setFailed(null);
        setOptions(
          page.items.map((record) => {
            const shown = field.displayField === undefined ? undefined : record.data[field.displayField];
            return { value: record.id, label: typeof shown === "string" && shown !== "" ? shown : record.id };
          }),
        );
      })
      .catch((error: unknown) => {
        if (live) setFailed(error instanceof Error ? error.message : String(error));
      });
    return () => {
      live = false;
    };
  }, [references, field.form, field.displayField, search]);
  const multiple = field.multiple === true;
  if (references === undefined)
    return <IdListInput id={id} multiple={multiple} value={value} onChange={onChange} disabled={disabled} />;
  return (
    <>
      <Select
        id={id}
        allowClear
        showSearch={{ filterOption: false, onSearch: setSearch }}
        {...modeOf(multiple)}
        style={{ width: "100%" }}
        value={multiple ? stringsOf(value) : textOf(value) || undefined}
        options={options}
        disabled={disabled}
        notFoundContent={t("form.noRecords")}
        onChange={(next: string | string[] | undefined) => {
          onChange(next === undefined || (Array.isArray(next) && next.length === 0) ? null : next);
        }}
      />
      {failed !== null && <div role="alert">{t("form.referenceFailed", { message: failed })}</div>}
    </>
  );
}

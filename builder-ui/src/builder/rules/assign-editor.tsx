import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { AssignStrategy, Form } from "@stagecraft/schemas";
import { Button, Input, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { UserIdsInput } from "../shared/people-input.js";
import { textOf, type Lang } from "../shared/i18n-text.js";
import { removeAt, replaceAt, withOptional } from "../shared/optional.js";

const TYPES: readonly AssignStrategy["type"][] = ["fixed", "round_robin", "by_field"];

/** How the owner is chosen: one member, round robin over members, or by a field's value. */
export function AssignEditor(props: {
  value: AssignStrategy;
  form: Form | undefined;
  lang: Lang;
  onChange: (value: AssignStrategy) => void;
}) {
  const { t } = useTranslation("builder");
  const { value, onChange } = props;
  const fields = (props.form?.fields ?? []).filter(
    (f) => f.type === "select" || f.type === "text" || f.type === "department",
  );
  return (
    <Space orientation="vertical">
      <Select<AssignStrategy["type"]>
        aria-label={t("rules.assignHow")}
        style={{ width: 180 }}
        value={value.type}
        options={TYPES.map((type) => ({ value: type, label: t(`rules.assign.${type}`) }))}
        onChange={(type) => {
          if (type === "fixed") onChange({ type, userId: "" });
          else if (type === "round_robin") onChange({ type, userIds: [] });
          else onChange({ type, field: fields[0]?.id ?? "", map: [] });
        }}
      />
      {value.type === "fixed" && (
        <Input
          aria-label={t("rules.assignUser")}
          placeholder={t("people.userIdsHint")}
          style={{ width: 200 }}
          value={value.userId}
          onChange={(e) => {
            onChange({ ...value, userId: e.target.value.trim() });
          }}
        />
      )}
      {value.type === "round_robin" && (
        <UserIdsInput
          label={t("rules.assignUsers")}
          value={value.userIds}
          onChange={(userIds) => {
            onChange({ ...value, userIds });
          }}
        />
      )}
      {value.type === "by_field" && (
        <>
          <Select<string>
            aria-label={t("rules.assignField")}
            style={{ width: 180 }}
            value={value.field || null}
            options={fields.map((f) => ({ value: f.id, label: textOf(f.label, props.lang) || f.id }))}
            onChange={(field) => {
              onChange({ ...value, field });
            }}
          />
          {value.map.map((entry, i) => (
            <Space key={i}>
              <Input
                aria-label={t("rules.mapValue", { n: i + 1 })}
                placeholder={t("rules.whenValue")}
                value={entry.value}
                onChange={(e) => {
                  onChange({ ...value, map: replaceAt(value.map, i, { ...entry, value: e.target.value }) });
                }}
              />
              <span>→</span>
              <Input
                aria-label={t("rules.mapUser", { n: i + 1 })}
                placeholder={t("people.userIds")}
                value={entry.userId}
                onChange={(e) => {
                  onChange({
                    ...value,
                    map: replaceAt(value.map, i, { ...entry, userId: e.target.value.trim() }),
                  });
                }}
              />
              <Button
                type="text"
                aria-label={t("rules.removeMap", { n: i + 1 })}
                icon={<DeleteOutlined />}
                onClick={() => {
                  onChange({ ...value, map: removeAt(value.map, i) });
                }}
              />
            </Space>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              onChange({ ...value, map: [...value.map, { value: "", userId: "" }] });
            }}
          >
            {t("rules.addMap")}
          </Button>
          <Input
            aria-label={t("rules.fallback")}
            placeholder={t("rules.fallback")}
            style={{ width: 200 }}
            value={value.fallback ?? ""}
            onChange={(e) => {
              onChange(
                withOptional(
                  value,
                  "fallback",
                  e.target.value.trim() === "" ? undefined : e.target.value.trim(),
                ),
              );
            }}
          />
        </>
      )}
    </Space>
  );
}

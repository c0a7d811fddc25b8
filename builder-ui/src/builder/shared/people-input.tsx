import type { Role } from "@stagecraft/schemas";
import { Select } from "antd";
import { useTranslation } from "react-i18next";

export const ROLES: readonly Role[] = ["admin", "builder", "member", "viewer"];

/** Member ids, typed or pasted (each becomes a tag). */
export function UserIdsInput(props: {
  label: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
}) {
  const { t } = useTranslation("builder");
  return (
    <Select
      aria-label={props.label}
      mode="tags"
      style={{ minWidth: 200 }}
      placeholder={t("people.userIdsHint")}
      value={[...props.value]}
      open={false}
      tokenSeparators={[",", " ", "，"]}
      onChange={(value: string[]) => {
        props.onChange(value.map((v) => v.trim()).filter((v) => v !== ""));
      }}
    />
  );
}

/** A workspace role. */
export function RoleInput(props: { label: string; value: Role; onChange: (value: Role) => void }) {
  const { t } = useTranslation("builder");
  return (
    <Select<Role>
      aria-label={props.label}
      style={{ width: 120 }}
      value={props.value}
      options={ROLES.map((r) => ({ value: r, label: t(`people.roles.${r}`) }))}
      onChange={props.onChange}
    />
  );
}

import type { Role } from "@stagecraft/schemas";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { UserPicker } from "./user-picker.js";

export const ROLES: readonly Role[] = ["admin", "builder", "member", "viewer"];

/** Member ids, picked from the workspace's members (typed or pasted where the list cannot be read). */
export function UserIdsInput(props: {
  label: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
}) {
  return <UserPicker label={props.label} multiple value={props.value} onChange={props.onChange} />;
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

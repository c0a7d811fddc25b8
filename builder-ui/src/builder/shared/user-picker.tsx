import { Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useWorkspaceUsers, type WorkspaceUser } from "./workspace-users.js";

function labelOf(user: WorkspaceUser): string {
  return user.name === "" ? user.email || user.id : `${user.name} · ${user.email}`;
}

/**
 * Members picked by name from the workspace's list. Ids the list does not hold stay shown as ids;
 * where the list cannot be read (the caller may not list members), ids are typed instead, and the
 * picker says so.
 */
export function UserPicker(props: {
  label: string;
  multiple: boolean;
  value: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation("builder");
  const users = useWorkspaceUsers();
  const clean = (ids: readonly string[]) => ids.map((v) => v.trim()).filter((v) => v !== "");
  if (users === null) {
    return (
      <Space orientation="vertical" size={2} style={{ width: "100%" }}>
        <Select
          aria-label={props.label}
          mode="tags"
          style={{ minWidth: 200, width: "100%" }}
          placeholder={t("people.userIdsHint")}
          value={[...props.value]}
          open={false}
          tokenSeparators={[",", " ", "，"]}
          onChange={(value: string[]) => {
            const ids = clean(value);
            props.onChange(props.multiple ? ids : ids.slice(-1));
          }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("people.unlisted")}
        </Typography.Text>
      </Space>
    );
  }
  const known = new Set((users ?? []).map((u) => u.id));
  const options = [
    ...(users ?? []).map((u) => ({ value: u.id, label: labelOf(u) })),
    ...props.value
      .filter((id) => !known.has(id))
      .map((id) => ({ value: id, label: t("people.unknownUser", { id }) })),
  ];
  const common = {
    "aria-label": props.label,
    allowClear: true,
    loading: users === undefined,
    placeholder: t("people.pick"),
    showSearch: { optionFilterProp: "label" },
    style: { minWidth: 200, width: "100%" },
    options,
  };
  return props.multiple ? (
    <Select<string[]>
      {...common}
      mode="multiple"
      value={[...props.value]}
      onChange={(ids) => {
        props.onChange(clean(ids));
      }}
    />
  ) : (
    <Select<string>
      {...common}
      value={props.value[0] ?? null}
      onChange={(id: string | undefined) => {
        props.onChange(id === undefined ? [] : [id]);
      }}
    />
  );
}

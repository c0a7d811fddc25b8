import type { Approver } from "@stagecraft/schemas";
import { Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { RoleInput, UserIdsInput } from "../shared/people-input.js";

const TYPES: readonly Approver["type"][] = ["user", "role", "owner", "manager"];

function approverOfType(type: Approver["type"]): Approver {
  switch (type) {
    case "user":
      return { type, userIds: [] };
    case "role":
      return { type, role: "admin" };
    default:
      return { type };
  }
}

/** Who decides: named members, a role, the record's owner, or the owner's manager. */
export function ApproverInput(props: {
  label: string;
  value: Approver;
  onChange: (value: Approver) => void;
}) {
  const { t } = useTranslation("builder");
  const { value } = props;
  return (
    <Space wrap>
      <Select<Approver["type"]>
        aria-label={props.label}
        style={{ width: 130 }}
        value={value.type}
        options={TYPES.map((type) => ({ value: type, label: t(`approval.approverTypes.${type}`) }))}
        onChange={(type) => {
          props.onChange(approverOfType(type));
        }}
      />
      {value.type === "user" && (
        <UserIdsInput
          label={t("people.userIds")}
          value={value.userIds}
          onChange={(userIds) => {
            props.onChange({ type: "user", userIds });
          }}
        />
      )}
      {value.type === "role" && (
        <RoleInput
          label={t("people.role")}
          value={value.role}
          onChange={(role) => {
            props.onChange({ type: "role", role });
          }}
        />
      )}
    </Space>
  );
}

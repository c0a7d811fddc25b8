import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Form, Recipient } from "@stagecraft/schemas";
import { Button, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { RoleInput, UserIdsInput } from "../shared/people-input.js";
import { textOf, type Lang } from "../shared/i18n-text.js";
import { removeAt, replaceAt } from "../shared/optional.js";

const TYPES: readonly Recipient["type"][] = ["owner", "manager", "user", "role", "field"];

function recipientOf(type: Recipient["type"], form: Form | undefined): Recipient {
  switch (type) {
    case "user":
      return { type, userIds: [] };
    case "role":
      return { type, role: "admin" };
    case "field":
      return { type, field: form?.fields.find((f) => f.type === "user")?.id ?? "" };
    default:
      return { type };
  }
}

/** Who receives a notification: the owner, their manager, named members, a role, or the member in a field. */
export function RecipientsEditor(props: {
  value: readonly Recipient[];
  form: Form | undefined;
  lang: Lang;
  onChange: (value: Recipient[]) => void;
}) {
  const { t } = useTranslation("builder");
  const userFields = (props.form?.fields ?? []).filter((f) => f.type === "user");
  return (
    <Space orientation="vertical">
      {props.value.map((recipient, i) => {
        const set = (next: Recipient) => {
          props.onChange(replaceAt(props.value, i, next));
        };
        return (
          <Space key={i} wrap>
            <Select<Recipient["type"]>
              aria-label={t("rules.recipientN", { n: i + 1 })}
              style={{ width: 140 }}
              value={recipient.type}
              options={TYPES.map((type) => ({ value: type, label: t(`rules.recipients.${type}`) }))}
              onChange={(type) => {
                set(recipientOf(type, props.form));
              }}
            />
            {recipient.type === "user" && (
              <UserIdsInput
                label={t("people.userIds")}
                value={recipient.userIds}
                onChange={(userIds) => {
                  set({ type: "user", userIds });
                }}
              />
            )}
            {recipient.type === "role" && (
              <RoleInput
                label={t("people.role")}
                value={recipient.role}
                onChange={(role) => {
                  set({ type: "role", role });
                }}
              />
            )}
            {recipient.type === "field" && (
              <Select<string>
                aria-label={t("rules.userField")}
                style={{ width: 150 }}
                value={recipient.field || null}
                options={userFields.map((f) => ({ value: f.id, label: textOf(f.label, props.lang) || f.id }))}
                onChange={(field) => {
                  set({ type: "field", field });
                }}
              />
            )}
            <Button
              type="text"
              aria-label={t("rules.removeRecipient", { n: i + 1 })}
              icon={<DeleteOutlined />}
              disabled={props.value.length <= 1}
              onClick={() => {
                props.onChange(removeAt(props.value, i));
              }}
            />
          </Space>
        );
      })}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => {
          props.onChange([...props.value, { type: "manager" }]);
        }}
      >
        {t("rules.addRecipient")}
      </Button>
    </Space>
  );
}

import type { Form } from "@stagecraft/schemas";
import { Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { HistoryEntry, User } from "../api/types.js";
import { useLocalized } from "../i18n/localized.js";

/** The action of an approval event (requested, approve, return, …), if it names one. */
function approvalAction(entry: HistoryEntry): string | undefined {
  const detail = entry.detail;
  if (entry.kind !== "approval" || typeof detail !== "object" || detail === null) return undefined;
  const action: unknown = Object.getOwnPropertyDescriptor(detail, "action")?.value;
  return typeof action === "string" ? action : undefined;
}

function raw(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A record's audit trail in words: who created, changed or moved it, and when. */
export function RecordHistory({
  entries,
  form,
  users,
}: {
  entries: readonly HistoryEntry[];
  form: Form;
  users: readonly User[];
}) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const who = (entry: HistoryEntry) => {
    if (entry.actor.type === "user") {
      const user = users.find((candidate) => candidate.id === entry.actor.id);
      return user === undefined ? (entry.actor.id ?? "") : user.name || user.email;
    }
    return t(`history.actor.${entry.actor.type}`, { defaultValue: entry.actor.type });
  };
  const actionWord = (entry: HistoryEntry) => {
    const action = approvalAction(entry);
    return action === undefined ? "" : ` · ${t(`approvals.action.${action}`, { defaultValue: action })}`;
  };
  const stage = (id: string | null) =>
    localized(form.pipeline?.stages.find((candidate) => candidate.id === id)?.name) || (id ?? "—");
  const label = (id: string) => localized(form.fields.find((field) => field.id === id)?.label) || id;
  // Values read as on the form: option labels for choices, names for members.
  const shown = (fieldId: string, value: unknown): string => {
    const field = form.fields.find((candidate) => candidate.id === fieldId);
    const one = (item: unknown): string => {
      if (field?.type === "select" || field?.type === "multiselect") {
        const option = field.options.find((candidate) => candidate.value === item);
        if (option !== undefined) return localized(option.label);
      }
      if (field?.type === "user") {
        const user = users.find((candidate) => candidate.id === item);
        if (user !== undefined) return user.name || user.email;
      }
      return raw(item);
    };
    return Array.isArray(value) && value.length > 0 ? value.map(one).join("、") : one(value);
  };
  return (
    <Timeline
      items={entries.map((entry) => ({
        key: entry.id,
        content: (
          <div>
            <Typography.Text strong>
              {t(`history.kind.${entry.kind}`, { defaultValue: entry.kind })}
              {actionWord(entry)}
            </Typography.Text>{" "}
            <Typography.Text type="secondary">
              {who(entry)} · {new Date(entry.at).toLocaleString(i18n.language)}
            </Typography.Text>
            {entry.toStage !== null && (
              <div>{t("history.moved", { from: stage(entry.fromStage), to: stage(entry.toStage) })}</div>
            )}
            {entry.changes.map((change) => (
              <div key={change.field} style={{ fontSize: 13 }}>
                {label(change.field)}: {shown(change.field, change.old)} → {shown(change.field, change.new)}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}

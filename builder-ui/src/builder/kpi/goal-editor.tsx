import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { AppDefinition, Goal, PeriodUnit } from "@stagecraft/schemas";
import { Alert, Button, Form as AntForm, Input, InputNumber, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Lang } from "../shared/i18n-text.js";
import { LabelledSelect } from "../shared/labelled-select.js";
import { removeAt, replaceAt, withOptional } from "../shared/optional.js";
import { evenSplit, sumOf } from "./goal-split.js";
import { settingItem } from "../shared/setting-item.js";
import { fieldChoices, formChoices } from "../shared/choices.js";

export const PERIODS: readonly PeriodUnit[] = ["day", "week", "month", "quarter", "year"];
type SplitGoal = Extract<Goal, { type: "split" }>;

function SplitEditor(props: { value: SplitGoal; onChange: (g: SplitGoal) => void }) {
  const { t } = useTranslation("builder");
  const { value, onChange } = props;
  const months = value.months ?? [];
  const members = value.members ?? [];
  const amounts = value.mode === "amounts";
  const monthSum = sumOf(months);
  const memberSum = sumOf(members.map((m) => m.value));
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="goal-split">
      <Space wrap>
        <AntForm.Item label={t("goal.year")} style={{ marginBottom: 8 }}>
          <InputNumber
            aria-label={t("goal.year")}
            min={1900}
            max={2999}
            value={value.year}
            onChange={(y) => {
              onChange({ ...value, year: typeof y === "number" ? Math.trunc(y) : value.year });
            }}
          />
        </AntForm.Item>
        <AntForm.Item label={t("goal.total")} style={{ marginBottom: 8 }}>
          <InputNumber
            aria-label={t("goal.total")}
            min={0}
            style={{ width: 160 }}
            value={value.total}
            onChange={(v) => {
              onChange({ ...value, total: typeof v === "number" ? v : 0 });
            }}
          />
        </AntForm.Item>
        <LabelledSelect<"weights" | "amounts">
          label={t("goal.mode")}
          width={160}
          value={value.mode}
          options={[
            { value: "amounts", label: t("goal.modes.amounts") },
            { value: "weights", label: t("goal.modes.weights") },
          ]}
          onChange={(mode) => {
            onChange({ ...value, mode });
          }}
        />
      </Space>
      <Space wrap>
        <Typography.Text strong>{t("goal.months")}</Typography.Text>
        <Button
          size="small"
          onClick={() => {
            onChange({
              ...value,
              months: amounts ? evenSplit(value.total, 12) : Array.from({ length: 12 }, () => 1),
            });
          }}
        >
          {t("goal.evenMonths")}
        </Button>
        {months.length > 0 && (
          <Button
            size="small"
            onClick={() => {
              onChange(withOptional(value, "months", undefined));
            }}
          >
            {t("goal.clearMonths")}
          </Button>
        )}
      </Space>
      {months.length === 12 && (
        <div style={{ display: "grid", gridTemplateColumns: "repeat(6, 1fr)", gap: 6 }}>
          {months.map((m, i) => (
            <InputNumber
              key={i}
              aria-label={t("goal.month", { n: i + 1 })}
              prefix={`${i + 1}${t("goal.monthSuffix")}`}
              min={0}
              value={m}
              onChange={(v) => {
                onChange({ ...value, months: replaceAt(months, i, typeof v === "number" ? v : 0) });
              }}
            />
          ))}
        </div>
      )}
      {amounts && months.length === 12 && monthSum !== value.total && (
        <Alert
          type="warning"
          showIcon
          title={t("goal.monthMismatch", { sum: monthSum, total: value.total })}
        />
      )}
      <Typography.Text strong>{t("goal.members")}</Typography.Text>
      {members.map((member, i) => (
        <Space key={i}>
          <Input
            aria-label={t("goal.memberKey", { n: i + 1 })}
            placeholder={t("goal.memberHint")}
            value={member.key}
            onChange={(e) => {
              onChange({ ...value, members: replaceAt(members, i, { ...member, key: e.target.value }) });
            }}
          />
          <InputNumber
            aria-label={t("goal.memberValue", { n: i + 1 })}
            min={0}
            value={member.value}
            onChange={(v) => {
              onChange({
                ...value,
                members: replaceAt(members, i, { ...member, value: typeof v === "number" ? v : 0 }),
              });
            }}
          />
          <Button
            type="text"
            aria-label={t("goal.removeMember", { n: i + 1 })}
            icon={<DeleteOutlined />}
            onClick={() => {
              const rest = removeAt(members, i);
              onChange(withOptional(value, "members", rest.length === 0 ? undefined : rest));
            }}
          />
        </Space>
      ))}
      <Space>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => {
            onChange({ ...value, members: [...members, { key: "", value: 0 }] });
          }}
        >
          {t("goal.addMember")}
        </Button>
        {members.length > 0 && (
          <Button
            size="small"
            onClick={() => {
              const shares = amounts ? evenSplit(value.total, members.length) : members.map(() => 1);
              onChange({ ...value, members: members.map((m, i) => ({ ...m, value: shares[i] ?? 0 })) });
            }}
          >
            {t("goal.evenMembers")}
          </Button>
        )}
      </Space>
      {amounts && members.length > 0 && memberSum !== value.total && (
        <Alert
          type="warning"
          showIcon
          title={t("goal.memberMismatch", { sum: memberSum, total: value.total })}
        />
      )}
    </Space>
  );
}

/** A KPI's goal: none, a fixed value per period, a year goal split down to months and people, or goal records. */
export function GoalEditor(props: {
  value: Goal | undefined;
  definition: AppDefinition;
  lang: Lang;
  onChange: (g: Goal | undefined) => void;
}) {
  const { t } = useTranslation("builder");
  const { value, onChange, definition, lang } = props;
  const kind = value?.type ?? "none";
  const recordsForm =
    value?.type === "records" ? definition.forms.find((f) => f.id === value.form) : undefined;
  const numberFields = fieldChoices(
    (recordsForm?.fields ?? []).filter((f) => ["number", "money", "percent", "formula"].includes(f.type)),
    lang,
  );
  const dateFields = fieldChoices(
    (recordsForm?.fields ?? []).filter((f) => f.type === "date"),
    lang,
  );
  return (
    <div data-testid="goal-editor">
      <LabelledSelect
        label={t("goal.kind")}
        width={220}
        value={kind}
        options={["none", "fixed", "split", "records"].map((k) => ({
          value: k,
          label: t(`goal.kinds.${k}`),
        }))}
        onChange={(k) => {
          if (k === "none") onChange(undefined);
          else if (k === "fixed") onChange({ type: "fixed", value: 0, per: "month" });
          else if (k === "split")
            onChange({
              type: "split",
              year: new Date().getFullYear(),
              total: 1200000,
              mode: "amounts",
              months: evenSplit(1200000, 12),
            });
          else {
            const form = definition.forms[0];
            onChange({ type: "records", form: form?.id ?? "", field: "", from: "" });
          }
        }}
      />
      {value?.type === "fixed" && (
        <Space wrap>
          {settingItem(
            t("goal.value"),
            <InputNumber
              aria-label={t("goal.value")}
              style={{ width: 160 }}
              value={value.value}
              onChange={(v) => {
                onChange({ ...value, value: typeof v === "number" ? v : 0 });
              }}
            />,
          )}
          <LabelledSelect<PeriodUnit>
            label={t("goal.per")}
            width={120}
            value={value.per ?? "month"}
            options={PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) }))}
            onChange={(per) => {
              onChange({ ...value, per });
            }}
          />
        </Space>
      )}
      {value?.type === "split" && <SplitEditor value={value} onChange={onChange} />}
      {value?.type === "records" && (
        <Space wrap>
          <LabelledSelect
            label={t("goal.recordsForm")}
            width={150}
            value={value.form || null}
            options={formChoices(definition.forms, lang)}
            onChange={(form) => {
              onChange({ type: "records", form, field: "", from: "" });
            }}
          />
          <LabelledSelect
            label={t("goal.recordsField")}
            width={150}
            value={value.field || null}
            options={numberFields}
            onChange={(field) => {
              onChange({ ...value, field });
            }}
          />
          <LabelledSelect
            label={t("goal.recordsFrom")}
            width={150}
            value={value.from || null}
            options={dateFields}
            onChange={(from) => {
              onChange({ ...value, from });
            }}
          />
          <LabelledSelect
            label={t("goal.recordsTo")}
            width={150}
            clearable
            value={value.to ?? null}
            options={dateFields}
            onChange={(to) => {
              onChange(withOptional(value, "to", to));
            }}
          />
        </Space>
      )}
    </div>
  );
}

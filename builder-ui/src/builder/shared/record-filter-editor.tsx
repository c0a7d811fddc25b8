import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  SYSTEM_FIELDS,
  type FilterCondition,
  type FilterOperator,
  type FilterValue,
  type Form,
  type RecordFilter,
} from "@stagecraft/schemas";
import { Button, Input, InputNumber, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { isRecord } from "./json-guards.js";
import { textOf, type Lang } from "./i18n-text.js";
import { removeAt, replaceAt } from "./optional.js";

const OPERATORS: readonly FilterOperator[] = [
  "eq",
  "ne",
  "gt",
  "gte",
  "lt",
  "lte",
  "in",
  "not_in",
  "contains",
  "is_set",
  "not_set",
  "within_last_days",
  "same_year",
];

/** A literal value typed as text or number, "this record's field", or today. */
function ScalarInput(props: {
  label: string;
  value: FilterValue | undefined;
  thisForm: Form | undefined;
  lang: Lang;
  onChange: (value: FilterValue) => void;
}) {
  const { t } = useTranslation("builder");
  const { value } = props;
  const kind = isRecord(value)
    ? "this" in value
      ? `this:${value["this"]}`
      : "today"
    : typeof value === "number"
      ? "number"
      : "text";
  return (
    <Space.Compact>
      <Select<string>
        aria-label={`${props.label} ${t("filter.valueKind")}`}
        style={{ width: 130 }}
        value={kind}
        options={[
          { value: "text", label: t("filter.text") },
          { value: "number", label: t("filter.number") },
          { value: "today", label: t("formula.today") },
          ...(props.thisForm?.fields ?? [])
            .filter((f) => f.type !== "section" && f.type !== "subform")
            .map((f) => ({
              value: `this:${f.id}`,
              label: t("filter.thisField", { name: textOf(f.label, props.lang) || f.id }),
            })),
        ]}
        onChange={(next) => {
          if (next === "text") props.onChange("");
          else if (next === "number") props.onChange(0);
          else if (next === "today") props.onChange({ today: true });
          else props.onChange({ this: next.slice("this:".length) });
        }}
      />
      {kind === "text" && (
        <Input
          aria-label={props.label}
          style={{ width: 140 }}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => {
            props.onChange(e.target.value);
          }}
        />
      )}
      {kind === "number" && (
        <InputNumber
          aria-label={props.label}
          value={typeof value === "number" ? value : 0}
          onChange={(v) => {
            props.onChange(typeof v === "number" ? v : 0);
          }}
        />
      )}
    </Space.Compact>
  );
}

function defaultValue(op: FilterOperator): FilterCondition["value"] {
  if (op === "is_set" || op === "not_set") return undefined;
  if (op === "in" || op === "not_in") return [];
  if (op === "within_last_days") return 30;
  if (op === "same_year") return { today: true };
  return "";
}

function conditionOf(field: string, op: FilterOperator): FilterCondition {
  const value = defaultValue(op);
  return value === undefined ? { field, op } : { field, op, value };
}

/**
 * A structured record filter (all conditions must hold): field → operator → value, where a value
 * may be fixed, today, or a field of the current record.
 */
export function RecordFilterEditor(props: {
  value: RecordFilter | undefined;
  form: Form | undefined;
  thisForm: Form | undefined;
  lang: Lang;
  onChange: (value: RecordFilter) => void;
}) {
  const { t } = useTranslation("builder");
  const filter = props.value ?? [];
  const fields = [
    ...(props.form?.fields ?? [])
      .filter((f) => f.type !== "section" && f.type !== "subform")
      .map((f) => ({ value: f.id, label: textOf(f.label, props.lang) || f.id })),
    ...SYSTEM_FIELDS.map((f) => ({ value: f, label: t(`filter.system.${f}`) })),
  ];
  const first = fields[0]?.value ?? "_id";
  return (
    <Space orientation="vertical" data-testid="record-filter" style={{ width: "100%" }}>
      {filter.length === 0 && <Typography.Text type="secondary">{t("filter.all")}</Typography.Text>}
      {filter.map((condition, i) => (
        <Space key={i} wrap>
          <Select<string>
            aria-label={t("filter.field", { n: i + 1 })}
            style={{ minWidth: 140 }}
            value={condition.field}
            options={fields}
            onChange={(field) => {
              props.onChange(replaceAt(filter, i, conditionOf(field, condition.op)));
            }}
          />
          <Select<FilterOperator>
            aria-label={t("filter.op", { n: i + 1 })}
            style={{ width: 130 }}
            value={condition.op}
            options={OPERATORS.map((op) => ({ value: op, label: t(`filter.ops.${op}`) }))}
            onChange={(op) => {
              props.onChange(replaceAt(filter, i, conditionOf(condition.field, op)));
            }}
          />
          {(condition.op === "in" || condition.op === "not_in") && (
            <Select
              aria-label={t("filter.value", { n: i + 1 })}
              mode="tags"
              open={false}
              style={{ minWidth: 160 }}
              value={
                Array.isArray(condition.value)
                  ? condition.value.filter((v): v is string => typeof v === "string")
                  : []
              }
              onChange={(values: string[]) => {
                props.onChange(replaceAt(filter, i, { ...condition, value: values }));
              }}
            />
          )}
          {condition.op === "within_last_days" && (
            <InputNumber
              aria-label={t("filter.value", { n: i + 1 })}
              min={1}
              value={typeof condition.value === "number" ? condition.value : 30}
              suffix={t("duration.days")}
              onChange={(v) => {
                props.onChange(replaceAt(filter, i, { ...condition, value: typeof v === "number" ? v : 30 }));
              }}
            />
          )}
          {!["in", "not_in", "within_last_days", "is_set", "not_set"].includes(condition.op) && (
            <ScalarInput
              label={t("filter.value", { n: i + 1 })}
              value={Array.isArray(condition.value) ? undefined : condition.value}
              thisForm={props.thisForm}
              lang={props.lang}
              onChange={(value) => {
                props.onChange(replaceAt(filter, i, { ...condition, value }));
              }}
            />
          )}
          <Button
            type="text"
            aria-label={t("filter.remove", { n: i + 1 })}
            icon={<DeleteOutlined />}
            onClick={() => {
              props.onChange(removeAt(filter, i));
            }}
          />
        </Space>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => {
          props.onChange([...filter, conditionOf(first, "eq")]);
        }}
      >
        {t("filter.add")}
      </Button>
    </Space>
  );
}

import type { Expression, Field, Form } from "@stagecraft/schemas";
import { Button, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ConditionValueInput } from "../condition/condition-value-input.js";
import type { ConditionValue } from "../condition/condition-model.js";
import { isRecord } from "../shared/json-guards.js";
import { textOf, type Lang } from "../shared/i18n-text.js";
import { constantFor } from "./rule-factory.js";

type ValueModel =
  { kind: "constant"; value: ConditionValue } | { kind: "field"; field: string } | { kind: "today" };

function modelOf(expr: Expression): ValueModel | undefined {
  if (expr === null || typeof expr === "string" || typeof expr === "number" || typeof expr === "boolean")
    return { kind: "constant", value: expr };
  if (Array.isArray(expr))
    return expr.every((v): v is string => typeof v === "string")
      ? { kind: "constant", value: expr }
      : undefined;
  if (isRecord(expr) && Object.keys(expr).length === 1) {
    const name = expr["var"];
    if (typeof name === "string") return { kind: "field", field: name };
    if (Array.isArray(expr["today"])) return { kind: "today" };
  }
  return undefined;
}

function logicOf(model: ValueModel): Expression {
  if (model.kind === "field") return { var: model.field };
  if (model.kind === "today") return { today: [] };
  return model.value;
}

/**
 * The value an action writes into `target`: a fixed value of the target's type, the value of a
 * field of the triggering record, or today's date — as a JSON Logic expression.
 */
export function ValueInput(props: {
  label: string;
  target: Field | undefined;
  source: Form | undefined;
  lang: Lang;
  value: Expression;
  onChange: (value: Expression) => void;
}) {
  const { t } = useTranslation("builder");
  const model = modelOf(props.value);
  if (model === undefined) {
    return (
      <Space>
        <Typography.Text type="secondary">{t("rules.customValue")}</Typography.Text>
        <Button
          size="small"
          onClick={() => {
            props.onChange(constantFor(props.target));
          }}
        >
          {t("condition.reset")}
        </Button>
      </Space>
    );
  }
  const target = props.target;
  const choice =
    target === undefined
      ? undefined
      : {
          id: target.id,
          label: textOf(target.label, props.lang),
          type: target.type,
          ...(target.type === "select" || target.type === "multiselect"
            ? {
                options: target.options.map((o) => ({
                  value: o.value,
                  label: textOf(o.label, props.lang) || o.value,
                })),
              }
            : {}),
        };
  const sourceFields = (props.source?.fields ?? []).filter(
    (f) => f.type !== "section" && f.type !== "subform",
  );
  return (
    <Space wrap>
      <Select<string>
        aria-label={`${props.label} ${t("rules.valueKind")}`}
        style={{ width: 150 }}
        value={model.kind === "field" ? `field:${model.field}` : model.kind}
        options={[
          { value: "constant", label: t("rules.constant") },
          { value: "today", label: t("formula.today") },
          ...sourceFields.map((f) => ({
            value: `field:${f.id}`,
            label: t("rules.fromField", { name: textOf(f.label, props.lang) || f.id }),
          })),
        ]}
        onChange={(kind) => {
          if (kind === "constant") props.onChange(constantFor(target));
          else if (kind === "today") props.onChange(logicOf({ kind: "today" }));
          else props.onChange(logicOf({ kind: "field", field: kind.slice("field:".length) }));
        }}
      />
      {model.kind === "constant" && (
        <ConditionValueInput
          label={props.label}
          field={choice}
          operator={target?.type === "multiselect" ? "one_of" : "eq"}
          value={model.value}
          onChange={(value) => {
            props.onChange(value);
          }}
        />
      )}
    </Space>
  );
}

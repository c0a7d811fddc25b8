import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Expression, Form } from "@stagecraft/schemas";
import { Alert, Button, InputNumber, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ConditionEditor } from "./condition-editor.js";
import { conditionToLogic, logicToCondition } from "./condition-model.js";
import type { FieldChoice } from "./field-choices.js";
import {
  ARITHMETIC,
  formulaToLogic,
  logicToFormula,
  type FormulaModel,
  type Operand,
} from "./formula-model.js";
import { DATE_TYPES, NUMERIC_TYPES } from "../form/field-types.js";
import { textOf, type Lang } from "../shared/i18n-text.js";
import { removeAt, replaceAt } from "../shared/optional.js";

const FORMULA_KINDS: readonly FormulaModel["kind"][] = ["arithmetic", "sum_of", "days_between", "if"];
const OP_KEYS: Readonly<Record<(typeof ARITHMETIC)[number], string>> = {
  "+": "add",
  "-": "sub",
  "*": "mul",
  "/": "div",
};

function OperandInput(props: {
  value: Operand;
  fields: readonly FieldChoice[];
  allowToday?: boolean;
  label: string;
  onChange: (value: Operand) => void;
}) {
  const { t } = useTranslation("builder");
  const { value, fields, onChange } = props;
  const options = [
    ...fields.map((f) => ({ value: `field:${f.id}`, label: f.label })),
    { value: "number", label: t("formula.number") },
    ...(props.allowToday === true ? [{ value: "today", label: t("formula.today") }] : []),
  ];
  const current = value.kind === "field" ? `field:${value.field}` : value.kind;
  return (
    <Space>
      <Select
        aria-label={props.label}
        style={{ minWidth: 140 }}
        value={current}
        options={options}
        onChange={(next: string) => {
          if (next === "number") onChange({ kind: "number", value: 0 });
          else if (next === "today") onChange({ kind: "today" });
          else onChange({ kind: "field", field: next.slice("field:".length) });
        }}
      />
      {value.kind === "number" && (
        <InputNumber
          aria-label={`${props.label} ${t("formula.number")}`}
          value={value.value}
          onChange={(next) => {
            onChange({ kind: "number", value: typeof next === "number" ? next : 0 });
          }}
        />
      )}
    </Space>
  );
}

function defaultModel(
  kind: FormulaModel["kind"],
  numeric: readonly FieldChoice[],
  dates: readonly FieldChoice[],
  subforms: readonly { id: string; columns: readonly FieldChoice[] }[],
): FormulaModel {
  const firstNumber: Operand =
    numeric[0] === undefined ? { kind: "number", value: 0 } : { kind: "field", field: numeric[0].id };
  switch (kind) {
    case "arithmetic":
      return { kind, first: firstNumber, rest: [] };
    case "sum_of": {
      const sub = subforms[0];
      return { kind, subform: sub?.id ?? "", column: sub?.columns[0]?.id ?? "" };
    }
    case "days_between":
      return {
        kind,
        from: dates[0] === undefined ? { kind: "today" } : { kind: "field", field: dates[0].id },
        to: { kind: "today" },
      };
    case "if":
      return {
        kind,
        condition: { kind: "group", join: "and", items: [] },
        then: { kind: "number", value: 1 },
        otherwise: { kind: "number", value: 0 },
      };
  }
}

/** A formula built from menus: arithmetic over fields, a subform column total, days between dates, or if/else. */
export function FormulaEditor(props: {
  value: Expression;
  form: Form;
  fieldId: string;
  lang: Lang;
  conditionFields: readonly FieldChoice[];
  onChange: (value: Expression) => void;
}) {
  const { t } = useTranslation("builder");
  const { form, lang } = props;
  const others = form.fields.filter((f) => f.id !== props.fieldId);
  const choice = (f: (typeof others)[number]): FieldChoice => ({
    id: f.id,
    label: textOf(f.label, lang) || f.id,
    type: f.type,
  });
  const numeric = others.filter((f) => NUMERIC_TYPES.has(f.type) || f.type === "formula").map(choice);
  const dates = others.filter((f) => DATE_TYPES.has(f.type)).map(choice);
  const subforms = others.flatMap((f) =>
    f.type === "subform"
      ? [
          {
            id: f.id,
            label: textOf(f.label, lang) || f.id,
            columns: f.fields.filter((r) => NUMERIC_TYPES.has(r.type) || r.type === "formula").map(choice),
          },
        ]
      : [],
  );
  const model = logicToFormula(props.value);
  const set = (next: FormulaModel) => {
    props.onChange(formulaToLogic(next));
  };
  if (model === undefined) {
    return (
      <Alert
        type="info"
        title={t("formula.custom")}
        action={
          <Button
            size="small"
            onClick={() => {
              set(defaultModel("arithmetic", numeric, dates, subforms));
            }}
          >
            {t("condition.reset")}
          </Button>
        }
      />
    );
  }
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="formula-editor">
      <Select
        aria-label={t("formula.kind")}
        value={model.kind}
        style={{ width: "100%" }}
        options={FORMULA_KINDS.map((k) => ({ value: k, label: t(`formula.kinds.${k}`) }))}
        onChange={(kind: FormulaModel["kind"]) => {
          set(defaultModel(kind, numeric, dates, subforms));
        }}
      />
      {model.kind === "arithmetic" && (
        <>
          <OperandInput
            label={t("formula.operand", { n: 1 })}
            value={model.first}
            fields={numeric}
            onChange={(first) => {
              set({ ...model, first });
            }}
          />
          {model.rest.map((step, i) => (
            <Space key={i} wrap>
              <Select
                aria-label={t("formula.operator", { n: i + 1 })}
                value={step.op}
                style={{ width: 70 }}
                options={ARITHMETIC.map((op) => ({ value: op, label: t(`formula.ops.${OP_KEYS[op]}`) }))}
                onChange={(op: (typeof ARITHMETIC)[number]) => {
                  set({ ...model, rest: replaceAt(model.rest, i, { ...step, op }) });
                }}
              />
              <OperandInput
                label={t("formula.operand", { n: i + 2 })}
                value={step.operand}
                fields={numeric}
                onChange={(operand) => {
                  set({ ...model, rest: replaceAt(model.rest, i, { ...step, operand }) });
                }}
              />
              <Button
                type="text"
                aria-label={t("formula.removeStep")}
                icon={<DeleteOutlined />}
                onClick={() => {
                  set({ ...model, rest: removeAt(model.rest, i) });
                }}
              />
            </Space>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              set({ ...model, rest: [...model.rest, { op: "+", operand: { kind: "number", value: 0 } }] });
            }}
          >
            {t("formula.addStep")}
          </Button>
        </>
      )}
      {model.kind === "sum_of" &&
        (subforms.length === 0 ? (
          <Typography.Text type="warning">{t("formula.noSubform")}</Typography.Text>
        ) : (
          <Space wrap>
            <Select
              aria-label={t("formula.subform")}
              style={{ minWidth: 140 }}
              value={model.subform}
              options={subforms.map((s) => ({ value: s.id, label: s.label }))}
              onChange={(subform: string) => {
                set({
                  ...model,
                  subform,
                  column: subforms.find((s) => s.id === subform)?.columns[0]?.id ?? "",
                });
              }}
            />
            <Select
              aria-label={t("formula.column")}
              style={{ minWidth: 140 }}
              value={model.column}
              options={(subforms.find((s) => s.id === model.subform)?.columns ?? []).map((c) => ({
                value: c.id,
                label: c.label,
              }))}
              onChange={(column: string) => {
                set({ ...model, column });
              }}
            />
          </Space>
        ))}
      {model.kind === "days_between" && (
        <>
          <OperandInput
            label={t("formula.from")}
            value={model.from}
            fields={dates}
            allowToday
            onChange={(from) => {
              set({ ...model, from });
            }}
          />
          <OperandInput
            label={t("formula.to")}
            value={model.to}
            fields={dates}
            allowToday
            onChange={(to) => {
              set({ ...model, to });
            }}
          />
        </>
      )}
      {model.kind === "if" && (
        <>
          <Typography.Text>{t("formula.when")}</Typography.Text>
          <ConditionEditor
            value={conditionToLogic(model.condition)}
            fields={props.conditionFields}
            onChange={(value) => {
              set({ ...model, condition: logicToCondition(value) ?? model.condition });
            }}
          />
          <OperandInput
            label={t("formula.then")}
            value={model.then}
            fields={numeric}
            onChange={(then) => {
              set({ ...model, then });
            }}
          />
          <OperandInput
            label={t("formula.otherwise")}
            value={model.otherwise}
            fields={numeric}
            onChange={(otherwise) => {
              set({ ...model, otherwise });
            }}
          />
        </>
      )}
    </Space>
  );
}

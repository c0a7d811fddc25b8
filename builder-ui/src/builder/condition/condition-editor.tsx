import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Expression } from "@stagecraft/schemas";
import { Alert, Button, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import {
  conditionToLogic,
  logicToCondition,
  type ConditionGroup,
  type ConditionNode,
  type ConditionRule,
} from "./condition-model.js";
import { ConditionValueInput, defaultValueFor, operatorsFor } from "./condition-value-input.js";
import type { FieldChoice } from "./field-choices.js";
import { removeAt, replaceAt } from "../shared/optional.js";

function firstRule(fields: readonly FieldChoice[]): ConditionRule | undefined {
  const field = fields[0];
  if (field === undefined) return undefined;
  const operator = operatorsFor(field.type)[0] ?? "eq";
  return { kind: "rule", field: field.id, operator, value: defaultValueFor(field, operator) };
}

function RuleLine(props: {
  rule: ConditionRule;
  fields: readonly FieldChoice[];
  onChange: (rule: ConditionRule) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation("builder");
  const { rule, fields, onChange } = props;
  const field = fields.find((f) => f.id === rule.field);
  const operators = operatorsFor(field?.type ?? "text");
  return (
    <Space wrap data-testid="condition-line">
      <Select
        aria-label={t("condition.field")}
        style={{ minWidth: 150 }}
        value={rule.field}
        options={fields.map((f) => ({ value: f.id, label: f.label }))}
        onChange={(id: string) => {
          const next = fields.find((f) => f.id === id);
          const operator = operatorsFor(next?.type ?? "text")[0] ?? "eq";
          onChange({ kind: "rule", field: id, operator, value: defaultValueFor(next, operator) });
        }}
      />
      <Select
        aria-label={t("condition.operator")}
        style={{ minWidth: 120 }}
        value={rule.operator}
        options={operators.map((op) => ({ value: op, label: t(`condition.op.${op}`) }))}
        onChange={(operator: ConditionRule["operator"]) => {
          onChange({ ...rule, operator, value: defaultValueFor(field, operator) });
        }}
      />
      <ConditionValueInput
        label={t("condition.value")}
        field={field}
        operator={rule.operator}
        value={rule.value}
        onChange={(value) => {
          onChange({ ...rule, value });
        }}
      />
      <Button
        aria-label={t("condition.removeLine")}
        icon={<DeleteOutlined />}
        type="text"
        onClick={props.onRemove}
      />
    </Space>
  );
}

function GroupBox(props: {
  group: ConditionGroup;
  fields: readonly FieldChoice[];
  depth: number;
  onChange: (group: ConditionGroup) => void;
}) {
  const { t } = useTranslation("builder");
  const { group, fields, depth, onChange } = props;
  const setItem = (index: number, item: ConditionNode | undefined) => {
    const items = item === undefined ? removeAt(group.items, index) : replaceAt(group.items, index, item);
    onChange({ ...group, items });
  };
  const rule = firstRule(fields);
  return (
    <div
      data-testid="condition-group"
      style={{
        borderLeft: depth > 0 ? "3px solid #d6e4ff" : undefined,
        paddingLeft: depth > 0 ? 12 : 0,
        display: "flex",
        flexDirection: "column",
        gap: 8,
      }}
    >
      {group.items.length > 1 && (
        <Space>
          <Typography.Text type="secondary">{t("condition.matchPrefix")}</Typography.Text>
          <Select
            aria-label={t("condition.join")}
            value={group.join}
            style={{ width: 140 }}
            options={[
              { value: "and", label: t("condition.all") },
              { value: "or", label: t("condition.any") },
            ]}
            onChange={(join: "and" | "or") => {
              onChange({ ...group, join });
            }}
          />
        </Space>
      )}
      {group.items.map((item, index) =>
        item.kind === "rule" ? (
          <RuleLine
            key={index}
            rule={item}
            fields={fields}
            onChange={(next) => {
              setItem(index, next);
            }}
            onRemove={() => {
              setItem(index, undefined);
            }}
          />
        ) : (
          <GroupBox
            key={index}
            group={item}
            fields={fields}
            depth={depth + 1}
            onChange={(next) => {
              // A group whose last line was removed disappears with it.
              setItem(index, next.items.length === 0 ? undefined : next);
            }}
          />
        ),
      )}
      {rule !== undefined && (
        <Space>
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              onChange({ ...group, items: [...group.items, rule] });
            }}
          >
            {t("condition.addLine")}
          </Button>
          {depth < 2 && (
            <Button
              size="small"
              onClick={() => {
                const join = group.join === "and" ? "or" : "and";
                onChange({ ...group, items: [...group.items, { kind: "group", join, items: [rule] }] });
              }}
            >
              {t("condition.addGroup")}
            </Button>
          )}
        </Space>
      )}
    </div>
  );
}

/**
 * A condition built from menus (field → operator → value, all/any groups), read from and written
 * as the JSON Logic the schemas accept; undefined means "always".
 */
export function ConditionEditor(props: {
  value: Expression | undefined;
  fields: readonly FieldChoice[];
  onChange: (value: Expression | undefined) => void;
}) {
  const { t } = useTranslation("builder");
  const group = logicToCondition(props.value);
  if (props.fields.length === 0)
    return <Typography.Text type="secondary">{t("condition.noFields")}</Typography.Text>;
  if (group === undefined) {
    return (
      <Alert
        type="info"
        title={t("condition.custom")}
        action={
          <Button
            size="small"
            onClick={() => {
              props.onChange(undefined);
            }}
          >
            {t("condition.reset")}
          </Button>
        }
      />
    );
  }
  return (
    <div>
      {group.items.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t("condition.none")}
        </Typography.Paragraph>
      )}
      <GroupBox
        group={group}
        fields={props.fields}
        depth={0}
        onChange={(next) => {
          props.onChange(conditionToLogic(next));
        }}
      />
    </div>
  );
}

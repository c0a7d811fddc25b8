import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Expression, Form } from "@stagecraft/schemas";
import { Button, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { textOf, type Lang } from "../shared/i18n-text.js";
import { constantFor, writableFields } from "./rule-factory.js";
import { ValueInput } from "./value-input.js";

/** Field → value pairs written into records of `target` (values read the triggering record of `source`). */
export function FieldValuesEditor(props: {
  label: string;
  value: Readonly<Record<string, Expression>> | undefined;
  target: Form | undefined;
  source: Form | undefined;
  lang: Lang;
  numericOnly?: boolean;
  onChange: (value: Record<string, Expression>) => void;
}) {
  const { t } = useTranslation("builder");
  const entries = Object.entries(props.value ?? {});
  const fields = writableFields(props.target).filter(
    (f) => props.numericOnly !== true || f.type === "number" || f.type === "money" || f.type === "percent",
  );
  const unused = fields.filter((f) => !entries.some(([id]) => id === f.id));
  const rebuild = (pairs: [string, Expression][]) => {
    props.onChange(Object.fromEntries(pairs));
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {entries.length === 0 && <Typography.Text type="secondary">{t("rules.noValues")}</Typography.Text>}
      {entries.map(([id, expr], i) => (
        <Space key={id} wrap>
          <Select<string>
            aria-label={`${props.label} ${t("rules.fieldN", { n: i + 1 })}`}
            style={{ width: 150 }}
            value={id}
            options={fields
              .filter((f) => f.id === id || unused.includes(f))
              .map((f) => ({ value: f.id, label: textOf(f.label, props.lang) || f.id }))}
            onChange={(next) => {
              const field = fields.find((f) => f.id === next);
              rebuild(entries.map(([key, v]) => (key === id ? [next, constantFor(field)] : [key, v])));
            }}
          />
          <span>=</span>
          <ValueInput
            label={`${props.label} ${t("rules.valueN", { n: i + 1 })}`}
            target={fields.find((f) => f.id === id)}
            source={props.source}
            lang={props.lang}
            value={expr}
            onChange={(v) => {
              rebuild(entries.map(([key, old]) => (key === id ? [key, v] : [key, old])));
            }}
          />
          <Button
            type="text"
            aria-label={`${props.label} ${t("rules.removeValue", { n: i + 1 })}`}
            icon={<DeleteOutlined />}
            onClick={() => {
              rebuild(entries.filter(([key]) => key !== id));
            }}
          />
        </Space>
      ))}
      {unused[0] !== undefined && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => {
            const f = unused[0];
            if (f) rebuild([...entries, [f.id, constantFor(f)]]);
          }}
        >
          {t("rules.addValue")}
        </Button>
      )}
    </Space>
  );
}

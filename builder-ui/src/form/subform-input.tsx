import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Table } from "antd";
import type { RowField, SubformField } from "@stagecraft/schemas";
import { useTranslation } from "react-i18next";
import { isObject } from "../api/guards.js";
import { useLocalized } from "../i18n/localized.js";
import { ErrorText } from "./error-text.js";
import type { FieldError } from "./field-errors.js";
import type { InputProps } from "./input-props.js";
import { ScalarInput } from "./scalar-input.js";

type Row = Record<string, unknown>;
/** Table rows carry only their position: the values live in the form store. */
interface RowKey {
  index: number;
}

function rowsOf(value: unknown): Row[] {
  return Array.isArray(value) ? value.map((row: unknown) => (isObject(row) ? row : {})) : [];
}

/** A subform: a table of rows, each with its own fields; row formulas come from the engine. */
export function SubformInput({
  field,
  value,
  computed,
  onChange,
  disabled,
  id,
  errors,
  rowVisible,
}: InputProps<SubformField> & {
  computed: unknown;
  errors: readonly FieldError[] | undefined;
  /** Per row, its visible fields (from the engine); undefined shows every field. */
  rowVisible?: readonly ReadonlySet<string>[] | undefined;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const rows = rowsOf(value);
  const computedRows = rowsOf(computed);
  const setCell = (index: number, fieldId: string, cell: unknown) => {
    onChange(rows.map((row, i) => (i === index ? { ...row, [fieldId]: cell } : row)));
  };
  const rowError = (index: number, fieldId: string) =>
    errors?.filter(
      (error) => error.sub === `${index}/${fieldId}` || error.sub.startsWith(`${index}/${fieldId}/`),
    );
  const columns = field.fields.map((rowField: RowField) => ({
    key: rowField.id,
    title: (
      <span className={rowField.required === true ? "field-label required" : "field-label"}>
        {localized(rowField.label)}
      </span>
    ),
    render: (_: unknown, { index }: RowKey) =>
      rowVisible?.[index]?.has(rowField.id) === false ? null : (
        <div data-row-field={`${index}/${rowField.id}`}>
          <ScalarInput
            field={rowField}
            id={`${id}-${index}-${rowField.id}`}
            value={rows[index]?.[rowField.id]}
            computed={computedRows[index]?.[rowField.id]}
            disabled={disabled}
            onChange={(cell) => {
              setCell(index, rowField.id, cell);
            }}
          />
          <ErrorText errors={rowError(index, rowField.id)} />
        </div>
      ),
  }));
  const full = rows.length >= (field.maxRows ?? 1000);
  return (
    <div id={id}>
      <Table
        size="small"
        pagination={false}
        scroll={{ x: true }}
        rowKey="index"
        dataSource={rows.map((_row, index) => ({ index }))}
        columns={[
          ...columns,
          {
            key: "remove",
            title: "",
            render: (_: unknown, { index }: RowKey) => (
              <Button
                aria-label={t("form.removeRow", { n: index + 1 })}
                icon={<DeleteOutlined />}
                type="text"
                disabled={disabled}
                onClick={() => {
                  onChange(rows.filter((_row, i) => i !== index));
                }}
              />
            ),
          },
        ]}
      />
      <Button
        icon={<PlusOutlined />}
        type="dashed"
        disabled={disabled || full}
        style={{ marginTop: 8 }}
        onClick={() => {
          onChange([...rows, {}]);
        }}
      >
        {t("form.addRow")}
      </Button>
      <ErrorText errors={errors?.filter((error) => !/^\d+\//.test(error.sub))} />
    </div>
  );
}

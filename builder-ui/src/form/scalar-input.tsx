import type { Field } from "@stagecraft/schemas";
import { useTranslation } from "react-i18next";
import type { ReactNode } from "react";
import { FormulaValue } from "./formula-value.js";
import type { InputProps } from "./input-props.js";
import {
  BooleanInput,
  DateInput,
  NumberInput,
  RatingInput,
  TextareaInput,
  TextInput,
} from "./inputs-basic.js";
import { DepartmentInput, ReferenceInput, SelectInput, UserInput } from "./inputs-choice.js";
import { AddressInput, FileInput, SignatureInput } from "./inputs-rich.js";

/** The field types that hold one value of their own (no rows, no layout). */
export type ScalarField = Exclude<Field, { type: "subform" | "section" }>;

/**
 * The input for one scalar field, chosen by its type. `computed` is the value the engine derived
 * (what formula fields show). A field type without a case here is a compile error.
 */
export function ScalarInput(props: InputProps<ScalarField> & { computed: unknown }): ReactNode {
  const { t } = useTranslation();
  const { field, computed, ...rest } = props;
  switch (field.type) {
    case "text":
    case "phone":
    case "email":
    case "url":
      return <TextInput {...rest} field={field} />;
    case "textarea":
      return <TextareaInput {...rest} field={field} />;
    case "number":
    case "money":
    case "percent":
      return <NumberInput {...rest} field={field} />;
    case "boolean":
      return <BooleanInput {...rest} field={field} />;
    case "date":
    case "datetime":
      return <DateInput {...rest} field={field} />;
    case "select":
    case "multiselect":
      return <SelectInput {...rest} field={field} />;
    case "user":
      return <UserInput {...rest} field={field} />;
    case "department":
      return <DepartmentInput {...rest} field={field} />;
    case "reference":
      return <ReferenceInput {...rest} field={field} />;
    case "file":
    case "image":
      return <FileInput {...rest} field={field} />;
    case "address":
      return <AddressInput {...rest} field={field} />;
    case "rating":
      return <RatingInput {...rest} field={field} />;
    case "signature":
      return <SignatureInput {...rest} field={field} />;
    case "formula":
      return (
        <FormulaValue
          id={rest.id}
          value={computed}
          resultType={field.resultType}
          precision={field.precision}
        />
      );
    case "serial":
      return (
        <output id={rest.id}>{typeof rest.value === "string" ? rest.value : t("form.serialPending")}</output>
      );
  }
}

/** Whether a field takes input (formulas, serials and sections only show). */
export function takesInput(field: Field): boolean {
  return field.type !== "formula" && field.type !== "serial" && field.type !== "section";
}

import type { ReactNode } from "react";
import type { FieldError } from "./field-errors.js";
import type { InputProps } from "./input-props.js";
import { ScalarInput } from "./scalar-input.js";
import { SubformInput } from "./subform-input.js";

/** The input of any field: a subform's table of rows, nothing for a section, else a scalar input. */
export function FieldInput(
  props: InputProps & {
    computed: unknown;
    errors: readonly FieldError[] | undefined;
    rowVisible?: readonly ReadonlySet<string>[] | undefined;
  },
): ReactNode {
  const { field, errors, rowVisible, ...rest } = props;
  if (field.type === "section") return null;
  if (field.type === "subform")
    return <SubformInput {...rest} field={field} errors={errors} rowVisible={rowVisible} />;
  return <ScalarInput {...rest} field={field} />;
}

import type { Field } from "@stagecraft/schemas";
import { isPlainObject, type Normalizer } from "./field-value.js";
import type { FieldSite } from "./field-site.js";
import { addressNormalizer } from "./normalize-address.js";
import { attachmentNormalizer } from "./normalize-attachment.js";
import { booleanNormalizer, multiselectNormalizer, selectNormalizer } from "./normalize-choice.js";
import { dateNormalizer, datetimeNormalizer } from "./normalize-date.js";
import { idNormalizer } from "./normalize-id.js";
import { numberNormalizer, ratingNormalizer } from "./normalize-number.js";
import {
  emailNormalizer,
  phoneNormalizer,
  signatureNormalizer,
  textNormalizer,
  urlNormalizer,
} from "./normalize-text.js";

/** A field that takes one value from the input: not computed, not layout, not a table of rows. */
export type ScalarField = Exclude<Field, { type: "formula" | "serial" | "section" | "subform" }>;

/** The normalizer of a scalar field; an unknown type is a compile error. */
export function scalarNormalizer(field: ScalarField, site: FieldSite): Normalizer {
  switch (field.type) {
    case "text":
    case "textarea":
      return textNormalizer(field, site);
    case "number":
    case "money":
    case "percent":
      return numberNormalizer(field, site);
    case "rating":
      return ratingNormalizer(field, site);
    case "boolean":
      return booleanNormalizer(site);
    case "date":
      return dateNormalizer(field, site);
    case "datetime":
      return datetimeNormalizer(site);
    case "select":
      return selectNormalizer(field, site);
    case "multiselect":
      return multiselectNormalizer(field, site);
    case "user":
    case "department":
    case "reference":
      return idNormalizer(field, site);
    case "file":
    case "image":
      return attachmentNormalizer(field, site);
    case "phone":
      return phoneNormalizer(site);
    case "email":
      return emailNormalizer(site);
    case "url":
      return urlNormalizer(site);
    case "address":
      return addressNormalizer(field, site);
    case "signature":
      return signatureNormalizer(site);
    default: {
      const unexpected: never = field;
      return site.fail("FORM_UNKNOWN_FIELD_TYPE", `unknown field type ${typeLabel(unexpected)}`);
    }
  }
}

/** The `type` of a field the union does not know, for the error message. */
function typeLabel(field: unknown): string {
  const type = isPlainObject(field) ? field["type"] : undefined;
  return typeof type === "string" ? `"${type}"` : `of kind ${typeof type}`;
}

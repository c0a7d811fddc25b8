import { Type, type Static, type TSchema } from "@sinclair/typebox";
import {
  ExpressionSchema,
  I18nTextSchema,
  IdSchema,
  IsoDateSchema,
  Strict,
  TaggedUnion,
  type JsonValue,
} from "./common.js";

/** Limits that keep one form renderable and its validation fast. */
export const FIELD_LIMITS = {
  fieldsPerForm: 500,
  optionsPerSelect: 500,
  subformRows: 1000,
  textLength: 100_000,
  patternLength: 500,
} as const;

/** Keys every field has, whatever its type. */
const base = {
  id: IdSchema,
  label: I18nTextSchema,
  required: Type.Optional(Type.Boolean({ description: "must be filled when visible" })),
  help: Type.Optional(I18nTextSchema),
  placeholder: Type.Optional(I18nTextSchema),
  default: Type.Optional(
    Type.Unsafe<JsonValue>({ description: "value used when the input omits the field" }),
  ),
  visibleWhen: Type.Optional(ExpressionSchema),
  readOnlyWhen: Type.Optional(ExpressionSchema),
  width: Type.Optional(Type.Union([Type.Literal("full"), Type.Literal("half"), Type.Literal("third")])),
};

function field<T extends string, P extends Record<string, TSchema>>(type: T, props: P, description: string) {
  return Strict({ ...base, type: Type.Literal(type), ...props }, { description });
}

const lengthLimits = {
  minLength: Type.Optional(Type.Integer({ minimum: 0, maximum: FIELD_LIMITS.textLength })),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: FIELD_LIMITS.textLength })),
};
const numberLimits = {
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  precision: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, description: "decimal places kept" })),
};

/** One choice of a select or multiselect. */
export const OptionSchema = Strict({
  value: Type.String({ minLength: 1, maxLength: 100 }),
  label: I18nTextSchema,
  color: Type.Optional(Type.String({ pattern: "^#[0-9a-fA-F]{6}$" })),
});
export type Option = Static<typeof OptionSchema>;
const options = Type.Array(OptionSchema, { minItems: 1, maxItems: FIELD_LIMITS.optionsPerSelect });

export const TextFieldSchema = field(
  "text",
  {
    ...lengthLimits,
    pattern: Type.Optional(
      Type.String({ maxLength: FIELD_LIMITS.patternLength, description: "RE2 syntax: linear time" }),
    ),
    patternMessage: Type.Optional(I18nTextSchema),
  },
  "one line of text",
);
export const TextareaFieldSchema = field("textarea", lengthLimits, "several lines of text");
export const NumberFieldSchema = field(
  "number",
  { ...numberLimits, unit: Type.Optional(Type.String({ maxLength: 20 })) },
  "a number",
);
export const MoneyFieldSchema = field(
  "money",
  { ...numberLimits, currency: Type.Optional(Type.String({ pattern: "^[A-Z]{3}$", default: "CNY" })) },
  "an amount of money (precision 2 unless set)",
);
export const PercentFieldSchema = field(
  "percent",
  numberLimits,
  "a ratio stored as a fraction: 0.15 is 15 %",
);
export const BooleanFieldSchema = field("boolean", {}, "yes or no");
export const DateFieldSchema = field(
  "date",
  { min: Type.Optional(IsoDateSchema), max: Type.Optional(IsoDateSchema) },
  "a calendar date, YYYY-MM-DD",
);
export const DatetimeFieldSchema = field("datetime", {}, "an instant, ISO 8601 with offset");
export const SelectFieldSchema = field("select", { options }, "one of the options");
export const MultiselectFieldSchema = field(
  "multiselect",
  {
    options,
    minSelected: Type.Optional(Type.Integer({ minimum: 0 })),
    maxSelected: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  "several of the options",
);
export const UserFieldSchema = field(
  "user",
  { multiple: Type.Optional(Type.Boolean()) },
  "a member of the workspace (user id)",
);
export const DepartmentFieldSchema = field(
  "department",
  { multiple: Type.Optional(Type.Boolean()) },
  "a department of the workspace",
);
export const ReferenceFieldSchema = field(
  "reference",
  {
    form: IdSchema,
    displayField: Type.Optional(IdSchema),
    multiple: Type.Optional(Type.Boolean()),
  },
  "a record of another form (record id)",
);
const fileLimits = {
  maxFiles: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  maxSizeMb: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1024 })),
  accept: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
};
export const FileFieldSchema = field("file", fileLimits, "uploaded files");
export const ImageFieldSchema = field("image", fileLimits, "uploaded images");
export const PhoneFieldSchema = field("phone", {}, "a phone number");
export const EmailFieldSchema = field("email", {}, "an email address");
export const UrlFieldSchema = field("url", {}, "an http(s) address");
export const AddressFieldSchema = field(
  "address",
  { detailRequired: Type.Optional(Type.Boolean()) },
  "a postal address: province, city, district, detail",
);
export const RatingFieldSchema = field(
  "rating",
  { max: Type.Optional(Type.Integer({ minimum: 3, maximum: 10 })) },
  "a score from 1 to max (default 5)",
);
export const SerialFieldSchema = field(
  "serial",
  {
    prefix: Type.Optional(Type.String({ maxLength: 20 })),
    digits: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  },
  "an automatic number assigned on creation",
);
export const SignatureFieldSchema = field("signature", {}, "a drawn signature (image data)");

/** The value type a formula produces (how it is shown and compared). */
export const FormulaResultTypeSchema = Type.Union([
  Type.Literal("number"),
  Type.Literal("money"),
  Type.Literal("percent"),
  Type.Literal("text"),
  Type.Literal("date"),
  Type.Literal("boolean"),
]);
export type FormulaResultType = Static<typeof FormulaResultTypeSchema>;
export const FormulaFieldSchema = field(
  "formula",
  {
    expression: ExpressionSchema,
    resultType: FormulaResultTypeSchema,
    precision: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
  },
  "computed from other fields; input for it is ignored",
);
export const SectionFieldSchema = field(
  "section",
  { collapsed: Type.Optional(Type.Boolean()) },
  "a heading that groups the fields after it (layout only, holds no value)",
);

/** The field types a subform row may hold (no nested subforms or sections). */
const rowFieldMembers = [
  TextFieldSchema,
  TextareaFieldSchema,
  NumberFieldSchema,
  MoneyFieldSchema,
  PercentFieldSchema,
  BooleanFieldSchema,
  DateFieldSchema,
  DatetimeFieldSchema,
  SelectFieldSchema,
  MultiselectFieldSchema,
  UserFieldSchema,
  DepartmentFieldSchema,
  ReferenceFieldSchema,
  FileFieldSchema,
  ImageFieldSchema,
  PhoneFieldSchema,
  EmailFieldSchema,
  UrlFieldSchema,
  AddressFieldSchema,
  RatingFieldSchema,
  SignatureFieldSchema,
  FormulaFieldSchema,
];
export const RowFieldSchema = TaggedUnion(rowFieldMembers);
export type RowField = Static<typeof RowFieldSchema>;

export const SubformFieldSchema = field(
  "subform",
  {
    fields: Type.Array(RowFieldSchema, { minItems: 1, maxItems: 100 }),
    minRows: Type.Optional(Type.Integer({ minimum: 0 })),
    maxRows: Type.Optional(Type.Integer({ minimum: 1, maximum: FIELD_LIMITS.subformRows })),
  },
  "a table of rows, each with its own fields",
);

export const FieldSchema = TaggedUnion([
  ...rowFieldMembers,
  SerialFieldSchema,
  SubformFieldSchema,
  SectionFieldSchema,
]);
/** A field of a form: a discriminated union on `type`. */
export type Field = Static<typeof FieldSchema>;
export type FieldType = Field["type"];
export type SubformField = Extract<Field, { type: "subform" }>;
export type FormulaField = Extract<Field, { type: "formula" }>;

/** Every field type, in palette order. */
export const FIELD_TYPES: readonly FieldType[] = [
  "text",
  "textarea",
  "number",
  "money",
  "percent",
  "boolean",
  "date",
  "datetime",
  "select",
  "multiselect",
  "user",
  "department",
  "reference",
  "subform",
  "file",
  "image",
  "phone",
  "email",
  "url",
  "address",
  "rating",
  "serial",
  "signature",
  "formula",
  "section",
];

import { Type, type Static, type TSchema, type TObject } from "@sinclair/typebox";

/** Keys that must never be used as ids or data keys: they reach object prototypes. */
export const FORBIDDEN_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

/** Text shown to people, in Chinese (primary) and English. */
export const I18nTextSchema = Type.Object(
  {
    zh: Type.String({ minLength: 1, maxLength: 2000 }),
    en: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type I18nText = Static<typeof I18nTextSchema>;

/** snake_case id of a form, field, stage, rule, KPI, dashboard or widget. */
export const IdSchema = Type.String({
  pattern: "^[a-z][a-z0-9_]{0,62}$",
  not: { enum: [...FORBIDDEN_KEYS] },
  description: "snake_case id, unique in its scope",
});

/** kebab-case id of an app or template. */
export const AppIdSchema = Type.String({
  pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
  maxLength: 64,
  description: "kebab-case app id",
});

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A JSON Logic expression (jsonlogic.com) with Stagecraft's documented extra operators.
 * Shape and depth are checked semantically (the engine compiles it); here it is any JSON.
 */
export const ExpressionSchema = Type.Unsafe<JsonValue>({
  $comment: "JSON Logic expression; see the engine's expression docs for the operators",
});
export type Expression = Static<typeof ExpressionSchema>;

/** A user id (members are managed by the runtime). */
export const UserIdSchema = Type.String({ minLength: 1, maxLength: 64 });

/** Roles of a workspace member. */
export const RoleSchema = Type.Union([
  Type.Literal("admin"),
  Type.Literal("builder"),
  Type.Literal("member"),
  Type.Literal("viewer"),
]);
export type Role = Static<typeof RoleSchema>;

/** An ISO calendar date, "YYYY-MM-DD". */
export const IsoDateSchema = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });

/**
 * A union discriminated by its `type` property: ajv picks the branch from `type`, so errors name
 * the fields of that branch instead of every branch's. Each branch requires `type`; a top-level
 * `required` would trip ajv's strictRequired (no top-level `properties`) and double-report a
 * missing tag.
 */
export function TaggedUnion<T extends TObject[]>(members: [...T]) {
  return Type.Unsafe<Static<T[number]>>({
    type: "object",
    discriminator: { propertyName: "type" },
    oneOf: members,
  });
}

/** An object schema that rejects unknown keys (typos in definitions must not pass silently). */
export function Strict<P extends Record<string, TSchema>>(
  properties: P,
  options: { description?: string } = {},
) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

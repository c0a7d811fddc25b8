import { Type, type Static } from "@sinclair/typebox";
import { AppIdSchema, I18nTextSchema, IdSchema, IsoDateSchema, Strict } from "./common.js";
import { DashboardSchema } from "./dashboard.js";
import { FormSchema } from "./form.js";
import { KpiSchema } from "./kpi.js";
import { RuleSchema } from "./rule.js";

/** Working days for SLAs and approval due times. */
export const CalendarSchema = Strict({
  id: IdSchema,
  weekend: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { maxItems: 7, description: "0 = Sunday" }),
  holidays: Type.Optional(Type.Array(IsoDateSchema, { maxItems: 1000 })),
  workdays: Type.Optional(
    Type.Array(IsoDateSchema, { maxItems: 1000, description: "weekend days worked (调休)" }),
  ),
});
export type Calendar = Static<typeof CalendarSchema>;

/** App-wide settings. */
export const AppSettingsSchema = Strict({
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  cascadeDepth: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 20, description: "rule cascade limit, default 5" }),
  ),
  calendar: Type.Optional(IdSchema),
});
export type AppSettings = Static<typeof AppSettingsSchema>;

export const APP_SCHEMA_ID = "https://stagecraft.dev/schemas/app.schema.json";

/** A whole app: forms with pipelines, automation rules, KPIs and dashboards. */
export const AppDefinitionSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    id: AppIdSchema,
    name: I18nTextSchema,
    description: Type.Optional(I18nTextSchema),
    forms: Type.Array(FormSchema, { minItems: 1, maxItems: 100 }),
    rules: Type.Optional(Type.Array(RuleSchema, { maxItems: 1000 })),
    kpis: Type.Optional(Type.Array(KpiSchema, { maxItems: 200 })),
    dashboards: Type.Optional(Type.Array(DashboardSchema, { maxItems: 50 })),
    calendars: Type.Optional(Type.Array(CalendarSchema, { maxItems: 20 })),
    settings: Type.Optional(AppSettingsSchema),
  },
  { additionalProperties: false, $id: APP_SCHEMA_ID },
);
export type AppDefinition = Static<typeof AppDefinitionSchema>;

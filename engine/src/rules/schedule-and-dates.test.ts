import type { Rule } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { dateOffsetTargets } from "./date-offset.js";
import { dueScheduleRules } from "./due-schedules.js";
import { testApp, text } from "./test-app.js";

const notify = [{ type: "notify" as const, to: [{ type: "owner" as const }], title: text("x") }];

describe("dueScheduleRules", () => {
  const rules: Rule[] = [
    {
      id: "ny_morning",
      trigger: { type: "schedule", cron: "0 9 * * *", timeZone: "America/New_York" },
      actions: notify,
    },
    {
      id: "sh_morning",
      trigger: { type: "schedule", cron: "0 9 * * *", timeZone: "Asia/Shanghai" },
      actions: notify,
    },
    {
      id: "sh_same",
      trigger: { type: "schedule", cron: "0 9 * * *", timeZone: "Asia/Shanghai" },
      actions: notify,
    },
    {
      id: "off",
      enabled: false,
      trigger: { type: "schedule", cron: "* * * * *", timeZone: "UTC" },
      actions: notify,
    },
    { id: "created", trigger: { type: "record.created", form: "deal" }, actions: notify },
  ];
  const app = testApp({ rules });

  it("reports every firing of every enabled schedule rule in the tick, by time then rule order", () => {
    expect(dueScheduleRules(app, "2026-03-01T00:00:00Z", "2026-03-02T14:00:00Z")).toEqual([
      { ruleId: "sh_morning", at: "2026-03-01T01:00:00.000Z" },
      { ruleId: "sh_same", at: "2026-03-01T01:00:00.000Z" },
      { ruleId: "ny_morning", at: "2026-03-01T14:00:00.000Z" },
      { ruleId: "sh_morning", at: "2026-03-02T01:00:00.000Z" },
      { ruleId: "sh_same", at: "2026-03-02T01:00:00.000Z" },
      { ruleId: "ny_morning", at: "2026-03-02T14:00:00.000Z" },
    ]);
  });

  it("reports nothing for a tick without firings", () => {
    expect(dueScheduleRules(app, "2026-03-01T02:00:00Z", "2026-03-01T03:00:00Z")).toEqual([]);
  });
});

describe("dateOffsetTargets", () => {
  const rules: Rule[] = [
    {
      id: "renewal",
      trigger: { type: "date.offset", form: "contract", field: "end_date", days: -60 },
      actions: notify,
    },
    {
      id: "after_sign",
      trigger: { type: "date.offset", form: "contract", field: "sign_date", days: 30, at: "10:00" },
      actions: notify,
    },
    {
      id: "shanghai",
      trigger: {
        type: "date.offset",
        form: "deal",
        field: "close",
        days: 0,
        at: "17:00",
        timeZone: "Asia/Shanghai",
      },
      actions: notify,
    },
    {
      id: "off",
      enabled: false,
      trigger: { type: "date.offset", form: "deal", field: "close", days: 1 },
      actions: notify,
    },
  ];
  const app = testApp({ rules });

  it("gives the date records must hold today, once each rule's time of day has come", () => {
    expect(dateOffsetTargets(app, { now: "2026-03-02T09:30:00Z" })).toEqual([
      { ruleId: "renewal", formId: "contract", field: "end_date", date: "2026-05-01" },
      { ruleId: "shanghai", formId: "deal", field: "close", date: "2026-03-02" },
    ]);
    expect(dateOffsetTargets(app, { now: "2026-03-02T10:00:00Z" })).toContainEqual({
      ruleId: "after_sign",
      formId: "contract",
      field: "sign_date",
      date: "2026-01-31",
    });
  });

  it("reads today in the rule's zone, else the context's, else the app's", () => {
    // 2026-03-02T20:00Z is already 03-03 in Shanghai (04:00, before the rule's 17:00).
    const late = dateOffsetTargets(app, { now: "2026-03-02T20:00:00Z", timeZone: "Asia/Shanghai" });
    expect(late).toEqual([{ ruleId: "renewal", formId: "contract", field: "end_date", date: "2026-05-02" }]);
    const later = dateOffsetTargets(app, { now: "2026-03-03T02:00:00Z", timeZone: "Asia/Shanghai" });
    expect(later).toContainEqual({
      ruleId: "after_sign",
      formId: "contract",
      field: "sign_date",
      date: "2026-02-01",
    });
    const appZone = testApp({ rules, timeZone: "America/New_York" });
    expect(dateOffsetTargets(appZone, { now: "2026-03-02T03:00:00Z" })[0]).toMatchObject({
      date: "2026-04-30",
    });
  });
});

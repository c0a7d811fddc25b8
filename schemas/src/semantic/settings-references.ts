import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import { indexApp } from "./app-index.js";
import { issue } from "./issue.js";
import { checkTimeZone } from "./schedule.js";

/** App settings: the calendar they name exists, the time zone is a real one. */
export function checkSettingsReferences(app: AppDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const settings = app.settings;
  if (!settings) return issues;
  checkTimeZone(settings.timeZone, "/settings/timeZone", issues);
  const calendar = settings.calendar;
  if (calendar !== undefined && !indexApp(app).calendars.has(calendar)) {
    issues.push(
      issue("/settings/calendar", "unknown_calendar", `the app has no calendar "${calendar}"`, { calendar }),
    );
  }
  return issues;
}

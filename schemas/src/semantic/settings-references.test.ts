import { describe, expect, test } from "vitest";
import { salesAppFixture } from "../test-fixtures.js";
import { changed, problems } from "../test-helpers.js";
import { checkSettingsReferences } from "./settings-references.js";

describe("checkSettingsReferences", () => {
  test("the fixture's settings are consistent", () => {
    expect(checkSettingsReferences(salesAppFixture())).toEqual([]);
  });

  test("no settings, nothing to check", () => {
    const app = changed((a) => {
      delete a.settings;
    });
    expect(checkSettingsReferences(app)).toEqual([]);
  });

  test("the calendar exists and the time zone is real", () => {
    const app = changed((a) => {
      a.settings = { timeZone: "Asia/Shangai", calendar: "cn_2026" };
    });
    expect(problems(app)).toEqual([
      "invalid_time_zone /settings/timeZone",
      "unknown_calendar /settings/calendar",
    ]);
    expect(checkSettingsReferences(app)[0]?.params).toEqual({ timeZone: "Asia/Shangai" });
  });
});

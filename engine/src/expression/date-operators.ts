/**
 * Date extras. Inputs are "YYYY-MM-DD" dates or ISO instants; instants count in ctx.timeZone
 * (default UTC) and "now" is ctx.now, never the clock. Invalid or missing inputs give null.
 */
import { civilFromDays, DAY_MS, formatDay } from "../time/civil-date.js";
import { isPeriodUnit, periodKey } from "../time/period-key.js";
import type { EvalContext } from "./eval-context.js";
import { numericValue } from "./json-coercion.js";
import { localDay, parseMoment } from "./moment.js";
import type { Evaluator, OperatorDefinition, OperatorGroup } from "./operator-definition.js";
import { ABSENT, badArguments } from "./operator-definition.js";
import { binary } from "./operator-shapes.js";

/** Names of the date operators. */
export type DateOperatorName =
  "today" | "days_since" | "days_between" | "add_days" | "year" | "month" | "period" | "elapsed_ratio";

function timeZoneOf(ctx?: EvalContext): string {
  return ctx?.timeZone ?? "UTC";
}

function dayOf(value: unknown, ctx?: EvalContext): number | null {
  return localDay(value, timeZoneOf(ctx));
}

/** A one-date operator: the day number of its argument mapped to a result. */
function ofDay(map: (days: number) => unknown): OperatorDefinition {
  return {
    minArgs: 1,
    maxArgs: 1,
    compile: ([date = ABSENT]) => {
      const run = date.run;
      return (data, ctx) => {
        const days = dayOf(run(data, ctx), ctx);
        return days === null ? null : map(days);
      };
    },
  };
}

/** The wall time an end bound stands for: a date-only end includes its whole day. */
function endWall(value: unknown, timeZone: string): number | null {
  const moment = parseMoment(value, timeZone);
  if (moment === null) return null;
  return moment.dateOnly ? moment.wall + DAY_MS : moment.wall;
}

const compileElapsedRatio: OperatorDefinition["compile"] = ([start = ABSENT, end = ABSENT]): Evaluator => {
  const from = start.run;
  const to = end.run;
  return (data, ctx) => {
    const zone = timeZoneOf(ctx);
    const begin = parseMoment(from(data, ctx), zone)?.wall ?? null;
    const finish = endWall(to(data, ctx), zone);
    const now = parseMoment(ctx?.now, zone)?.wall ?? null;
    if (begin === null || finish === null || now === null || finish <= begin) return null;
    return Math.min(1, Math.max(0, (now - begin) / (finish - begin)));
  };
};

/** Handlers of the date operators. */
export const DATE_OPERATORS: OperatorGroup<DateOperatorName> = {
  today: {
    minArgs: 0,
    maxArgs: 0,
    compile: () => (_data, ctx) => {
      const days = dayOf(ctx?.now, ctx);
      return days === null ? null : formatDay(days);
    },
  },
  days_since: {
    minArgs: 1,
    maxArgs: 1,
    compile: ([date = ABSENT]) => {
      const run = date.run;
      return (data, ctx) => {
        const from = dayOf(run(data, ctx), ctx);
        const to = dayOf(ctx?.now, ctx);
        return from === null || to === null ? null : to - from;
      };
    },
  },
  days_between: binary((first, second, ctx) => {
    const from = dayOf(first, ctx);
    const to = dayOf(second, ctx);
    return from === null || to === null ? null : to - from;
  }),
  // Whole days: a fractional count is truncated toward zero.
  add_days: binary((date, count, ctx) => {
    const days = dayOf(date, ctx);
    const shift = numericValue(count);
    return days === null || shift === null ? null : formatDay(days + Math.trunc(shift));
  }),
  year: ofDay((days) => civilFromDays(days).year),
  month: ofDay((days) => civilFromDays(days).month),
  // A literal unknown unit is a compile error; a computed one gives null.
  period: {
    minArgs: 2,
    maxArgs: 2,
    compile: ([date = ABSENT, unit = ABSENT]) => {
      if (unit.constant && !isPeriodUnit(unit.value)) {
        throw badArguments(unit.pointer, "period unit must be day, week, month, quarter or year");
      }
      const a = date.run;
      const b = unit.run;
      return (data, ctx) => {
        const days = dayOf(a(data, ctx), ctx);
        const by = b(data, ctx);
        return days === null || !isPeriodUnit(by) ? null : periodKey(days, by);
      };
    },
  },
  // Wall-clock fraction of [start, end] elapsed at ctx.now; a date-only end includes its day.
  elapsed_ratio: { minArgs: 2, maxArgs: 2, compile: compileElapsedRatio },
};

import type { Expression } from "@stagecraft/schemas";
import { today } from "../../shared/expressions.js";

/** The quarter number ("1"–"4") of a date: "2026-Q4" → "4". */
function quarterOf(date: Expression): Expression {
  return { substr: [{ period: [date, "quarter"] }, 6, 1] };
}

/** 15 days before the end of the date's quarter. */
export function qbrPrepOf(date: Expression): Expression {
  return {
    cat: [
      { year: [date] },
      { case: [quarterOf(date), "1", "-03-16", "2", "-06-15", "3", "-09-15", "4", "-12-16"] },
    ],
  };
}

/** 15 days before the end of the quarter after the date's. */
export function nextQbrPrepAfter(date: Expression): Expression {
  const year = { year: [date] };
  return {
    case: [
      quarterOf(date),
      "1",
      { cat: [year, "-06-15"] },
      "2",
      { cat: [year, "-09-15"] },
      "3",
      { cat: [year, "-12-16"] },
      "4",
      { cat: [{ "+": [year, 1] }, "-03-16"] },
    ],
  };
}

/** The next QBR preparation day from today: this quarter's, or the next one's when it is past. */
export const FIRST_QBR_PREP: Expression = {
  if: [
    { ">=": [{ days_between: [today(), qbrPrepOf(today())] }, 0] },
    qbrPrepOf(today()),
    nextQbrPrepAfter(today()),
  ],
};

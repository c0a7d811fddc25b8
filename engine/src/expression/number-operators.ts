/** Number extras: round, abs, div. Non-numeric input and non-finite results give null. */
import { finiteOrNull, numericValue } from "./json-coercion.js";
import type { OperatorGroup } from "./operator-definition.js";
import { ABSENT } from "./operator-definition.js";
import { binary } from "./operator-shapes.js";

/** Names of the number operators. */
export type NumberOperatorName = "round" | "abs" | "div";

function splitExponential(value: number): readonly [string, number] {
  const text = value.toExponential();
  const at = text.indexOf("e");
  return [text.slice(0, at), Number(text.slice(at + 1))];
}

/**
 * Rounds half away from zero at `digits` decimals (negative: tens, hundreds…). Shifting the
 * decimal exponent in text avoids binary error: round(1.005, 2) is 1.01, as a person expects.
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  const [mantissa, exponent] = splitExponential(Math.abs(value));
  const shifted = Number(`${mantissa}e${exponent + digits}`);
  if (!Number.isFinite(shifted)) return value; // more decimals than a double holds
  const rounded = Math.round(shifted);
  if (rounded === 0) return 0;
  const [roundedMantissa, roundedExponent] = splitExponential(rounded);
  const result = Number(`${roundedMantissa}e${roundedExponent - digits}`);
  return value < 0 ? -result : result;
}

/** Handlers of the number operators. */
export const NUMBER_OPERATORS: OperatorGroup<NumberOperatorName> = {
  round: {
    minArgs: 1,
    maxArgs: 2,
    compile: ([number = ABSENT, places = ABSENT]) => {
      const a = number.run;
      const b = places.run;
      return (data, ctx) => {
        const value = numericValue(a(data, ctx));
        const given = b(data, ctx);
        const digits = given === undefined ? 0 : numericValue(given);
        if (value === null || digits === null) return null;
        return finiteOrNull(roundHalfAwayFromZero(value, Math.trunc(digits)));
      };
    },
  },
  abs: {
    minArgs: 1,
    maxArgs: 1,
    compile: ([number = ABSENT]) => {
      const run = number.run;
      return (data, ctx) => {
        const value = numericValue(run(data, ctx));
        return value === null ? null : Math.abs(value);
      };
    },
  },
  // Safe division: null when the divisor is 0 or either side is not a number.
  div: binary((dividend, divisor) => {
    const x = numericValue(dividend);
    const y = numericValue(divisor);
    return x === null || y === null || y === 0 ? null : finiteOrNull(x / y);
  }),
};

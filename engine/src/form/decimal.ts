/** Numeric text a person may type: optional sign, digits with an optional fraction, optional exponent. */
const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether text is plain decimal digits with at most one dot (the common case, checked without a regex). */
function isPlainDecimal(text: string): boolean {
  let dots = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) dots++;
    else if (code >= 48 && code <= 57) digits++;
    else return false;
  }
  return dots <= 1 && digits > 0;
}

/** A finite number from a number or numeric text ("12.5" → 12.5); undefined for anything else. */
export function toFiniteNumber(value: unknown): number | undefined {
  // -0 becomes 0: it would otherwise compare and print unlike what people typed.
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : undefined;
  if (typeof value !== "string" || value.length > 64) return undefined;
  if (!isPlainDecimal(value)) {
    const text = value.trim();
    if (!NUMERIC_TEXT.test(text)) return undefined;
    value = text;
  }
  const number = Number(value);
  return Number.isFinite(number) ? number + 0 : undefined;
}

/** 10^places for each precision a definition may set (0..10); index 11+ is never used. */
const SCALES: readonly number[] = Array.from({ length: 11 }, (_, i) => 10 ** i);

/** The scale factor of a precision (decimal places), or undefined when no rounding applies. */
export function scaleOf(places: number | undefined): number | undefined {
  return places === undefined ? undefined : SCALES[places];
}

/**
 * Round half away from zero to the places of `scale` (10^places). The nudge of two ulps makes
 * values whose decimal text ends in 5 round up although their binary form is a hair below
 * (1.005 → 1.01); numbers too large to carry those places come back unchanged.
 */
export function roundToScale(value: number, scale: number): number {
  const scaled = Math.abs(value) * scale;
  if (scaled >= Number.MAX_SAFE_INTEGER) return value;
  const rounded = Math.round(scaled * (1 + 2 * Number.EPSILON)) / scale;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

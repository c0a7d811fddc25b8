/** A total shared evenly over `parts`, in whole units, the remainder going to the first parts (amounts add up exactly). */
export function evenSplit(total: number, parts: number): number[] {
  if (parts <= 0) return [];
  const base = Math.floor(total / parts);
  const remainder = Math.round(total - base * parts);
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0));
}

/** The sum of some amounts. */
export function sumOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

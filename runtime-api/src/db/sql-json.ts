/** Serialize a value for a jsonb column (drivers would turn JS arrays into Postgres arrays). */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

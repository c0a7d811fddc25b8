/** SQLSTATEs of a transaction that lost a race and may simply run again: serialization failure, deadlock. */
const LOST_RACE = new Set(["40001", "40P01"]);

/** Whether `err` is Postgres aborting a transaction because it lost a race with another one. */
export function isLostRace(err: unknown): boolean {
  if (typeof err !== "object" || err === null || !("code" in err)) return false;
  return typeof err.code === "string" && LOST_RACE.has(err.code);
}

/**
 * Run `work` (one whole transaction) again, up to `attempts` times in all, while Postgres aborts it
 * for a deadlock or a serialization failure: the aborted attempt wrote nothing, and running it
 * again at once is what the database asks for. Any other error is thrown as it is.
 */
export async function retryLostRace<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= attempts || !isLostRace(err)) throw err;
    }
  }
}

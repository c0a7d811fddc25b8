import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, recordsPath, createRecord } from "./harness/app.js";
import { login, send } from "./harness/client.js";
import { freshDatabase, query, serverUrl } from "./harness/postgres.js";
import { startApi, type ApiProcess } from "./harness/processes.js";

// Case 4: 50 transitions of one record at once, all with the same If-Match, spread over two API
// processes: exactly one wins, the 49 others get 409, and the database holds one transition.

const server = serverUrl();

describe.skipIf(server === undefined)("concurrent transitions with one If-Match", () => {
  let apis: ApiProcess[] = [];
  let db = "";

  beforeAll(async () => {
    db = await freshDatabase(server ?? "");
    apis = await Promise.all([startApi(db), startApi(db)]);
  });
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
  });

  it("answers one 200 and 49 × 409", async () => {
    const [first, second] = apis;
    if (first === undefined || second === undefined) throw new Error("two APIs expected");
    const token = await login(first.base);
    const appId = await createApp(first.base, token, []);
    const id = await createRecord(first.base, token, appId, "Contended");
    const [before] = await query<{ version: number }>(db, `select version from records where id = '${id}'`);
    const version = before?.version ?? 0;

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send((i % 2 === 0 ? first : second).base, "POST", `${recordsPath(appId)}/${id}/transition`, {
          token,
          body: { to: "won" },
          headers: { "if-match": `"${version}"` },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort((a, b) => a - b);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);

    const [after] = await query<{ stage: string; version: number }>(
      db,
      `select stage, version from records where id = '${id}'`,
    );
    expect(after).toEqual({ stage: "won", version: version + 1 });
    const transitions = await query<{ n: number }>(
      db,
      `select count(*)::int as n from record_events where record_id = '${id}' and to_stage = 'won'`,
    );
    expect(transitions).toEqual([{ n: 1 }]);
    const stages = await query<{ stage: string }>(
      db,
      `select stage from stage_log where record_id = '${id}' order by entered_at, stage`,
    );
    expect(stages).toEqual([{ stage: "lead" }, { stage: "won" }]);
  });
});

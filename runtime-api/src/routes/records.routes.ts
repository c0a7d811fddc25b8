import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { callerOf } from "../auth/authenticate.js";
import { requireRole } from "../auth/roles.js";
import { createRecord } from "../records/create-record.js";
import { deleteRecord } from "../records/delete-record.js";
import { getRecord } from "../records/get-record.js";
import { recordHistory } from "../records/history.js";
import { parseListQuery } from "../records/list-query.js";
import { listRecords } from "../records/list-records.js";
import type { RecordScope } from "../records/record-scope.js";
import { etagOf, parseIfMatch, versionRequired } from "../records/record-version.js";
import { transitionRecord } from "../records/transition-record.js";
import { updateRecord } from "../records/update-record.js";
import { id } from "./route-schemas.js";

const BASE = "/api/apps/:appId/forms/:formId/records";

interface FormParams {
  appId: string;
  formId: string;
}
interface RecordParams extends FormParams {
  id: string;
}

// `data` itself is checked by the engine against the form, so every field error comes back at once.
const dataBody = {
  type: "object",
  required: ["data"],
  additionalProperties: false,
  properties: { data: { type: "object" } },
} as const;

const transitionBody = {
  type: "object",
  required: ["to"],
  additionalProperties: false,
  properties: { to: id },
} as const;

/** The records a request addresses: its workspace's app and form. */
function scopeOf(request: FastifyRequest<{ Params: FormParams }>): RecordScope {
  const caller = callerOf(request);
  return { workspaceId: caller.workspaceId, appId: request.params.appId, formId: request.params.formId };
}

/** Writes need a member or higher; checked before the body, so a viewer hears 403 whatever it sends. */
async function requireWriter(request: FastifyRequest): Promise<void> {
  requireRole(callerOf(request), "member");
  await Promise.resolve();
}

/** What end users fill in: create, list, read, change, move, delete records, and their history. */
export const recordRoutes: FastifyPluginAsync = async (app) => {
  const { runtime } = app;

  app.post<{ Params: FormParams; Body: { data: Record<string, unknown> } }>(
    BASE,
    { schema: { body: dataBody }, preValidation: requireWriter },
    async (request, reply) => {
      const caller = callerOf(request);
      const actor = { type: "user", userId: caller.userId } as const;
      const record = await createRecord(runtime, scopeOf(request), actor, request.body.data);
      const location = `/api/apps/${request.params.appId}/forms/${request.params.formId}/records/${record.id}`;
      return reply.code(201).header("ETag", etagOf(record.version)).header("Location", location).send(record);
    },
  );

  app.get<{ Params: FormParams; Querystring: Record<string, unknown> }>(BASE, async (request) => {
    const query = parseListQuery(request.query, callerOf(request).userId);
    return listRecords(runtime, scopeOf(request), query);
  });

  app.get<{ Params: RecordParams }>(`${BASE}/:id`, async (request, reply) => {
    const record = await getRecord(runtime, scopeOf(request), request.params.id);
    return reply.header("ETag", etagOf(record.version)).send(record);
  });

  app.get<{ Params: RecordParams }>(`${BASE}/:id/history`, async (request) =>
    recordHistory(runtime, scopeOf(request), request.params.id),
  );

  app.patch<{ Params: RecordParams; Body: { data: Record<string, unknown> } }>(
    `${BASE}/:id`,
    { schema: { body: dataBody }, preValidation: requireWriter },
    async (request, reply) => {
      const expectedVersion = parseIfMatch(request.headers["if-match"]);
      if (expectedVersion === undefined) throw versionRequired();
      const caller = callerOf(request);
      const actor = { type: "user", userId: caller.userId } as const;
      const { record } = await updateRecord(
        runtime,
        scopeOf(request),
        actor,
        request.params.id,
        request.body.data,
        {
          expectedVersion,
        },
      );
      return reply.header("ETag", etagOf(record.version)).send(record);
    },
  );

  app.post<{ Params: RecordParams; Body: { to: string } }>(
    `${BASE}/:id/transition`,
    { schema: { body: transitionBody }, preValidation: requireWriter },
    async (request, reply) => {
      const expectedVersion = parseIfMatch(request.headers["if-match"]);
      const caller = callerOf(request);
      const actor = { type: "user", userId: caller.userId } as const;
      const result = await transitionRecord(
        runtime,
        scopeOf(request),
        actor,
        request.params.id,
        request.body.to,
        expectedVersion === undefined ? {} : { expectedVersion },
      );
      // The record moves only once the approval it asked for completes.
      if (result.status === "approval_required") {
        return reply.code(202).send({ approvalId: result.approvalId, status: "approval_required" });
      }
      return reply.header("ETag", etagOf(result.record.version)).send(result.record);
    },
  );

  app.delete<{ Params: RecordParams }>(
    `${BASE}/:id`,
    { preValidation: requireWriter },
    async (request, reply) => {
      const caller = callerOf(request);
      const expectedVersion = parseIfMatch(request.headers["if-match"]);
      await deleteRecord(
        runtime,
        scopeOf(request),
        { type: "user", userId: caller.userId },
        request.params.id,
        {
          ...(expectedVersion === undefined ? {} : { expectedVersion }),
          ...(caller.role === "member" ? { ownedBy: caller.userId } : {}),
        },
      );
      return reply.code(204).send();
    },
  );

  await Promise.resolve();
};

import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { recordApprovals, visibleApproval } from "../approvals/approval-view.js";
import {
  decideApproval,
  transferApproval,
  withdrawApproval,
  type ApprovalCaller,
} from "../approvals/approval-actions.js";
import { DECISIONS, type Decision } from "../approvals/apply-decision.js";
import { callerOf } from "../auth/authenticate.js";
import { id } from "./route-schemas.js";

const comment = { type: "string", maxLength: 2000 } as const;

const decisionBody = {
  type: "object",
  required: ["decision"],
  additionalProperties: false,
  properties: {
    decision: { type: "string", enum: DECISIONS },
    comment,
    returnTo: id,
  },
} as const;

const transferBody = {
  type: "object",
  required: ["to"],
  additionalProperties: false,
  properties: { to: id, comment },
} as const;

const withdrawBody = {
  type: ["object", "null"],
  additionalProperties: false,
  properties: { comment },
} as const;

const listQuery = {
  type: "object",
  required: ["recordId"],
  additionalProperties: false,
  properties: { recordId: id },
} as const;

interface ApprovalParams {
  approvalId: string;
}

function approvalCaller(request: FastifyRequest): ApprovalCaller {
  return callerOf(request);
}

/**
 * Approvals of stage moves: read one with its trail, decide, transfer, withdraw. Scoped to app
 * sharing: an approval of an app not shared with a member or viewer answers 404, whatever their task.
 */
export const approvalRoutes: FastifyPluginAsync = async (app) => {
  const { runtime } = app;
  const tags = ["approvals"];

  app.get<{ Querystring: { recordId: string } }>(
    "/api/approvals",
    {
      schema: {
        tags,
        summary: "The approvals of a record the caller may see, newest first, with their tasks and trails",
        querystring: listQuery,
      },
    },
    async (request) => ({
      items: await recordApprovals(runtime.db, approvalCaller(request), request.query.recordId),
    }),
  );

  app.get<{ Params: ApprovalParams }>(
    "/api/approvals/:approvalId",
    {
      schema: {
        tags,
        summary:
          "An approval with its steps, tasks and trail (404 when its app is not shared with the caller)",
      },
    },
    async (request) => visibleApproval(runtime.db, approvalCaller(request), request.params.approvalId),
  );

  app.post<{ Params: ApprovalParams; Body: { decision: Decision; comment?: string; returnTo?: string } }>(
    "/api/approvals/:approvalId/decision",
    {
      schema: {
        tags,
        summary: "Approve, reject (back to the previous stage) or return (to returnTo) the caller's step",
        body: decisionBody,
      },
    },
    async (request) =>
      decideApproval(runtime, approvalCaller(request), request.params.approvalId, {
        decision: request.body.decision,
        comment: request.body.comment,
        returnTo: request.body.returnTo,
      }),
  );

  app.post<{ Params: ApprovalParams; Body: { to: string; comment?: string } }>(
    "/api/approvals/:approvalId/transfer",
    { schema: { tags, summary: "Hand the caller's open task to another user", body: transferBody } },
    async (request) =>
      transferApproval(
        runtime,
        approvalCaller(request),
        request.params.approvalId,
        request.body.to,
        request.body.comment,
      ),
  );

  app.post<{ Params: ApprovalParams; Body: { comment?: string } | null }>(
    "/api/approvals/:approvalId/withdraw",
    { schema: { tags, summary: "The requester withdraws a pending approval", body: withdrawBody } },
    async (request) =>
      withdrawApproval(runtime, approvalCaller(request), request.params.approvalId, request.body?.comment),
  );

  await Promise.resolve();
};

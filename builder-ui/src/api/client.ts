import { isApproval, isApprovalList, isInbox } from "./approval-types.js";
import { isAnything } from "./guards.js";
import { call, send, type Fetch } from "./http.js";
import { isObject } from "./guards.js";
import {
  isAppList,
  isAppView,
  isHistory,
  isImportJob,
  isMe,
  isPublicForm,
  isRecordPage,
  isRecordView,
  isTemplateList,
  isUserList,
  type TransitionResult,
} from "./types.js";

/** Filters of a record list. */
export interface RecordQuery {
  stage?: string;
  owner?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** What an install asks for: one template, several combined, or blank. */
export type InstallRequest =
  | { templateId: string; withDemoData?: boolean }
  | { templateIds: string[] }
  | { definition: Record<string, unknown> };

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

const enc = encodeURIComponent;

/** Typed calls of the runtime API (same origin, session cookie). */
export function createApi(fetcher: Fetch = (input, init) => fetch(input, init)) {
  const records = (appId: string, formId: string) => `/api/apps/${enc(appId)}/forms/${enc(formId)}/records`;
  return {
    login: (email: string, password: string) =>
      call(fetcher, "/api/auth/login", isAnything, { method: "POST", body: { email, password } }),
    logout: () => send(fetcher, "/api/auth/logout", { method: "POST" }),
    me: () => call(fetcher, "/api/me", isMe),
    users: () => call(fetcher, "/api/users", isUserList),
    templates: () => call(fetcher, "/api/templates", isTemplateList),
    template: (id: string) => call(fetcher, `/api/templates/${enc(id)}`, isObject),
    apps: () => call(fetcher, "/api/apps", isAppList),
    app: (appId: string) => call(fetcher, `/api/apps/${enc(appId)}`, isAppView),
    install: (request: InstallRequest) =>
      call(fetcher, "/api/apps", isAppView, { method: "POST", body: request }),
    listRecords: (appId: string, formId: string, filter: RecordQuery = {}) =>
      call(fetcher, `${records(appId, formId)}${query({ ...filter })}`, isRecordPage),
    record: (appId: string, formId: string, id: string) =>
      call(fetcher, `${records(appId, formId)}/${enc(id)}`, isRecordView),
    history: (appId: string, formId: string, id: string) =>
      call(fetcher, `${records(appId, formId)}/${enc(id)}/history`, isHistory),
    createRecord: (appId: string, formId: string, data: Record<string, unknown>) =>
      call(fetcher, records(appId, formId), isRecordView, { method: "POST", body: { data } }),
    updateRecord: (
      appId: string,
      formId: string,
      id: string,
      version: number,
      data: Record<string, unknown>,
    ) =>
      call(fetcher, `${records(appId, formId)}/${enc(id)}`, isRecordView, {
        method: "PATCH",
        body: { data },
        headers: { "if-match": `"${version}"` },
      }),
    transition: async (
      appId: string,
      formId: string,
      id: string,
      version: number,
      to: string,
    ): Promise<TransitionResult> => {
      const answer = await send(fetcher, `${records(appId, formId)}/${enc(id)}/transition`, {
        method: "POST",
        body: { to },
        headers: { "if-match": `"${version}"` },
      });
      if (answer.status === 202) {
        const approvalId = isObject(answer.body) ? answer.body["approvalId"] : null;
        return { kind: "pending", approvalId: typeof approvalId === "string" ? approvalId : null };
      }
      if (!isRecordView(answer.body)) throw new Error("unexpected transition answer");
      return { kind: "moved", record: answer.body };
    },
    inbox: async () => (await call(fetcher, "/api/inbox", isInbox)).items,
    approval: (approvalId: string) => call(fetcher, `/api/approvals/${enc(approvalId)}`, isApproval),
    recordApprovals: async (recordId: string) =>
      (await call(fetcher, `/api/approvals${query({ recordId })}`, isApprovalList)).items,
    decide: (
      approvalId: string,
      decision: "approve" | "reject" | "return",
      comment: string,
      returnTo?: string,
    ) =>
      call(fetcher, `/api/approvals/${enc(approvalId)}/decision`, isApproval, {
        method: "POST",
        body: {
          decision,
          ...(comment === "" ? {} : { comment }),
          ...(returnTo === undefined ? {} : { returnTo }),
        },
      }),
    transfer: (approvalId: string, to: string, comment: string) =>
      call(fetcher, `/api/approvals/${enc(approvalId)}/transfer`, isApproval, {
        method: "POST",
        body: { to, ...(comment === "" ? {} : { comment }) },
      }),
    withdraw: (approvalId: string, comment: string) =>
      call(fetcher, `/api/approvals/${enc(approvalId)}/withdraw`, isApproval, {
        method: "POST",
        body: comment === "" ? {} : { comment },
      }),
    publicForm: (token: string) => call(fetcher, `/api/public/forms/${enc(token)}`, isPublicForm),
    submitPublic: (token: string, data: Record<string, unknown>) =>
      send(fetcher, `/api/public/forms/${enc(token)}/records`, { method: "POST", body: { data } }),
    importFile: (appId: string, formId: string, file: File) => {
      const body = new FormData();
      body.append("file", file);
      return call(fetcher, `/api/apps/${enc(appId)}/forms/${enc(formId)}/import`, isImportJob, {
        method: "POST",
        body,
      });
    },
    importJob: (appId: string, jobId: string) =>
      call(fetcher, `/api/apps/${enc(appId)}/imports/${enc(jobId)}`, isImportJob),
    exportUrl: (appId: string, formId: string, format: "csv" | "xlsx") =>
      `/api/apps/${enc(appId)}/forms/${enc(formId)}/export?format=${format}`,
  };
}

/** The API client type. */
export type Api = ReturnType<typeof createApi>;

// The JSON shapes of approvals as the runtime API answers them (`GET /api/approvals/:id`, decisions,
// transfers, withdrawals): one statement for the server that builds them and the UI that reads them.

/** One approver's task of an approval as the API answers it. */
export interface ApprovalTaskView {
  id: string;
  stepIndex: number;
  stepId: string;
  userId: string;
  status: string;
  comment: string | null;
  transferredFrom: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** One entry of an approval's trail (requested, approve, reject, return, transfer, withdraw, …). */
export interface ApprovalTrailEntry {
  action: string;
  actor: { type: string; id: string | null };
  at: string;
  detail: unknown;
}

/** An approval with its tasks and trail as the API answers it. */
export interface ApprovalView {
  id: string;
  appId: string;
  formId: string;
  recordId: string;
  stage: string;
  on: string;
  fromStage: string | null;
  toStage: string;
  status: string;
  steps: { stage: string; stepId: string }[];
  stepIndex: number;
  covers: string[];
  requestedBy: string | null;
  requestedAt: string;
  dueAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  returnTo: string | null;
  tasks: ApprovalTaskView[];
  trail: ApprovalTrailEntry[];
}

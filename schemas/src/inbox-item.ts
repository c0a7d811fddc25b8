// The JSON shape of one inbox item as the runtime API answers it (`GET /api/inbox`): one statement
// for the server that builds it and the UI that reads it.

/** One thing waiting for the caller: an open approval task, or a record they own overdue in its stage. */
export type InboxItem =
  | {
      kind: "approval";
      approvalId: string;
      taskId: string;
      appId: string;
      formId: string;
      recordId: string;
      /** The stage the approval belongs to. */
      stage: string;
      /** Where the record moves once approved. */
      toStage: string;
      stepId: string;
      requestedBy: string | null;
      since: string;
      dueAt: string | null;
      overdue: boolean;
    }
  | {
      kind: "overdue_record";
      appId: string;
      formId: string;
      recordId: string;
      /** The stage the record is overdue in. */
      stage: string;
      since: string;
      dueAt: string;
      overdue: true;
    };

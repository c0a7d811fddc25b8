import type { ColumnType, Generated } from "kysely";

/** A timestamptz column: read as Date, written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamptz column with a database default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A jsonb column: read parsed, written as JSON text (see `json()` in sql-json.ts). */
type Json<T> = ColumnType<T, string, string>;

export interface WorkspacesTable {
  id: string;
  name: string;
  created_at: DefaultTimestamp;
}

export interface UsersTable {
  workspace_id: string;
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  manager_id: string | null;
  is_owner: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface SessionsTable {
  token_hash: string;
  workspace_id: string;
  user_id: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface AppsTable {
  workspace_id: string;
  id: string;
  name: Json<{ zh: string; en: string }>;
  template_id: string | null;
  version: number;
  draft: Json<unknown> | null;
  draft_updated_at: Timestamp | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface AppVersionsTable {
  workspace_id: string;
  app_id: string;
  version: number;
  definition: Json<unknown>;
  changes: Json<unknown[]>;
  published_by: string | null;
  published_at: DefaultTimestamp;
}

export interface RecordsTable {
  workspace_id: string;
  id: string;
  app_id: string;
  form_id: string;
  stage: string | null;
  owner_id: string | null;
  version: number;
  definition_version: number;
  data: Json<Record<string, unknown>>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  stage_entered_at: Timestamp | null;
  closed_at: Timestamp | null;
  last_activity_at: Timestamp;
  // stage_entries (migration 0008) is kept by the stage log's triggers and read only by KPI SQL.
}

export interface RecordEventsTable {
  workspace_id: string;
  id: Generated<string>;
  app_id: string;
  form_id: string;
  record_id: string;
  kind: string;
  changes: Json<unknown[]>;
  from_stage: string | null;
  to_stage: string | null;
  actor_type: string;
  actor_id: string | null;
  run_id: string | null;
  at: Timestamp;
  detail: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface StageLogTable {
  workspace_id: string;
  id: Generated<string>;
  app_id: string;
  form_id: string;
  record_id: string;
  stage: string;
  entered_at: Timestamp;
  exited_at: Timestamp | null;
  entered_by: string | null;
  exited_by: string | null;
}

export interface RuleRunsTable {
  workspace_id: string;
  id: string;
  app_id: string;
  app_version: number;
  rule_id: string;
  record_id: string | null;
  trigger: Json<unknown>;
  depth: number;
  status: string;
  attempts: number;
  max_attempts: number;
  next_action: number;
  run_at: Timestamp;
  locked_by: string | null;
  locked_until: Timestamp | null;
  error: string | null;
  effects: Json<unknown[]>;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface AppliedEffectsTable {
  workspace_id: string;
  run_id: string;
  action_index: number;
  applied_at: Timestamp;
}

export interface ReversibleEffectsTable {
  workspace_id: string;
  id: Generated<string>;
  source_record_id: string;
  source_stage: string;
  target_record_id: string;
  increments: Json<Record<string, number>>;
  reversed_at: Timestamp | null;
}

export interface NotificationsTable {
  workspace_id: string;
  id: string;
  user_id: string;
  app_id: string | null;
  record_id: string | null;
  title: Json<{ zh: string; en: string }>;
  body: Json<{ zh: string; en: string }> | null;
  run_id: string | null;
  read_at: Timestamp | null;
  created_at: Timestamp;
}

export interface AppMembersTable {
  workspace_id: string;
  app_id: string;
  user_id: string;
  added_by: string | null;
  added_at: DefaultTimestamp;
}

export interface ShareLinksTable {
  token: string;
  workspace_id: string;
  app_id: string;
  form_id: string;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface HookTokensTable {
  token: string;
  workspace_id: string;
  app_id: string;
  rule_id: string;
  created_at: Timestamp;
}

export interface CountersTable {
  workspace_id: string;
  key: string;
  value: ColumnType<string, number | string, number | string>;
}

export interface WebhookAllowlistTable {
  workspace_id: string;
  host: string;
  created_at: Timestamp;
}

export interface SchedulerTicksTable {
  name: string;
  last_tick: Timestamp;
}

export interface ImportJobsTable {
  workspace_id: string;
  id: string;
  app_id: string;
  form_id: string;
  status: string;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  results: Json<unknown[]>;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface ApprovalsTable {
  workspace_id: string;
  id: string;
  app_id: string;
  form_id: string;
  record_id: string;
  stage: string;
  on: string;
  from_stage: string | null;
  to_stage: string;
  status: string;
  steps: Json<{ stage: string; stepId: string }[]>;
  step_index: number;
  covers: Json<string[]>;
  requested_by: string | null;
  requested_at: Timestamp;
  due_at: Timestamp | null;
  overdue_step: number | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  return_to: string | null;
}

export interface ApprovalTasksTable {
  workspace_id: string;
  id: string;
  approval_id: string;
  step_index: number;
  step_id: string;
  user_id: string;
  status: string;
  comment: string | null;
  transferred_from: string | null;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  seq: Generated<string>;
}

export interface RecordSlasTable {
  workspace_id: string;
  record_id: string;
  stage: string;
  entered_at: Timestamp;
  app_id: string;
  form_id: string;
  due_at: Timestamp;
  escalations_fired: number;
}

export interface InstanceSecretsTable {
  name: string;
  value: string;
}

/** Per app and form, the rollups its KPIs read and the SQL that feeds them (written by src/kpis). */
export interface KpiRollupPlansTable {
  workspace_id: string;
  app_id: string;
  form_id: string;
  keys: string[];
  branches: Json<unknown>;
  row_sql: string;
  params: Json<unknown>;
  /** The plan of the rollups that read `records.stage_entries` (migration 0008), if any. */
  entries_row_sql: string | null;
  entries_params: ColumnType<unknown, string | null, string | null>;
  built_at: DefaultTimestamp;
}

/** One rollup cell: a rollup key, a local day and a group, kept exact by triggers on records. */
export interface KpiRollupsTable {
  workspace_id: string;
  app_id: string;
  rollup_key: string;
  day: ColumnType<Date, string, string>;
  grp: string;
  rows: number;
  vn: number;
  // numeric: pg reads it as a number here, PGlite as its decimal text.
  total: ColumnType<number | string, number | string, number | string>;
  /** The day of the record's previous row in the rollup ('-infinity' for none; migration 0008). */
  since: ColumnType<Date | string | number, string | undefined, string>;
}

/** The runtime database as Kysely sees it (mirrors migrations/). */
export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  sessions: SessionsTable;
  apps: AppsTable;
  app_versions: AppVersionsTable;
  records: RecordsTable;
  record_events: RecordEventsTable;
  stage_log: StageLogTable;
  rule_runs: RuleRunsTable;
  applied_effects: AppliedEffectsTable;
  reversible_effects: ReversibleEffectsTable;
  notifications: NotificationsTable;
  share_links: ShareLinksTable;
  app_members: AppMembersTable;
  hook_tokens: HookTokensTable;
  counters: CountersTable;
  webhook_allowlist: WebhookAllowlistTable;
  scheduler_ticks: SchedulerTicksTable;
  import_jobs: ImportJobsTable;
  instance_secrets: InstanceSecretsTable;
  approvals: ApprovalsTable;
  approval_tasks: ApprovalTasksTable;
  record_slas: RecordSlasTable;
  kpi_rollup_plans: KpiRollupPlansTable;
  kpi_rollups: KpiRollupsTable;
}

import { Alert, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type ProblemItem } from "../api/problem.js";
import type { RecordView } from "../api/types.js";
import { useLocalized } from "../i18n/localized.js";
import { recordTitle } from "../records/record-title.js";
import { useApi } from "../shell/api-context.js";
import { useAppScope } from "../shell/app-scope.js";
import { ProblemAlert } from "../shell/problem-alert.js";
import { hrefOf } from "../shell/routes.js";
import { BoardCard } from "./board-card.js";
import { BoardColumn } from "./board-column.js";
import { BoardDnd, type BoardMove } from "./board-dnd.js";
import { refusalLines } from "./refusal.js";

const PER_COLUMN = 50;

interface Column {
  items: RecordView[];
  cursor: string | null;
}

/** What the last move answered, shown above the board. */
type Outcome =
  | { kind: "refused"; record: RecordView; to: string; items: readonly ProblemItem[] }
  | { kind: "pending"; record: RecordView; to: string }
  | { kind: "failed"; error: ApiError };

/** A pipeline's board: stages as columns; dropping a card asks the server to move the record. */
export function BoardPage({ formId }: { formId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const api = useApi();
  const { view, compiled, users } = useAppScope();
  const form = compiled.definition.forms.find((candidate) => candidate.id === formId);
  const stages = form?.pipeline?.stages ?? [];
  const [columns, setColumns] = useState<ReadonlyMap<string, Column>>(new Map());
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());

  const loadColumn = useCallback(
    async (stage: string, cursor: string | null) => {
      const page = await api.listRecords(view.id, formId, {
        stage,
        limit: PER_COLUMN,
        ...(cursor === null ? {} : { cursor }),
      });
      setColumns((previous) => {
        const next = new Map(previous);
        const before = cursor === null ? [] : (previous.get(stage)?.items ?? []);
        next.set(stage, { items: [...before, ...page.items], cursor: page.nextCursor });
        return next;
      });
    },
    [api, view.id, formId],
  );
  const stageIds = stages.map((stage) => stage.id).join(",");
  useEffect(() => {
    setProblem(null);
    Promise.all(
      stageIds
        .split(",")
        .filter((id) => id !== "")
        .map((id) => loadColumn(id, null)),
    ).catch((error: unknown) => {
      setProblem(error instanceof ApiError ? error : new ApiError(0, "error", String(error), []));
    });
  }, [loadColumn, stageIds]);

  if (form?.pipeline === undefined)
    return <Typography.Text type="danger">{t("board.noPipeline")}</Typography.Text>;

  const find = (id: string) => {
    for (const column of columns.values()) {
      const record = column.items.find((item) => item.id === id);
      if (record !== undefined) return record;
    }
    return undefined;
  };
  const stageName = (id: string) => localized(stages.find((stage) => stage.id === id)?.name);

  const onMove = (move: BoardMove) => {
    const record = find(move.cardId);
    if (record === undefined) return;
    setOutcome(null);
    api
      .transition(view.id, formId, record.id, record.version, move.to)
      .then((result) => {
        if (result.kind === "pending") {
          setPending((previous) => new Set([...previous, record.id]));
          setOutcome({ kind: "pending", record, to: move.to });
          return;
        }
        setColumns((previous) => {
          const next = new Map(previous);
          const from = previous.get(move.from);
          const to = previous.get(move.to);
          if (from)
            next.set(move.from, { ...from, items: from.items.filter((item) => item.id !== record.id) });
          next.set(move.to, { items: [result.record, ...(to?.items ?? [])], cursor: to?.cursor ?? null });
          return next;
        });
      })
      .catch((error: unknown) => {
        const apiError = error instanceof ApiError ? error : new ApiError(0, "error", String(error), []);
        if (apiError.status === 422) {
          // Kept as data and put in words at render time, so a language switch re-words it.
          setOutcome({ kind: "refused", record, to: move.to, items: apiError.errors });
        } else {
          setOutcome({ kind: "failed", error: apiError });
          if (apiError.status === 409) void loadColumn(move.from, null);
        }
      });
  };

  const ownerName = (id: string | null) => {
    const user = users.find((candidate) => candidate.id === id);
    return user === undefined ? "" : user.name || user.email;
  };

  return (
    <div>
      {problem !== null && <ProblemAlert error={problem} />}
      {outcome?.kind === "refused" && (
        <Alert
          type="warning"
          showIcon
          closable={{
            onClose: () => {
              setOutcome(null);
            },
          }}
          role="alert"
          className="move-refused"
          style={{ marginBottom: 12 }}
          title={t("board.refused", {
            title: recordTitle(form, outcome.record),
            stage: stageName(outcome.to),
          })}
          description={
            <div>
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {refusalLines(outcome.items, form, t, localized).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <a href={hrefOf({ name: "record", appId: view.id, formId, recordId: outcome.record.id })}>
                {t("board.openToFix")}
              </a>
            </div>
          }
        />
      )}
      {outcome?.kind === "pending" && (
        <Alert
          type="info"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          title={t("board.awaitingApproval", {
            title: recordTitle(form, outcome.record),
            stage: stageName(outcome.to),
          })}
        />
      )}
      {outcome?.kind === "failed" && <ProblemAlert error={outcome.error} />}
      <BoardDnd onMove={onMove}>
        <div
          style={{ display: "flex", gap: 12, overflowX: "auto", paddingBottom: 12, alignItems: "flex-start" }}
        >
          {stages.map((stage) => {
            const column = columns.get(stage.id);
            return (
              <BoardColumn
                key={stage.id}
                stageId={stage.id}
                title={localized(stage.name)}
                count={column?.items.length ?? 0}
                terminal={stage.terminal}
                more={
                  column?.cursor
                    ? () => {
                        void loadColumn(stage.id, column.cursor);
                      }
                    : null
                }
              >
                {column?.items.map((record) => (
                  <BoardCard
                    key={record.id}
                    record={record}
                    title={recordTitle(form, record)}
                    subtitle={ownerName(record.ownerId)}
                    href={hrefOf({ name: "record", appId: view.id, formId, recordId: record.id })}
                    pending={pending.has(record.id) ? t("board.waiting") : null}
                  />
                ))}
              </BoardColumn>
            );
          })}
        </div>
      </BoardDnd>
    </div>
  );
}

import { Button, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RecordQuery } from "../api/client.js";
import { ApiError } from "../api/problem.js";
import type { RecordView } from "../api/types.js";
import { useLocalized } from "../i18n/localized.js";
import { useApi } from "../shell/api-context.js";
import { useAppScope } from "../shell/app-scope.js";
import { ProblemAlert } from "../shell/problem-alert.js";
import { hrefOf } from "../shell/routes.js";
import { ImportExport } from "./import-export.js";
import { recordTitle } from "./record-title.js";

const PAGE = 50;

/** The filter with `key` set, or removed when `value` is undefined. */
function withKey(filter: RecordQuery, key: "stage" | "owner", value: string | undefined): RecordQuery {
  const next = { ...filter };
  if (value === undefined) Reflect.deleteProperty(next, key);
  else next[key] = value;
  return next;
}

/** The records of a form with stage, owner and text filters, and keyset "load more". */
export function RecordsPage({ formId }: { formId: string }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const api = useApi();
  const { view, compiled, users } = useAppScope();
  const form = compiled.definition.forms.find((candidate) => candidate.id === formId);
  const [filter, setFilter] = useState<RecordQuery>({});
  const [search, setSearch] = useState("");
  const [items, setItems] = useState<RecordView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setProblem(null);
      try {
        const page = await api.listRecords(view.id, formId, {
          ...filter,
          limit: PAGE,
          ...(after === null ? {} : { cursor: after }),
        });
        setItems((previous) => (after === null ? page.items : [...previous, ...page.items]));
        setCursor(page.nextCursor);
      } catch (error) {
        setProblem(error instanceof ApiError ? error : new ApiError(0, "error", String(error), []));
      } finally {
        setLoading(false);
      }
    },
    [api, view.id, formId, filter],
  );
  useEffect(() => {
    void load(null);
  }, [load, round]);

  if (form === undefined)
    return <Typography.Text type="danger">{t("records.noForm", { formId })}</Typography.Text>;
  const stageName = (id: string | null) => {
    const stage = form.pipeline?.stages.find((candidate) => candidate.id === id);
    return stage === undefined ? (id ?? "") : localized(stage.name);
  };
  const userName = (id: string | null) => {
    const user = users.find((candidate) => candidate.id === id);
    return user === undefined ? (id ?? "—") : user.name || user.email;
  };
  return (
    <div>
      <div
        style={{
          display: "flex",
          flexWrap: "wrap",
          gap: 8,
          justifyContent: "space-between",
          marginBottom: 12,
        }}
      >
        <Space wrap>
          <Input.Search
            allowClear
            aria-label={t("records.search")}
            placeholder={t("records.search")}
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
            }}
            onSearch={(q) => {
              setFilter((previous) => ({ ...previous, q }));
            }}
            style={{ width: 220 }}
          />
          {form.pipeline !== undefined && (
            <Select
              allowClear
              aria-label={t("records.stage")}
              placeholder={t("records.stage")}
              style={{ width: 160 }}
              options={form.pipeline.stages.map((stage) => ({
                value: stage.id,
                label: localized(stage.name),
              }))}
              onChange={(stage: string | undefined) => {
                setFilter((previous) => withKey(previous, "stage", stage));
              }}
            />
          )}
          <Select
            aria-label={t("records.owner")}
            style={{ width: 160 }}
            defaultValue=""
            options={[
              { value: "", label: t("records.anyOwner") },
              { value: "me", label: t("records.mine") },
              ...users.map((user) => ({ value: user.id, label: user.name || user.email })),
            ]}
            onChange={(owner: string) => {
              setFilter((previous) => withKey(previous, "owner", owner === "" ? undefined : owner));
            }}
          />
        </Space>
        <ImportExport
          appId={view.id}
          formId={formId}
          onImported={() => {
            setRound((n) => n + 1);
          }}
        />
      </div>
      {problem !== null && <ProblemAlert error={problem} />}
      <Table
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={items}
        scroll={{ x: true }}
        locale={{ emptyText: t("records.empty") }}
        columns={[
          {
            key: "title",
            title: t("records.title"),
            render: (_: unknown, record: RecordView) => (
              <a href={hrefOf({ name: "record", appId: view.id, formId, recordId: record.id })}>
                {recordTitle(form, record)}
              </a>
            ),
          },
          ...(form.pipeline !== undefined
            ? [
                {
                  key: "stage",
                  title: t("records.stage"),
                  render: (_: unknown, record: RecordView) => (
                    <Tag color="blue">{stageName(record.stage)}</Tag>
                  ),
                },
              ]
            : []),
          {
            key: "owner",
            title: t("records.owner"),
            render: (_: unknown, record: RecordView) => userName(record.ownerId),
          },
          {
            key: "updated",
            title: t("records.updatedAt"),
            render: (_: unknown, record: RecordView) =>
              new Date(record.updatedAt).toLocaleString(i18n.language),
          },
        ]}
      />
      {cursor !== null && (
        <div style={{ textAlign: "center", marginTop: 12 }}>
          <Button
            loading={loading}
            onClick={() => {
              void load(cursor);
            }}
          >
            {t("records.loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}

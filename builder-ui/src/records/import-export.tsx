import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Dropdown, Progress, Space, Upload } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/problem.js";
import type { ImportJob } from "../api/types.js";
import { isObject } from "../api/guards.js";
import { useApi } from "../shell/api-context.js";
import { ProblemAlert } from "../shell/problem-alert.js";

const POLL_MS = 700;
const FORMATS: readonly ("csv" | "xlsx")[] = ["csv", "xlsx"];

function failedRows(job: ImportJob): { row: number; message: string }[] {
  return (job.results ?? []).flatMap((result: unknown) => {
    if (!isObject(result) || result["ok"] !== false || typeof result["row"] !== "number") return [];
    const errors = Array.isArray(result["errors"]) ? result["errors"] : [];
    const message = errors
      .map((error: unknown) =>
        isObject(error) ? `${String(error["path"])} ${String(error["message"])}` : "",
      )
      .join("; ");
    return [{ row: result["row"], message }];
  });
}

/** Import a CSV/XLSX file (a background job whose progress is shown) and export links. */
export function ImportExport({
  appId,
  formId,
  onImported,
}: {
  appId: string;
  formId: string;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const jobId = job?.jobId ?? job?.id;
  const running = job?.status === "running";
  useEffect(() => {
    if (!running || jobId === undefined) return;
    const timer = setTimeout(() => {
      api
        .importJob(appId, jobId)
        .then((next) => {
          setJob({ ...next, jobId });
          if (next.status !== "running") onImported();
        })
        .catch((error: unknown) => {
          setProblem(error instanceof ApiError ? error : new ApiError(0, "error", String(error), []));
        });
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [api, appId, jobId, running, job, onImported]);
  const percent =
    job === null || job.total === 0 ? 100 : Math.round(((job.processed ?? 0) / job.total) * 100);
  const failures = job === null ? [] : failedRows(job);
  return (
    <div>
      <Space wrap>
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            setProblem(null);
            setJob(null);
            api
              .importFile(appId, formId, file)
              .then(setJob)
              .catch((error: unknown) => {
                setProblem(error instanceof ApiError ? error : new ApiError(0, "error", String(error), []));
              });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={running}>
            {t("records.import")}
          </Button>
        </Upload>
        <Dropdown
          menu={{
            items: FORMATS.map((format) => ({
              key: format,
              label: (
                <a href={api.exportUrl(appId, formId, format)} download>
                  {t("records.exportAs", { format: format.toUpperCase() })}
                </a>
              ),
            })),
          }}
        >
          <Button icon={<DownloadOutlined />}>{t("records.export")}</Button>
        </Dropdown>
      </Space>
      {job !== null && (
        <div style={{ marginTop: 8 }} aria-label={t("records.importProgress")}>
          <Progress
            percent={percent}
            status={job.status === "failed" ? "exception" : running ? "active" : "success"}
            size="small"
          />
          {!running && (
            <Alert
              type={failures.length > 0 || job.status === "failed" ? "warning" : "success"}
              title={t("records.importDone", {
                succeeded: job.succeeded ?? 0,
                failed: job.failed ?? 0,
                total: job.total,
              })}
              description={
                failures.length > 0 ? (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {failures.slice(0, 20).map((failure) => (
                      <li key={failure.row}>
                        {t("records.importRow", { row: failure.row, message: failure.message })}
                      </li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          )}
        </div>
      )}
      {problem !== null && <ProblemAlert error={problem} />}
    </div>
  );
}

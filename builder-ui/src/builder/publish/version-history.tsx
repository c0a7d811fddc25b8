import { Alert, Empty, Timeline, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useBuilder, useBuilderApi } from "../store/store-context.js";
import { isRecord, numberAt, stringAt } from "../shared/json-guards.js";
import { langOf } from "../shared/i18n-text.js";
import { changesOf, describeChange, type Change } from "./impact-report.js";

interface VersionView {
  version: number;
  publishedAt: string;
  publishedBy: string;
  changes: Change[];
}

function versionsOf(body: unknown): VersionView[] {
  return (Array.isArray(body) ? body : []).filter(isRecord).map((v) => ({
    version: numberAt(v, "version") ?? 0,
    publishedAt: stringAt(v, "publishedAt"),
    publishedBy: stringAt(v, "publishedBy"),
    changes: changesOf(v["changes"]),
  }));
}

/** The app's published versions, newest first, each with what it changed. `refresh` reloads after a publish. */
export function VersionHistory(props: { refresh: number }) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const { api, appId } = useBuilderApi();
  const definition = useBuilder((s) => s.definition);
  const [versions, setVersions] = useState<VersionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .request("GET", `/api/apps/${encodeURIComponent(appId)}/versions`)
      .then((body) => {
        if (live) setVersions(versionsOf(body));
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [api, appId, props.refresh]);
  if (error !== null) return <Alert type="error" showIcon title={t("versions.failed")} description={error} />;
  if (versions === null) return <Typography.Text type="secondary">{t("common.loading")}</Typography.Text>;
  if (versions.length === 0) return <Empty description={t("versions.none")} />;
  return (
    <Timeline
      data-testid="version-history"
      items={versions.map((v) => ({
        content: (
          <div>
            <Typography.Text strong>{t("versions.version", { version: v.version })}</Typography.Text>{" "}
            <Typography.Text type="secondary">
              {v.publishedAt === "" ? "" : new Date(v.publishedAt).toLocaleString()} {v.publishedBy}
            </Typography.Text>
            {v.changes.length === 0 ? (
              <div>
                <Typography.Text type="secondary">{t("versions.noChanges")}</Typography.Text>
              </div>
            ) : (
              <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
                {v.changes.map((c, i) => (
                  <li key={i}>
                    {describeChange(c, definition, lang, t)}
                    {c.records > 0 ? `（${t("publish.records", { count: c.records })}）` : ""}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ),
      }))}
    />
  );
}

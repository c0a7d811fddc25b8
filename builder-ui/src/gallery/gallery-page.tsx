import { AppstoreAddOutlined, FileAddOutlined } from "@ant-design/icons";
import { App as AntApp, Button, Checkbox, Col, Row, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InstallRequest } from "../api/client.js";
import { ApiError } from "../api/problem.js";
import { useApi } from "../shell/api-context.js";
import { ProblemAlert } from "../shell/problem-alert.js";
import { useLoad } from "../shell/use-load.js";
import { navigate } from "../shell/use-route.js";
import { AppsList } from "./apps-list.js";
import { blankDefinition } from "./blank-definition.js";
import { TemplateCard } from "./template-card.js";
import { TemplatePreview } from "./template-preview.js";

/** The home page: the workspace's apps, then every template to start from (one, several, or blank). */
export function GalleryPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const api = useApi();
  const templates = useLoad(() => api.templates(), [api]);
  const apps = useLoad(() => api.apps(), [api]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [demo, setDemo] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const install = (key: string, request: InstallRequest, then: "app" | "build") => {
    setBusy(key);
    setProblem(null);
    api
      .install(request)
      .then((app) => {
        void message.success(t("gallery.installed"));
        navigate(then === "app" ? { name: "app", appId: app.id } : { name: "build", appId: app.id });
      })
      .catch((error: unknown) => {
        setProblem(error instanceof ApiError ? error : new ApiError(0, "error", String(error), []));
      })
      .finally(() => {
        setBusy(null);
      });
  };

  return (
    <div>
      {apps.error !== null && <ProblemAlert error={apps.error} />}
      {apps.data !== undefined && <AppsList apps={apps.data} />}
      <div
        style={{
          display: "flex",
          flexWrap: "wrap",
          gap: 12,
          alignItems: "center",
          justifyContent: "space-between",
          marginBottom: 16,
        }}
      >
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("gallery.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("gallery.subtitle")}</Typography.Text>
        </div>
        <Space wrap>
          <Checkbox
            checked={demo}
            onChange={(event) => {
              setDemo(event.target.checked);
            }}
          >
            {t("gallery.withDemoData")}
          </Checkbox>
          <Button
            icon={<FileAddOutlined />}
            loading={busy === "blank"}
            onClick={() => {
              install("blank", { definition: blankDefinition(Date.now().toString(36)) }, "build");
            }}
          >
            {t("gallery.blank")}
          </Button>
          <Button
            type="primary"
            icon={<AppstoreAddOutlined />}
            disabled={selected.size < 2}
            loading={busy === "combine"}
            onClick={() => {
              install("combine", { templateIds: [...selected] }, "app");
            }}
          >
            {t("gallery.combine", { count: selected.size })}
          </Button>
        </Space>
      </div>
      {problem !== null && <ProblemAlert error={problem} title={t("gallery.installFailed")} />}
      {templates.error !== null && <ProblemAlert error={templates.error} />}
      {templates.loading && <Spin />}
      <Row gutter={[16, 16]}>
        {templates.data?.map((template) => (
          <Col key={template.id} xs={24} md={12} xl={8}>
            <TemplateCard
              template={template}
              selected={selected.has(template.id)}
              busy={busy === template.id}
              onSelect={(on) => {
                const next = new Set(selected);
                if (on) next.add(template.id);
                else next.delete(template.id);
                setSelected(next);
              }}
              onPreview={() => {
                setPreview(template.id);
              }}
              onUse={() => {
                install(
                  template.id,
                  demo ? { templateId: template.id, withDemoData: true } : { templateId: template.id },
                  "app",
                );
              }}
            />
          </Col>
        ))}
      </Row>
      <TemplatePreview
        templateId={preview}
        onClose={() => {
          setPreview(null);
        }}
      />
    </div>
  );
}

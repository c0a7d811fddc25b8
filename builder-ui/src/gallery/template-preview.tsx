import { compileApp } from "@stagecraft/engine";
import type { AppDefinition } from "@stagecraft/schemas";
import { Drawer, Empty, List, Spin, Steps, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/problem.js";
import { useLocalized } from "../i18n/localized.js";
import { useApi } from "../shell/api-context.js";
import { ProblemAlert } from "../shell/problem-alert.js";
import { useLoad } from "../shell/use-load.js";

/** The forms, fields and pipelines of one template, read from `GET /api/templates/:id`. */
export function TemplatePreview({ templateId, onClose }: { templateId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const api = useApi();
  const loaded = useLoad(async (): Promise<AppDefinition | null> => {
    if (templateId === null) return null;
    const result = compileApp(await api.template(templateId));
    if (!result.ok) throw new ApiError(0, "invalid", "the template does not compile", result.errors);
    return result.app.definition;
  }, [api, templateId]);
  const definition = loaded.data;
  return (
    <Drawer
      open={templateId !== null}
      onClose={onClose}
      size="large"
      title={definition ? localized(definition.name) : t("gallery.preview")}
    >
      {loaded.error !== null && <ProblemAlert error={loaded.error} />}
      {loaded.loading && <Spin />}
      {definition?.forms.map((form) => (
        <section key={form.id} style={{ marginBottom: 24 }} aria-label={localized(form.name)}>
          <Typography.Title level={5}>{localized(form.name)}</Typography.Title>
          {form.description !== undefined && (
            <Typography.Paragraph type="secondary">{localized(form.description)}</Typography.Paragraph>
          )}
          {form.pipeline !== undefined && (
            <Steps
              size="small"
              style={{ marginBottom: 12, overflowX: "auto" }}
              items={form.pipeline.stages.map((stage) => ({
                title: localized(stage.name),
                status: "wait",
                ...(stage.requires !== undefined && stage.requires.length > 0
                  ? { content: t("gallery.requiresCount", { count: stage.requires.length }) }
                  : {}),
              }))}
            />
          )}
          <List
            size="small"
            bordered
            dataSource={form.fields}
            locale={{ emptyText: <Empty /> }}
            renderItem={(field) => (
              <List.Item>
                <span>
                  {localized(field.label)}
                  {field.required === true && <span style={{ color: "#cf1322" }}> *</span>}
                </span>
                <Tag>{t(`fieldTypes.${field.type}`)}</Tag>
              </List.Item>
            )}
          />
        </section>
      ))}
    </Drawer>
  );
}

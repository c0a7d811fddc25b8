import {
  compileApp,
  computeFormulas,
  readOnlyFields,
  submit,
  visibleFields,
  type EngineContext,
} from "@stagecraft/engine";
import type { ValidationIssue } from "@stagecraft/schemas";
import { Alert, Button, Card, Form as AntForm, Space, Typography } from "antd";
import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useBuilder } from "../store/store-context.js";
import { isRecord } from "../shared/json-guards.js";
import { langOf, textOf } from "../shared/i18n-text.js";
import { PreviewInput } from "./preview-input.js";

function rowsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function cellOf(rows: unknown, index: number, fieldId: string): unknown {
  const row: unknown = rowsOf(rows)[index];
  return isRecord(row) ? row[fieldId] : undefined;
}

const SPAN = { full: "1 / -1", half: "span 3", third: "span 2" } as const;

/**
 * The form as end users will see it, computed by the engine itself: formulas update live,
 * conditional fields appear and disappear, and "try submit" shows the server's validation.
 */
export function FormPreview(props: { formId: string }) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const definition = useDeferredValue(useBuilder((s) => s.definition));
  const compiled = useMemo(() => compileApp(definition), [definition]);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [issues, setIssues] = useState<ValidationIssue[] | null>(null);
  if (!compiled.ok) return <Alert type="warning" showIcon title={t("preview.invalid")} />;
  const form = compiled.app.forms.get(props.formId);
  const source = compiled.app.definition.forms.find((f) => f.id === props.formId);
  if (form === undefined || source === undefined) return null;
  const ctx: EngineContext = { now: new Date().toISOString(), timeZone: compiled.app.timeZone };
  const computed = computeFormulas(form, data, ctx);
  const visible = visibleFields(form, computed, ctx);
  const readOnly = readOnlyFields(form, computed, ctx);
  const issueOf = (path: string) => issues?.find((i) => i.path === path || i.path.startsWith(`${path}/`));
  const set = (id: string, value: unknown) => {
    setData((current) => ({ ...current, [id]: value }));
    setIssues(null);
  };
  return (
    <Card size="small" title={textOf(source.name, lang)} data-testid="form-preview">
      <AntForm layout="vertical" component="div">
        <div style={{ display: "grid", gridTemplateColumns: "repeat(6, 1fr)", columnGap: 12 }}>
          {source.fields.map((field) => {
            if (!visible.has(field.id)) return null;
            if (field.type === "section")
              return (
                <Typography.Title
                  key={field.id}
                  level={5}
                  style={{ gridColumn: "1 / -1", borderBottom: "1px solid #f0f0f0", paddingBottom: 4 }}
                >
                  {textOf(field.label, lang)}
                </Typography.Title>
              );
            const issue = issueOf(`/${field.id}`);
            const rows = rowsOf(data[field.id]);
            return (
              <AntForm.Item
                key={field.id}
                style={{ gridColumn: SPAN[field.width ?? "full"] }}
                label={textOf(field.label, lang)}
                required={field.required === true}
                help={
                  issue === undefined
                    ? textOf(field.help, lang) || undefined
                    : t(`issues.codes.${issue.code}`, { defaultValue: issue.message })
                }
                validateStatus={issue === undefined ? "" : "error"}
              >
                {field.type === "subform" ? (
                  <Space orientation="vertical" style={{ width: "100%" }}>
                    {rows.map((row, r) => (
                      <Space
                        key={r}
                        wrap
                        style={{ background: "#fafafa", padding: 8, borderRadius: 6, width: "100%" }}
                      >
                        {field.fields.map((rowField) => (
                          <div key={rowField.id} style={{ minWidth: 140 }}>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {textOf(rowField.label, lang)}
                            </Typography.Text>
                            <PreviewInput
                              field={rowField}
                              lang={lang}
                              readOnly={false}
                              value={isRecord(row) ? row[rowField.id] : undefined}
                              computed={cellOf(computed[field.id], r, rowField.id)}
                              onChange={(v) => {
                                set(
                                  field.id,
                                  rows.map((old, i) =>
                                    i === r ? { ...(isRecord(old) ? old : {}), [rowField.id]: v } : old,
                                  ),
                                );
                              }}
                            />
                          </div>
                        ))}
                      </Space>
                    ))}
                    <Button
                      size="small"
                      onClick={() => {
                        set(field.id, [...rows, {}]);
                      }}
                    >
                      {t("preview.addRow")}
                    </Button>
                  </Space>
                ) : (
                  <PreviewInput
                    field={field}
                    lang={lang}
                    readOnly={readOnly.has(field.id)}
                    value={data[field.id]}
                    computed={computed[field.id]}
                    onChange={(v) => {
                      set(field.id, v);
                    }}
                  />
                )}
              </AntForm.Item>
            );
          })}
        </div>
      </AntForm>
      <Space>
        <Button
          type="primary"
          onClick={() => {
            const result = submit(form, data, ctx);
            setIssues(result.ok ? [] : result.errors);
          }}
        >
          {t("preview.trySubmit")}
        </Button>
        <Button
          onClick={() => {
            setData({});
            setIssues(null);
          }}
        >
          {t("preview.clear")}
        </Button>
        {issues !== null && issues.length === 0 && (
          <Typography.Text type="success">{t("preview.ok")}</Typography.Text>
        )}
        {issues !== null && issues.length > 0 && (
          <Typography.Text type="danger">{t("preview.problems", { count: issues.length })}</Typography.Text>
        )}
      </Space>
    </Card>
  );
}

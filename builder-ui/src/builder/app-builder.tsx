import { RedoOutlined, SaveOutlined, UndoOutlined } from "@ant-design/icons";
import type { Form } from "@stagecraft/schemas";
import {
  Alert,
  App as AntApp,
  Badge,
  ConfigProvider,
  Button,
  Drawer,
  Select,
  Space,
  Spin,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useContext, useEffect, useMemo, useState } from "react";
import { I18nContext, I18nextProvider, useTranslation } from "react-i18next";
import type { StoreApi } from "zustand/vanilla";
import { ApiError, createBuilderApi, type BuilderApi } from "./api/builder-api.js";
import { loadApp } from "./api/load-app.js";
import { DashboardEditor } from "./dashboard/dashboard-editor.js";
import { FormBuilder } from "./form/form-builder.js";
import { ensureBuilderI18n, registerBuilderI18n } from "./i18n/builder-i18n.js";
import { KpiEditor } from "./kpi/kpi-editor.js";
import { PipelineEditor } from "./pipeline/pipeline-editor.js";
import { PublishButton } from "./publish/publish-dialog.js";
import { VersionHistory } from "./publish/version-history.js";
import { RuleEditor } from "./rules/rule-editor.js";
import { createDefinitionStore, type DefinitionState } from "./store/definition-store.js";
import { freshId } from "./store/definition-ops.js";
import { useLiveIssues } from "./store/live-validation.js";
import { BuilderProvider, useBuilder, useBuilderApi, useDefinitionStore } from "./store/store-context.js";
import { IssueList } from "./shared/issue-list.js";
import { langOf, textOf } from "./shared/i18n-text.js";
import { formChoices } from "./shared/choices.js";

function FormPicker(props: { value: string; onChange: (id: string) => void }) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const store = useDefinitionStore();
  const forms = useBuilder((s) => s.definition.forms);
  return (
    <Space>
      <Select<string>
        aria-label={t("form.pick")}
        style={{ width: 200 }}
        value={props.value}
        options={formChoices(forms, lang)}
        onChange={props.onChange}
      />
      <Button
        onClick={() => {
          const taken = new Set(store.getState().definition.forms.map((f) => f.id));
          const form: Form = {
            id: freshId("form", taken),
            name: { zh: "新表单", en: "New form" },
            fields: [{ id: "title", type: "text", label: { zh: "标题", en: "Title" } }],
          };
          store.getState().edit((d) => ({ ...d, forms: [...d.forms, form] }));
          props.onChange(form.id);
        }}
      >
        {t("app.addForm")}
      </Button>
    </Space>
  );
}

function Toolbar(props: { name: string; languageSwitch: boolean; onPublished: () => void }) {
  const { t, i18n } = useTranslation("builder");
  const { message } = AntApp.useApp();
  const store = useDefinitionStore();
  const { api, appId } = useBuilderApi();
  const canUndo = useBuilder((s) => s.past.length > 0);
  const canRedo = useBuilder((s) => s.future.length > 0);
  const dirty = useBuilder((s) => s.dirty);
  const { definition, issues } = useLiveIssues();
  const [showIssues, setShowIssues] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveIssues, setSaveIssues] = useState<string | null>(null);
  useEffect(() => {
    // Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z or Ctrl+Y redoes — except while typing in a text box, where the browser's own undo applies.
    const onKey = (e: KeyboardEvent) => {
      const target = e.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) {
        e.preventDefault();
        store.getState().undo();
      } else if ((key === "z" && e.shiftKey) || key === "y") {
        e.preventDefault();
        store.getState().redo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
    };
  }, [store]);
  const save = async () => {
    setSaving(true);
    try {
      await api.request("PUT", `/api/apps/${encodeURIComponent(appId)}/draft`, {
        definition: store.getState().definition,
      });
      store.getState().markSaved();
      setSaveIssues(null);
      void message.success(t("app.saved"));
    } catch (e) {
      setSaveIssues(e instanceof ApiError ? `${t("app.saveFailed")}：${e.message}` : t("app.saveFailed"));
      if (e instanceof ApiError && e.issues.length > 0) setShowIssues(true);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div style={{ display: "flex", alignItems: "center", gap: 12, padding: "8px 0", flexWrap: "wrap" }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {props.name}
      </Typography.Title>
      {dirty ? <Tag color="orange">{t("app.unsaved")}</Tag> : null}
      <span style={{ flex: 1 }} />
      {props.languageSwitch && (
        <Button
          type="text"
          onClick={() => {
            void i18n.changeLanguage(langOf(i18n.language) === "zh" ? "en" : "zh");
          }}
        >
          {t("app.lang")}
        </Button>
      )}
      <Tooltip title="Ctrl+Z">
        <Button
          icon={<UndoOutlined />}
          disabled={!canUndo}
          onClick={() => {
            store.getState().undo();
          }}
        >
          {t("app.undo")}
        </Button>
      </Tooltip>
      <Tooltip title="Ctrl+Shift+Z">
        <Button
          icon={<RedoOutlined />}
          disabled={!canRedo}
          onClick={() => {
            store.getState().redo();
          }}
        >
          {t("app.redo")}
        </Button>
      </Tooltip>
      <Badge count={issues.length} size="small">
        <Button
          danger={issues.length > 0}
          onClick={() => {
            setShowIssues(true);
          }}
        >
          {issues.length > 0 ? t("app.problems", { count: issues.length }) : t("app.noProblems")}
        </Button>
      </Badge>
      <Button
        icon={<SaveOutlined />}
        loading={saving}
        onClick={() => {
          void save();
        }}
      >
        {t("app.saveDraft")}
      </Button>
      <PublishButton onPublished={props.onPublished} />
      <Drawer
        open={showIssues}
        onClose={() => {
          setShowIssues(false);
        }}
        title={t("app.problemsTitle")}
        size="large"
      >
        {saveIssues !== null && (
          <Alert type="error" showIcon title={saveIssues} style={{ marginBottom: 12 }} />
        )}
        <IssueList definition={definition} issues={issues} />
      </Drawer>
    </div>
  );
}

function BuilderTabs(props: { fromDraft: boolean; languageSwitch: boolean }) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const firstForm = useBuilder((s) => s.definition.forms[0]?.id ?? "");
  const name = useBuilder((s) => textOf(s.definition.name, lang));
  const [formId, setFormId] = useState(firstForm);
  const exists = useBuilder((s) => s.definition.forms.some((f) => f.id === formId));
  const [published, setPublished] = useState(0);
  const current = exists ? formId : firstForm;
  const picker = <FormPicker value={current} onChange={setFormId} />;
  return (
    <div>
      <Toolbar
        name={name}
        languageSwitch={props.languageSwitch}
        onPublished={() => {
          setPublished((n) => n + 1);
        }}
      />
      {props.fromDraft && (
        <Alert type="info" showIcon title={t("app.draftLoaded")} style={{ marginBottom: 8 }} closable />
      )}
      <Tabs
        destroyOnHidden
        items={[
          {
            key: "forms",
            label: t("app.tabs.forms"),
            children: (
              <Space orientation="vertical" style={{ width: "100%" }}>
                {picker}
                <FormBuilder key={current} formId={current} />
              </Space>
            ),
          },
          {
            key: "pipeline",
            label: t("app.tabs.pipeline"),
            children: (
              <Space orientation="vertical" style={{ width: "100%" }}>
                {picker}
                <PipelineEditor key={current} formId={current} />
              </Space>
            ),
          },
          { key: "rules", label: t("app.tabs.rules"), children: <RuleEditor /> },
          { key: "kpis", label: t("app.tabs.kpis"), children: <KpiEditor /> },
          { key: "dashboards", label: t("app.tabs.dashboards"), children: <DashboardEditor /> },
          {
            key: "versions",
            label: t("app.tabs.versions"),
            children: <VersionHistory refresh={published} />,
          },
        ]}
      />
    </div>
  );
}

/**
 * The builder of one app: loads its draft (or published definition) through the API, then offers
 * the form, pipeline, rule, KPI and dashboard editors with undo/redo, live validation, saving and
 * publishing with the impact report. `api` is for tests and embedding; it defaults to same-origin fetch.
 */
export function AppBuilder(props: { appId: string; api?: BuilderApi }) {
  // The host's i18next instance when it provides one (its language switch then applies here), else our own.
  const host = useContext(I18nContext)?.i18n;
  const i18n = useMemo(() => {
    if (host === undefined) return ensureBuilderI18n();
    registerBuilderI18n(host);
    return host;
  }, [host]);
  const api = useMemo(() => props.api ?? createBuilderApi(), [props.api]);
  const [state, setState] = useState<
    | { kind: "loading" }
    | { kind: "failed"; message: string }
    | { kind: "ready"; store: StoreApi<DefinitionState>; fromDraft: boolean }
  >({ kind: "loading" });
  useEffect(() => {
    let live = true;
    setState({ kind: "loading" });
    loadApp(api, props.appId)
      .then((loaded) => {
        if (live)
          setState({
            kind: "ready",
            store: createDefinitionStore(loaded.definition),
            fromDraft: loaded.fromDraft,
          });
      })
      .catch((e: unknown) => {
        if (live) setState({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
  }, [api, props.appId]);
  return (
    <I18nextProvider i18n={i18n} defaultNS="builder">
      {/* Chinese button labels read better without antd's inserted space ("发布", not "发 布"). */}
      <ConfigProvider button={{ autoInsertSpace: false }}>
        <AntApp>
          {state.kind === "loading" && <Spin style={{ display: "block", margin: 48 }} />}
          {state.kind === "failed" && <LoadFailed message={state.message} />}
          {state.kind === "ready" && (
            <BuilderProvider store={state.store} api={api} appId={props.appId}>
              {/* A host page has its own language switch: a second one here would only compete with it. */}
              <BuilderTabs fromDraft={state.fromDraft} languageSwitch={host === undefined} />
            </BuilderProvider>
          )}
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}

function LoadFailed(props: { message: string }) {
  const { t } = useTranslation("builder");
  return <Alert type="error" showIcon title={t("app.loadFailed")} description={props.message} />;
}

import { DeleteOutlined, HolderOutlined, PlusOutlined } from "@ant-design/icons";
import type { Dashboard, PeriodUnit, Widget } from "@stagecraft/schemas";
import { Alert, Button, Card, Dropdown, Empty, Select, Space } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/builder-api.js";
import { DragArea, useDragSource, useDropTarget, type Drop } from "../dnd/dnd-adapter.js";
import { PERIODS } from "../kpi/goal-editor.js";
import { freshId } from "../store/definition-ops.js";
import { useBuilder, useBuilderApi, useDefinitionStore } from "../store/store-context.js";
import { I18nTextInput } from "../shared/i18n-text-input.js";
import { langOf, textOf } from "../shared/i18n-text.js";
import { withOptional } from "../shared/optional.js";
import { applyWidgetDrop, flowLayout, newWidget, updateDashboard } from "./dashboard-ops.js";
import { dashboardDataOf, type WidgetData } from "./widget-data.js";
import { WidgetSettings } from "./widget-settings.js";
import { WidgetView } from "./widget-view.js";

const WIDGET_TYPES: readonly Widget["type"][] = ["number", "line", "bar", "funnel", "leaderboard", "table"];

function WidgetTile(props: {
  dashboardId: string;
  widget: Widget;
  index: number;
  selected: boolean;
  data: WidgetData | undefined;
  onSelect: () => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const kpiId = "kpi" in props.widget ? props.widget.kpi : undefined;
  const kpi = useBuilder((s) =>
    kpiId === undefined ? undefined : s.definition.kpis?.find((k) => k.id === kpiId),
  );
  const drag = useDragSource(`widget:${props.widget.id}`, { kind: "widget", widgetId: props.widget.id });
  const drop = useDropTarget(`widget-slot:${props.widget.id}`, { kind: "widget-slot", index: props.index });
  const w = props.widget.layout?.w ?? 6;
  return (
    <div ref={drop.ref} style={{ gridColumn: `span ${w}` }} data-testid={`widget-${props.widget.id}`}>
      <Card
        ref={drag.ref}
        size="small"
        hoverable
        onClick={props.onSelect}
        style={{
          ...drag.style,
          borderColor: props.selected ? "#1677ff" : drop.isOver ? "#69b1ff" : undefined,
          height: "100%",
        }}
        title={
          <span
            {...drag.handleProps}
            style={{ cursor: "grab", color: "#9ca3af" }}
            aria-label={t("dashboard.dragWidget")}
          >
            <HolderOutlined /> {t(`dashboard.types.${props.widget.type}`)}
          </span>
        }
        extra={
          <Button
            size="small"
            type="text"
            danger
            aria-label={t("dashboard.removeWidget", { id: props.widget.id })}
            icon={<DeleteOutlined />}
            onClick={(e) => {
              e.stopPropagation();
              props.onRemove();
            }}
          />
        }
      >
        <WidgetView widget={props.widget} data={props.data} kpi={kpi} lang={lang} />
      </Card>
    </div>
  );
}

/** The dashboards of the app: widgets on a 12-column grid (drag to arrange), each with its settings and live data once published. */
export function DashboardEditor() {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const store = useDefinitionStore();
  const { api, appId } = useBuilderApi();
  const definition = useBuilder((s) => s.definition);
  const dashboards = definition.dashboards ?? [];
  const [selectedId, setSelectedId] = useState<string | undefined>(dashboards[0]?.id);
  const dashboard: Dashboard | undefined = dashboards.find((d) => d.id === selectedId) ?? dashboards[0];
  const [widgetId, setWidgetId] = useState<string | undefined>(undefined);
  const [data, setData] = useState<Map<string, WidgetData>>(new Map());
  const [dataNote, setDataNote] = useState<string | null>(null);
  const dashboardId = dashboard?.id;
  useEffect(() => {
    if (dashboardId === undefined) return;
    let live = true;
    api
      .request("GET", `/api/apps/${encodeURIComponent(appId)}/dashboards/${encodeURIComponent(dashboardId)}`)
      .then((body) => {
        if (live) {
          setData(dashboardDataOf(body));
          setDataNote(null);
        }
      })
      .catch((e: unknown) => {
        if (!live) return;
        setData(new Map());
        setDataNote(
          e instanceof ApiError && e.status === 404
            ? t("dashboard.notPublished")
            : t("dashboard.dataFailed", { reason: e instanceof Error ? e.message : "" }),
        );
      });
    return () => {
      live = false;
    };
  }, [api, appId, dashboardId, t]);

  const addDashboard = () => {
    const id = freshId("dashboard", new Set(dashboards.map((d) => d.id)));
    store.getState().edit((d) => ({
      ...d,
      dashboards: [
        ...(d.dashboards ?? []),
        { id, name: { zh: "新仪表盘", en: "New dashboard" }, period: "month", widgets: [] },
      ],
    }));
    setSelectedId(id);
  };
  if (dashboard === undefined) {
    return (
      <Empty description={t("dashboard.none")}>
        <Button type="primary" onClick={addDashboard}>
          {t("dashboard.add")}
        </Button>
      </Empty>
    );
  }
  const change = (next: Dashboard, what: string) => {
    store
      .getState()
      .edit((d) => updateDashboard(d, dashboard.id, () => next), `dashboard:${dashboard.id}:${what}`);
  };
  const widget = dashboard.widgets.find((w) => w.id === widgetId);
  const onDrop = (drop: Drop) => {
    store.getState().edit((d) => applyWidgetDrop(d, dashboard.id, drop));
  };
  return (
    <div
      style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr) 320px", gap: 16, alignItems: "start" }}
    >
      <Card
        size="small"
        title={
          <Space>
            <Select<string>
              aria-label={t("dashboard.pick")}
              size="small"
              style={{ width: 180 }}
              value={dashboard.id}
              options={dashboards.map((d) => ({ value: d.id, label: textOf(d.name, lang) || d.id }))}
              onChange={(id) => {
                setSelectedId(id);
                setWidgetId(undefined);
              }}
            />
            <Button size="small" icon={<PlusOutlined />} onClick={addDashboard}>
              {t("dashboard.add")}
            </Button>
          </Space>
        }
        extra={
          <Dropdown
            menu={{
              items: WIDGET_TYPES.map((type) => ({ key: type, label: t(`dashboard.types.${type}`) })),
              onClick: ({ key }) => {
                const type = WIDGET_TYPES.find((w) => w === key);
                if (type === undefined) return;
                const added = newWidget(type, store.getState().definition, dashboard.widgets);
                change({ ...dashboard, widgets: flowLayout([...dashboard.widgets, added]) }, "widgets");
                setWidgetId(added.id);
              },
            }}
          >
            <Button size="small" type="primary" icon={<PlusOutlined />}>
              {t("dashboard.addWidget")}
            </Button>
          </Dropdown>
        }
        styles={{ body: { background: "#f7f8fa" } }}
      >
        <Space wrap style={{ marginBottom: 12 }} align="start">
          <div style={{ minWidth: 260 }}>
            <I18nTextInput
              label={t("dashboard.name")}
              value={dashboard.name}
              onChange={(name) => {
                if (name) change({ ...dashboard, name }, "name");
              }}
            />
          </div>
          <Select<PeriodUnit>
            aria-label={t("dashboard.defaultPeriod")}
            style={{ width: 120 }}
            value={dashboard.period ?? "month"}
            options={PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) }))}
            onChange={(period) => {
              change(withOptional(dashboard, "period", period), "period");
            }}
          />
        </Space>
        {dataNote !== null && <Alert type="info" showIcon title={dataNote} style={{ marginBottom: 12 }} />}
        {dashboard.widgets.length === 0 ? (
          <Empty description={t("dashboard.noWidgets")} />
        ) : (
          <DragArea onDrop={onDrop}>
            <div style={{ display: "grid", gridTemplateColumns: "repeat(12, minmax(0, 1fr))", gap: 12 }}>
              {dashboard.widgets.map((w, index) => (
                <WidgetTile
                  key={w.id}
                  dashboardId={dashboard.id}
                  widget={w}
                  index={index}
                  selected={w.id === widgetId}
                  data={data.get(w.id)}
                  onSelect={() => {
                    setWidgetId(w.id);
                  }}
                  onRemove={() => {
                    change(
                      { ...dashboard, widgets: flowLayout(dashboard.widgets.filter((x) => x.id !== w.id)) },
                      "widgets",
                    );
                  }}
                />
              ))}
            </div>
          </DragArea>
        )}
      </Card>
      <Card size="small" title={t("dashboard.widgetSettings")}>
        {widget === undefined ? (
          <Empty description={t("dashboard.selectWidget")} />
        ) : (
          <WidgetSettings
            widget={widget}
            definition={definition}
            lang={lang}
            onChange={(next) => {
              change(
                {
                  ...dashboard,
                  widgets: flowLayout(dashboard.widgets.map((w) => (w.id === next.id ? next : w))),
                },
                `widget:${next.id}`,
              );
            }}
          />
        )}
      </Card>
    </div>
  );
}

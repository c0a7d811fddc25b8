import type { Kpi, Widget } from "@stagecraft/schemas";
import { Empty, Progress, Statistic, Table, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { textOf, type Lang } from "../shared/i18n-text.js";
import { EChart, type ChartOption } from "./echart.js";
import type { KpiData, WidgetData } from "./widget-data.js";

/** A KPI value as people read it: money with ¥, a ratio as a percentage, durations in days. */
export function formatValue(value: number | null, format: Kpi["format"], lang: Lang): string {
  if (value === null) return "—";
  const locale = lang === "zh" ? "zh-CN" : "en-US";
  switch (format) {
    case "money":
      return `¥${value.toLocaleString(locale, { maximumFractionDigits: 2 })}`;
    case "percent":
      return `${(value * 100).toLocaleString(locale, { maximumFractionDigits: 1 })}%`;
    case "days":
      return `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} ${lang === "zh" ? "天" : "days"}`;
    default:
      return value.toLocaleString(locale, { maximumFractionDigits: 2 });
  }
}

function seriesOption(kpi: KpiData, kind: "line" | "bar", t: (k: string) => string): ChartOption {
  const hasGoal = kpi.series.some((p) => p.goal !== null);
  return {
    tooltip: { trigger: "axis" },
    legend: { show: hasGoal, bottom: 0 },
    grid: { left: 56, right: 16, top: 16, bottom: hasGoal ? 52 : 24 },
    xAxis: { type: "category", data: kpi.series.map((p) => p.period) },
    yAxis: { type: "value" },
    series: [
      {
        type: kind,
        name: t("dashboard.actual"),
        data: kpi.series.map((p) => p.value),
        smooth: kind === "line",
        itemStyle: { color: "#1677ff" },
      },
      ...(hasGoal
        ? [
            {
              type: "line" as const,
              name: t("dashboard.goal"),
              data: kpi.series.map((p) => p.goal),
              lineStyle: { type: "dashed" as const },
              itemStyle: { color: "#faad14" },
            },
          ]
        : []),
    ],
  };
}

/** One widget drawn from its data: number card with goal ratio, line/bar over periods or groups, funnel, leaderboard, table. */
export function WidgetView(props: {
  widget: Widget;
  data: WidgetData | undefined;
  kpi: Kpi | undefined;
  lang: Lang;
  error?: string | undefined;
}) {
  const { t } = useTranslation("builder");
  const { widget, data, kpi, lang } = props;
  const title = textOf(widget.title, lang) || textOf(kpi?.name, lang) || t(`dashboard.types.${widget.type}`);
  const option = useMemo<ChartOption | undefined>(() => {
    if (data === undefined) return undefined;
    if ((widget.type === "line" || widget.type === "bar") && data.kind === "kpi") {
      if (widget.type === "bar" && widget.groupBy !== undefined && data.kpi.groups.length > 0) {
        return {
          tooltip: { trigger: "axis" },
          grid: { left: 48, right: 16, top: 16, bottom: 24 },
          xAxis: { type: "category", data: data.kpi.groups.map((g) => g.key) },
          yAxis: { type: "value" },
          series: [
            { type: "bar", data: data.kpi.groups.map((g) => g.value), itemStyle: { color: "#1677ff" } },
          ],
        };
      }
      return seriesOption(data.kpi, widget.type, t);
    }
    if (widget.type === "funnel" && data.kind === "funnel") {
      return {
        tooltip: { trigger: "item" },
        series: [
          {
            type: "funnel",
            // Labels sit outside on the right: leave them room, or long stage names are cut off.
            left: "4%",
            width: "58%",
            // The whole height for the steps (the default keeps 60 px above and below), so the
            // labels of many stages, or of stages without records, do not run into each other.
            top: 8,
            bottom: 8,
            sort: "none",
            label: { formatter: "{b}: {c}" },
            data: data.steps.map((s) => ({ name: textOf(s.name, lang) || s.stage, value: s.count })),
          },
        ],
      };
    }
    return undefined;
  }, [data, widget, lang, t]);
  let body;
  if (props.error !== undefined) body = <Typography.Text type="danger">{props.error}</Typography.Text>;
  else if (data === undefined)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.noData")} />;
  else if (widget.type === "number" && data.kind === "kpi") {
    const ratio = data.kpi.ratio;
    body = (
      <div>
        <Statistic value={formatValue(data.kpi.value, kpi?.format, lang)} />
        {data.kpi.goal !== null && (
          <>
            <Typography.Text type="secondary">
              {t("dashboard.goalOf", { goal: formatValue(data.kpi.goal, kpi?.format, lang) })}
            </Typography.Text>
            <Progress
              percent={ratio === null ? 0 : Math.round(ratio * 1000) / 10}
              status={ratio !== null && ratio >= 1 ? "success" : "active"}
            />
          </>
        )}
      </div>
    );
  } else if (widget.type === "leaderboard" && data.kind === "kpi") {
    body = (
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={data.kpi.groups}
        columns={[
          { title: t("dashboard.rank"), key: "rank", width: 56, render: (_v, _r, i) => i + 1 },
          { title: t("dashboard.who"), dataIndex: "key" },
          {
            title: t("dashboard.value"),
            key: "value",
            render: (_v, row) => formatValue(row.value, kpi?.format, lang),
          },
          {
            title: t("dashboard.goal"),
            key: "goal",
            render: (_v, row) => formatValue(row.goal, kpi?.format, lang),
          },
        ]}
      />
    );
  } else if (widget.type === "table" && data.kind === "table") {
    body = <Typography.Text>{t("dashboard.rows", { count: data.rows.length })}</Typography.Text>;
  } else if (option !== undefined) {
    // A funnel grows with its stages: each label needs a line of its own.
    const steps = data.kind === "funnel" ? data.steps.length : 0;
    body = <EChart option={option} height={Math.max(220, steps * 26 + 16)} label={title} />;
  } else body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.noData")} />;
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <div style={{ marginTop: 8 }}>{body}</div>
    </div>
  );
}

import { BarChart, FunnelChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { init, use, type ComposeOption } from "echarts/core";
import type { BarSeriesOption, FunnelSeriesOption, LineSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only the parts the dashboards draw are bundled (the modular echarts/core build).
use([LineChart, BarChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

/** The chart options the builder uses. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | FunnelSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/** An ECharts chart in a div: created once, updated with each option, resized with its box, disposed on unmount. */
export function EChart(props: { option: ChartOption; height: number; label: string }) {
  const box = useRef<HTMLDivElement | null>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const instance = init(element, undefined, { renderer: "svg" });
    chart.current = instance;
    const observer =
      typeof ResizeObserver === "undefined"
        ? null
        : new ResizeObserver(() => {
            instance.resize();
          });
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(props.option, true);
  }, [props.option]);
  return (
    <div ref={box} role="img" aria-label={props.label} style={{ width: "100%", height: props.height }} />
  );
}

// @vitest-environment happy-dom
import { validateDefinition, type AppDefinition } from "@stagecraft/schemas";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { applyWidgetDrop, flowLayout } from "../dashboard/dashboard-ops.js";
import { DashboardEditor } from "../dashboard/dashboard-editor.js";
import { dropOf } from "../dnd/dnd-adapter.js";
import { chooseOption, fakeApi, renderWithStore, salesApp, must } from "../test-support.js";
import { evenSplit } from "./goal-split.js";
import { KpiEditor } from "./kpi-editor.js";

afterEach(cleanup);

function appWithKpi(): AppDefinition {
  return {
    ...salesApp(),
    kpis: [
      {
        id: "won_amount",
        name: { zh: "赢单金额", en: "Won amount" },
        form: "deal",
        measure: { type: "count" },
        format: "money",
      },
    ],
    dashboards: [
      {
        id: "sales_board",
        name: { zh: "销售看板", en: "Sales board" },
        widgets: flowLayout([
          { id: "card", type: "number", kpi: "won_amount" },
          { id: "trend", type: "line", kpi: "won_amount", period: "month" },
          { id: "top", type: "leaderboard", kpi: "won_amount", groupBy: "_owner" },
        ]),
      },
    ],
  };
}

describe("KPI editor", { timeout: 120_000 }, () => {
  it("sets a measure, filter, grouping and a year goal split to months and people", async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<KpiEditor />, appWithKpi());
    await chooseOption(user, screen.getByRole("combobox", { name: "统计方式" }), "求和");
    await chooseOption(user, screen.getByRole("combobox", { name: "分组（最多 3 个）" }), "负责人");
    await user.click(screen.getByRole("button", { name: /添加筛选条件$/ }));
    await chooseOption(user, screen.getByRole("combobox", { name: "筛选条件 1" }), "已填写");
    await chooseOption(user, screen.getByRole("combobox", { name: "目标类型" }), "年度目标拆分到月和人");
    const split = screen.getByTestId("goal-split");
    await user.click(within(split).getByRole("button", { name: /添加人员$/ }));
    await user.click(within(split).getByRole("button", { name: /添加人员$/ }));
    await user.type(within(split).getByRole("textbox", { name: "第 1 人" }), "u_li");
    await user.type(within(split).getByRole("textbox", { name: "第 2 人" }), "u_wang");
    await user.click(within(split).getByRole("button", { name: "平均分配" }));
    const kpi = store.getState().definition.kpis?.[0];
    expect(kpi?.measure).toEqual({ type: "sum", field: "amount" });
    expect(kpi?.groupBy).toEqual(["_owner"]);
    expect(kpi?.filter).toEqual([{ field: "title", op: "is_set" }]);
    expect(kpi?.goal).toEqual({
      type: "split",
      year: new Date().getFullYear(),
      total: 1200000,
      mode: "amounts",
      months: evenSplit(1200000, 12),
      members: [
        { key: "u_li", value: 600000 },
        { key: "u_wang", value: 600000 },
      ],
    });
    expect(validateDefinition(store.getState().definition).errors).toEqual([]);
  }, 120_000);

  it("splits amounts evenly in whole units that add up exactly", () => {
    expect(evenSplit(100, 12).reduce((a, b) => a + b, 0)).toBe(100);
    expect(evenSplit(100, 3)).toEqual([34, 33, 33]);
  });
});

describe("dashboard editor", { timeout: 120_000 }, () => {
  it("rearranges widgets by a drop and reflows the 12-column grid", () => {
    const drop = dropOf({
      active: { data: { current: { kind: "widget", widgetId: "top" } } },
      over: { data: { current: { kind: "widget-slot", index: 0 } } },
    });
    const next = applyWidgetDrop(appWithKpi(), "sales_board", must(drop));
    const widgets = next.dashboards?.[0]?.widgets ?? [];
    expect(widgets.map((w) => [w.id, w.layout])).toEqual([
      ["top", { x: 0, y: 0, w: 6, h: 4 }],
      ["card", { x: 6, y: 0, w: 3, h: 2 }],
      ["trend", { x: 0, y: 4, w: 6, h: 4 }],
    ]);
    expect(validateDefinition(next).errors).toEqual([]);
  });

  it("draws the number card with its goal ratio and the leaderboard from the published data, and adds a widget", async () => {
    const api = fakeApi({
      "GET /api/apps/sales/dashboards/sales_board": {
        id: "sales_board",
        widgets: [
          {
            id: "card",
            type: "number",
            data: { value: 250000, goal: 1000000, ratio: 0.25, series: [], groups: [] },
          },
          {
            id: "trend",
            type: "line",
            data: {
              value: 250000,
              goal: null,
              ratio: null,
              series: [
                { period: "2026-10", value: 100000, goal: null },
                { period: "2026-11", value: 150000, goal: null },
              ],
              groups: [],
            },
          },
          {
            id: "top",
            type: "leaderboard",
            data: {
              value: 250000,
              goal: null,
              ratio: null,
              series: [],
              groups: [
                { key: "u_li", value: 150000, goal: null },
                { key: "u_wang", value: 100000, goal: null },
              ],
            },
          },
        ],
      },
    });
    const user = userEvent.setup();
    const { store } = renderWithStore(<DashboardEditor />, appWithKpi(), api);
    const card = screen.getByTestId("widget-card");
    await waitFor(() => {
      expect(within(card).getByText("¥250,000")).toBeTruthy();
    });
    expect(within(card).getByText("目标 ¥1,000,000")).toBeTruthy();
    expect(within(card).getByText("25%")).toBeTruthy();
    const top = screen.getByTestId("widget-top");
    expect(within(top).getByText("u_li")).toBeTruthy();
    expect(within(top).getByText("¥150,000")).toBeTruthy();
    expect(within(screen.getByTestId("widget-trend")).getByRole("img", { name: "赢单金额" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: /添加组件$/ }));
    await user.click(await screen.findByText("漏斗图"));
    const widgets = store.getState().definition.dashboards?.[0]?.widgets ?? [];
    expect(widgets.at(-1)).toMatchObject({ id: "funnel_1", type: "funnel", form: "deal" });
    expect(validateDefinition(store.getState().definition).errors).toEqual([]);
  });
});

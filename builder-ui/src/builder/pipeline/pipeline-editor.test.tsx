// @vitest-environment happy-dom
import { validateDefinition } from "@stagecraft/schemas";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { dropOf } from "../dnd/dnd-adapter.js";
import { formOf } from "../store/definition-ops.js";
import { renderWithStore, salesApp, must } from "../test-support.js";
import { applyStageDrop } from "./pipeline-ops.js";
import { PipelineEditor } from "./pipeline-editor.js";

afterEach(cleanup);

function stageIds(definition: ReturnType<typeof salesApp>): string[] {
  return formOf(definition, "deal")?.pipeline?.stages.map((s) => s.id) ?? [];
}

describe("pipeline editor", { timeout: 120_000 }, () => {
  it("reorders stages by a drag (adapter drop) and by the arrow buttons", async () => {
    const drop = dropOf({
      active: { data: { current: { kind: "stage", stageId: "new" } } },
      over: { data: { current: { kind: "stage-slot", index: 1 } } },
    });
    expect(drop).toEqual({
      source: { kind: "stage", stageId: "new" },
      target: { kind: "stage-slot", index: 1 },
    });
    expect(stageIds(applyStageDrop(salesApp(), "deal", must(drop)).definition)).toEqual([
      "quote",
      "new",
      "won",
    ]);

    const user = userEvent.setup();
    const { store } = renderWithStore(<PipelineEditor formId="deal" />);
    await user.click(screen.getByRole("button", { name: "右移 新建" }));
    expect(stageIds(store.getState().definition)).toEqual(["quote", "new", "won"]);
    const columns = within(screen.getByRole("list", { name: "流程阶段" })).getAllByRole("button", {
      name: /^阶段：/,
    });
    expect(columns.map((c) => c.getAttribute("aria-label"))).toEqual([
      "阶段：报价",
      "阶段：新建",
      "阶段：赢单",
    ]);
  });

  it("adds a stage where the new-stage chip is dropped, or before the closing ones when it is clicked", async () => {
    const drop = dropOf({
      active: { data: { current: { kind: "new-stage" } } },
      over: { data: { current: { kind: "stage-slot", index: 1 } } },
    });
    expect(drop).toEqual({ source: { kind: "new-stage" }, target: { kind: "stage-slot", index: 1 } });
    const dropped = applyStageDrop(salesApp(), "deal", must(drop));
    expect(dropped.added).toBe("stage_1");
    expect(stageIds(dropped.definition)).toEqual(["new", "stage_1", "quote", "won"]);
    expect(validateDefinition(dropped.definition).errors).toEqual([]);

    const user = userEvent.setup();
    const { store } = renderWithStore(<PipelineEditor formId="deal" />);
    await user.click(screen.getByTestId("new-stage-chip"));
    expect(stageIds(store.getState().definition)).toEqual(["new", "quote", "stage_1", "won"]);
    // The added stage is opened for its settings.
    expect(
      within(screen.getByTestId("stage-settings")).getByRole("textbox", { name: "阶段名称 (中文)" }),
    ).toHaveProperty("value", "阶段4");
  });

  it("adds a stage before the closing ones, renames it and sets its entry rules, approval and SLA", async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<PipelineEditor formId="deal" />);
    await user.click(screen.getByRole("button", { name: /添加阶段$/ }));
    expect(stageIds(store.getState().definition)).toEqual(["new", "quote", "stage_1", "won"]);
    const settings = screen.getByTestId("stage-settings");
    const name = within(settings).getByRole("textbox", { name: "阶段名称 (中文)" });
    await user.clear(name);
    await user.type(name, "谈判");
    await user.click(within(settings).getByRole("combobox", { name: "进入前必须填写" }));
    await user.click(await screen.findByTitle("金额"));
    const probability = within(settings).getByRole("spinbutton", { name: "赢单概率" });
    await user.type(probability, "60");
    await user.click(within(settings).getByRole("button", { name: "审批" }));
    await user.click(within(settings).getByRole("switch", { name: "需要审批" }));
    await user.click(within(settings).getByRole("button", { name: "时限（SLA）" }));
    await user.click(within(settings).getByRole("switch", { name: "设置时限" }));
    const stage = formOf(store.getState().definition, "deal")?.pipeline?.stages.find(
      (s) => s.id === "stage_1",
    );
    expect(stage).toMatchObject({
      name: { zh: "谈判" },
      requires: ["amount"],
      probability: 60,
      approval: { on: "enter", steps: [{ approvers: [{ type: "manager" }], mode: "any" }] },
      sla: { limit: { amount: 3, unit: "working_days" }, escalation: [] },
    });
    expect(validateDefinition(store.getState().definition).errors).toEqual([]);
  });

  it("sets a guard condition and marks a stage as lost", async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<PipelineEditor formId="deal" />);
    await user.click(screen.getByRole("button", { name: "阶段：报价" }));
    const guard = screen.getByTestId("guard-editor");
    await user.click(within(guard).getByRole("button", { name: /添加条件$/ }));
    await user.click(within(guard).getByRole("combobox", { name: "条件" }));
    await user.click(await screen.findByTitle("已填写"));
    await user.click(
      within(screen.getByTestId("stage-settings")).getByRole("combobox", { name: "结束状态" }),
    );
    await user.click(await screen.findByTitle("输单"));
    const stage = formOf(store.getState().definition, "deal")?.pipeline?.stages.find((s) => s.id === "quote");
    expect(stage?.guard).toEqual({ and: [{ "!!": [{ var: "title" }] }] });
    expect(stage?.terminal).toBe("lost");
    expect(validateDefinition(store.getState().definition).errors).toEqual([]);
  });
});

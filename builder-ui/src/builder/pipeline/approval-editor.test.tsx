// @vitest-environment happy-dom
import { validateDefinition } from "@stagecraft/schemas";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { formOf } from "../store/definition-ops.js";
import type { salesApp } from "../test-support.js";
import { renderWithStore } from "../test-support.js";
import { PipelineEditor } from "./pipeline-editor.js";

afterEach(cleanup);

function quoteStage(definition: ReturnType<typeof salesApp>) {
  return formOf(definition, "deal")?.pipeline?.stages.find((s) => s.id === "quote");
}

describe("approval editor", { timeout: 120_000 }, () => {
  it("builds a leave approval of two steps: the manager, then everyone of a role when a condition holds", async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<PipelineEditor formId="deal" />);
    await user.click(screen.getByRole("button", { name: "阶段：报价" }));
    const settings = screen.getByTestId("stage-settings");
    await user.click(within(settings).getByRole("button", { name: "审批" }));
    await user.click(within(settings).getByRole("switch", { name: "需要审批" }));
    await user.click(within(settings).getByRole("combobox", { name: "审批时机" }));
    await user.click(await screen.findByTitle("离开此阶段前审批"));
    await user.click(within(settings).getByRole("button", { name: /添加审批步骤$/ }));
    // Step 2: a role, everyone must approve, only when a condition holds, due in a while.
    await user.click(within(settings).getAllByRole("combobox", { name: "审批人 1" })[1] ?? settings);
    await user.click(await screen.findByTitle("指定角色"));
    const modes = within(settings).getAllByRole("combobox", { name: "审批方式" });
    await user.click(modes[1] ?? settings);
    await user.click(await screen.findByTitle("会签（所有人都要同意）"));
    const condition = screen.getByTestId("step-condition-2");
    await user.click(within(condition).getByRole("button", { name: /添加条件$/ }));
    await user.click(within(condition).getByRole("combobox", { name: "条件" }));
    await user.click(await screen.findByTitle("已填写"));
    await user.click(within(settings).getAllByRole("switch", { name: "处理期限" })[1] ?? settings);
    await user.click(within(settings).getAllByRole("combobox", { name: "超时后" })[0] ?? settings);
    await user.click(await screen.findByTitle("自动拒绝"));

    const approval = quoteStage(store.getState().definition)?.approval;
    expect(approval).toMatchObject({
      on: "leave",
      steps: [
        { approvers: [{ type: "manager" }], mode: "any" },
        {
          approvers: [{ type: "role", role: "admin" }],
          mode: "all",
          when: { and: [{ "!!": [{ var: "title" }] }] },
          due: { after: { amount: 2, unit: "working_days" }, onOverdue: "auto_reject" },
        },
      ],
    });
    expect(approval?.steps[0]?.when).toBeUndefined();
    expect(validateDefinition(store.getState().definition).errors).toEqual([]);

    // Clearing the condition drops `when` again; turning approval off drops the whole approval.
    await user.click(within(condition).getByRole("button", { name: /删除条件/ }));
    expect(quoteStage(store.getState().definition)?.approval?.steps[1]?.when).toBeUndefined();
    await user.click(within(settings).getByRole("switch", { name: "需要审批" }));
    expect(quoteStage(store.getState().definition)?.approval).toBeUndefined();
  });
});

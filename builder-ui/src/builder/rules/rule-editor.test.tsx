// @vitest-environment happy-dom
import { validateDefinition, type AppDefinition } from "@stagecraft/schemas";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { chooseOption, fakeApi, renderWithStore, salesApp } from "../test-support.js";
import { ACTION_TYPES, TRIGGER_TYPES } from "./rule-factory.js";
import { RuleEditor } from "./rule-editor.js";
import { zh } from "../i18n/zh.js";

afterEach(cleanup);

function appWithRule(): AppDefinition {
  return {
    ...salesApp(),
    rules: [
      {
        id: "welcome",
        name: { zh: "欢迎", en: "Welcome" },
        trigger: { type: "record.created", form: "deal" },
        actions: [{ type: "notify", to: [{ type: "owner" }], title: { zh: "新商机", en: "New deal" } }],
      },
    ],
  };
}

function problems(definition: AppDefinition): string[] {
  return validateDefinition(definition).errors.map((e) => `${e.code} ${e.path}`);
}

describe("rule editor", { timeout: 120_000 }, () => {
  it("builds a valid rule for every trigger type the schemas define", async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<RuleEditor showRuns={false} />, appWithRule());
    for (const type of TRIGGER_TYPES) {
      await chooseOption(user, screen.getByRole("combobox", { name: "触发方式" }), zh.rules.triggers[type]);
      const rule = store.getState().definition.rules?.[0];
      expect(rule?.trigger.type).toBe(type);
      expect({ type, problems: problems(store.getState().definition) }).toEqual({ type, problems: [] });
    }
  }, 120_000);

  it("builds a valid rule for every action type the schemas define", async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<RuleEditor showRuns={false} />, appWithRule());
    for (const type of ACTION_TYPES) {
      await chooseOption(user, screen.getByRole("combobox", { name: "动作类型 1" }), zh.rules.actions[type]);
      if (type === "assign_owner") {
        // A fixed owner needs a member: until one is typed the problem is reported, then it is valid.
        expect(problems(store.getState().definition)).toEqual([
          "min_length /rules/0/actions/0/strategy/userId",
        ]);
        await user.type(screen.getByRole("textbox", { name: "成员编号" }), "u_sales_1");
      }
      expect(store.getState().definition.rules?.[0]?.actions[0]?.type).toBe(type);
      expect({ type, problems: problems(store.getState().definition) }).toEqual({ type, problems: [] });
    }
    expect(store.getState().definition.rules?.[0]?.actions[0]).toEqual({ type: "wait", days: 1 });
  }, 120_000);

  it("sets a condition, adds an update action with a value from the record, and disables the rule", async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<RuleEditor showRuns={false} />, appWithRule());
    const condition = screen.getByTestId("rule-condition");
    await user.click(within(condition).getByRole("button", { name: /添加条件$/ }));
    await chooseOption(user, within(condition).getByRole("combobox", { name: "字段" }), "级别");
    await user.click(screen.getByRole("button", { name: /添加动作$/ }));
    await chooseOption(user, screen.getByRole("combobox", { name: "动作类型 2" }), "更新其他记录");
    await chooseOption(
      user,
      screen.getByRole("combobox", { name: "设置为 2 值 1 取值方式" }),
      "本记录的「标题」",
    );
    await user.click(screen.getByRole("switch", { name: "启用" }));
    const rule = store.getState().definition.rules?.[0];
    expect(rule?.when).toEqual({ and: [{ "==": [{ var: "level" }, "a"] }] });
    expect(rule?.actions[1]).toEqual({
      type: "update_records",
      form: "customer",
      target: { type: "reference", field: "customer" },
      set: { name: { var: "title" } },
    });
    expect(rule?.enabled).toBe(false);
    expect(problems(store.getState().definition)).toEqual([]);
  });

  it("shows each run's status, attempts, error and effects, and retries a failed run", async () => {
    const api = fakeApi({
      "GET /api/apps/sales/runs?ruleId=welcome": [
        {
          id: "run_2",
          ruleId: "welcome",
          status: "dead",
          attempts: 3,
          error: "webhook timed out",
          effects: [],
        },
        {
          id: "run_1",
          ruleId: "welcome",
          status: "succeeded",
          attempts: 1,
          error: null,
          effects: [{ type: "set_field", field: "title" }],
        },
      ],
    });
    const user = userEvent.setup();
    renderWithStore(<RuleEditor />, appWithRule(), api);
    const log = await screen.findByTestId("run-log");
    await waitFor(() => {
      expect(within(log).getByText("已放弃")).toBeTruthy();
    });
    expect(within(log).getByText("尝试 3 次")).toBeTruthy();
    expect(within(log).getByText("错误：webhook timed out")).toBeTruthy();
    expect(within(log).getByText("结果：设置字段（title）")).toBeTruthy();
    await user.click(within(log).getByRole("button", { name: /重\s?试/ }));
    await waitFor(() => {
      expect(
        api.calls.some((c) => c.method === "POST" && c.path === "/api/apps/sales/runs/run_2/retry"),
      ).toBe(true);
    });
  });
});

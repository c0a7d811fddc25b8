// @vitest-environment happy-dom
import { validateDefinition } from "@stagecraft/schemas";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { Expression } from "@stagecraft/schemas";
import { chooseOption, renderWithStore, salesApp, must } from "../test-support.js";
import { ConditionEditor } from "./condition-editor.js";
import { conditionToLogic, logicToCondition } from "./condition-model.js";
import { fieldChoicesOf } from "./field-choices.js";
import { formulaToLogic, logicToFormula } from "./formula-model.js";

afterEach(cleanup);

describe("condition model", { timeout: 120_000 }, () => {
  it("turns and/or groups of lines into JSON Logic and back", () => {
    const logic = conditionToLogic({
      kind: "group",
      join: "or",
      items: [
        { kind: "rule", field: "level", operator: "one_of", value: ["a", "b"] },
        {
          kind: "group",
          join: "and",
          items: [
            { kind: "rule", field: "amount", operator: "gte", value: 100000 },
            { kind: "rule", field: "close_date", operator: "is_set", value: null },
          ],
        },
      ],
    });
    expect(logic).toEqual({
      or: [
        { in: [{ var: "level" }, ["a", "b"]] },
        { and: [{ ">=": [{ var: "amount" }, 100000] }, { "!!": [{ var: "close_date" }] }] },
      ],
    });
    expect(conditionToLogic(must(logicToCondition(logic)))).toEqual(logic);
    expect(conditionToLogic({ kind: "group", join: "and", items: [] })).toBeUndefined();
    expect(logicToCondition({ log: [1] })).toBeUndefined();
  });

  it("builds formulas from menus that the engine accepts", () => {
    const formula = formulaToLogic({
      kind: "arithmetic",
      first: { kind: "field", field: "amount" },
      rest: [
        { op: "/", operand: { kind: "number", value: 2 } },
        { op: "+", operand: { kind: "number", value: 1 } },
      ],
    });
    expect(formula).toEqual({ "+": [{ div: [{ var: "amount" }, 2] }, 1] });
    expect(logicToFormula(formula)).toEqual({
      kind: "arithmetic",
      first: { kind: "field", field: "amount" },
      rest: [
        { op: "/", operand: { kind: "number", value: 2 } },
        { op: "+", operand: { kind: "number", value: 1 } },
      ],
    });
    const app = salesApp();
    app.forms[0]?.fields.push({
      id: "total",
      type: "formula",
      resultType: "money",
      label: { zh: "合计", en: "Total" },
      expression: formulaToLogic({ kind: "sum_of", subform: "items", column: "price" }),
    });
    expect(validateDefinition(app).errors).toEqual([]);
  });
});

function Harness(props: { onChange: (e: Expression | undefined) => void }) {
  const [value, setValue] = useState<Expression | undefined>(undefined);
  return (
    <ConditionEditor
      value={value}
      fields={fieldChoicesOf(salesApp().forms[0], "zh")}
      onChange={(next) => {
        setValue(next);
        props.onChange(next);
      }}
    />
  );
}

describe("condition editor", { timeout: 120_000 }, () => {
  it("produces an or-group with a nested and-group from menus", async () => {
    const user = userEvent.setup();
    let latest: Expression | undefined;
    renderWithStore(
      <Harness
        onChange={(e) => {
          latest = e;
        }}
      />,
    );
    await user.click(screen.getByRole("button", { name: /添加条件$/ }));
    await chooseOption(user, screen.getByRole("combobox", { name: "字段" }), "级别");
    await chooseOption(user, screen.getByRole("combobox", { name: "值" }), "B级");
    await user.click(screen.getByRole("button", { name: /添加条件组$/ }));
    // The new group starts with the first field; make it "当前阶段 is 报价".
    const lines = screen.getAllByTestId("condition-line");
    await chooseOption(user, within(must(lines[1])).getByRole("combobox", { name: "字段" }), "当前阶段");
    await chooseOption(user, within(must(lines[1])).getByRole("combobox", { name: "值" }), "报价");
    await chooseOption(user, must(screen.getAllByRole("combobox", { name: "满足方式" })[0]), "任一条件");
    expect(latest).toEqual({
      or: [{ "==": [{ var: "level" }, "b"] }, { or: [{ "==": [{ var: "_stage" }, "quote"] }] }],
    });
    await user.click(within(must(lines[1])).getByRole("button", { name: "删除条件" }));
    expect(latest).toEqual({ or: [{ "==": [{ var: "level" }, "b"] }] });
  });
});

// @vitest-environment happy-dom
import { compileApp, type CompiledForm } from "@stagecraft/engine";
import type { AppDefinition } from "@stagecraft/schemas";
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/problem.js";
import type * as Localized from "../i18n/localized.js";
import { renderWithApp } from "../test-render.js";
import { FormEnvContext } from "./form-env.js";
import { FormFill } from "./form-fill.js";

const l = (zh: string, en: string) => ({ zh, en });

// Every label a component puts in words during a render: a field's row reads its label each time it renders.
const rendered: string[] = [];
vi.mock("../i18n/localized.js", async (importOriginal) => {
  const original = await importOriginal<typeof Localized>();
  return {
    ...original,
    useLocalized: () => (text: { zh: string; en: string } | undefined) => {
      if (text !== undefined) rendered.push(text.en);
      return text === undefined ? "" : text.en;
    },
  };
});

const definition: AppDefinition = {
  id: "test-app",
  name: l("测试", "Test"),
  forms: [
    {
      id: "order",
      name: l("订单", "Order"),
      fields: [
        { id: "name", type: "text", label: l("名称", "Name"), required: true, maxLength: 5 },
        { id: "urgent", type: "boolean", label: l("加急", "Urgent") },
        {
          id: "reason",
          type: "textarea",
          label: l("加急原因", "Reason"),
          required: true,
          visibleWhen: { "===": [{ var: "urgent" }, true] },
        },
        { id: "qty", type: "number", label: l("数量", "Quantity"), min: 0 },
        { id: "price", type: "number", label: l("单价", "Price") },
        {
          id: "total",
          type: "formula",
          label: l("合计", "Total"),
          resultType: "number",
          expression: { "*": [{ coalesce: [{ var: "qty" }, 0] }, { coalesce: [{ var: "price" }, 0] }] },
        },
        {
          id: "lines",
          type: "subform",
          label: l("明细", "Lines"),
          fields: [
            { id: "units", type: "number", label: l("件数", "Units") },
            {
              id: "double",
              type: "formula",
              label: l("双倍", "Double"),
              resultType: "number",
              expression: { "*": [{ coalesce: [{ var: "units" }, 0] }, 2] },
            },
          ],
        },
      ],
    },
  ],
};

function compiledForm(app: AppDefinition, formId: string): CompiledForm {
  const result = compileApp(app);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const form = result.app.forms.get(formId);
  if (!form) throw new Error("no form");
  return form;
}

const orderForm = () => compiledForm(definition, "order");

const ctx = { now: "2026-11-23T09:00:00Z", timeZone: "UTC" };

function fieldBox(id: string): HTMLElement {
  const box = document.querySelector<HTMLElement>(`[data-field="${id}"]`);
  if (!box) throw new Error(`field ${id} is not on screen`);
  return box;
}

afterEach(cleanup);

describe("FormFill", () => {
  it("computes formulas live with the engine as the user types", async () => {
    const user = userEvent.setup();
    renderWithApp(<FormFill form={orderForm()} ctx={ctx} onSubmit={() => Promise.resolve()} />);
    await user.type(screen.getByLabelText("Quantity"), "3");
    await user.type(screen.getByLabelText("Price"), "12.5");
    await waitFor(() => {
      expect(within(fieldBox("total")).getByRole("status").textContent).toBe("37.5");
    });
  });

  it("shows a conditional field only while its condition holds", async () => {
    const user = userEvent.setup();
    renderWithApp(<FormFill form={orderForm()} ctx={ctx} onSubmit={() => Promise.resolve()} />);
    expect(screen.queryByLabelText("Reason")).toBeNull();
    await user.click(screen.getByLabelText("Urgent"));
    expect(screen.getByLabelText("Reason")).toBeTruthy();
    await user.click(screen.getByLabelText("Urgent"));
    expect(screen.queryByLabelText("Reason")).toBeNull();
  });

  it("shows the engine's error for a touched field in words", async () => {
    const user = userEvent.setup();
    renderWithApp(<FormFill form={orderForm()} ctx={ctx} onSubmit={() => Promise.resolve()} />);
    await user.type(screen.getByLabelText("Quantity"), "-2");
    await waitFor(() => {
      expect(within(fieldBox("qty")).getByRole("alert").textContent).toBe("Must be at least 0");
    });
    // An untouched required field says nothing until a submit.
    expect(within(fieldBox("name")).queryByRole("alert")).toBeNull();
  });

  it("maps the server's 422 errors onto their fields and clears one when its field changes", async () => {
    const user = userEvent.setup();
    const sent: Record<string, unknown>[] = [];
    const onSubmit = (data: Record<string, unknown>) => {
      sent.push(data);
      return Promise.reject(
        new ApiError(422, "Unprocessable Content", "the record has 2 invalid fields", [
          { path: "/data/name", code: "required", message: "is required" },
          { path: "/data/price", code: "custom_rule", message: "price is above the list price" },
        ]),
      );
    };
    renderWithApp(<FormFill form={orderForm()} ctx={ctx} onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText("Price"), "99");
    await user.click(screen.getByRole("button", { name: "Submit" }));
    await waitFor(() => {
      expect(within(fieldBox("name")).getByRole("alert").textContent).toBe("This field is required");
    });
    expect(within(fieldBox("price")).getByRole("alert").textContent).toBe("price is above the list price");
    expect(sent).toEqual([{ price: 99 }]);
    await user.type(screen.getByLabelText("Name"), "Acme");
    expect(within(fieldBox("name")).queryByRole("alert")).toBeNull();
    expect(within(fieldBox("price")).getByRole("alert")).toBeTruthy();
  });

  it("adds subform rows whose row formulas update live", async () => {
    const user = userEvent.setup();
    renderWithApp(<FormFill form={orderForm()} ctx={ctx} onSubmit={() => Promise.resolve()} />);
    await user.click(screen.getByRole("button", { name: /Add a row/ }));
    const units = document.getElementById("field-lines-0-units");
    if (!units) throw new Error("no row input");
    act(() => {
      fireEvent.change(units, { target: { value: "21" } });
    });
    await waitFor(() => {
      expect(document.getElementById("field-lines-0-double")?.textContent).toBe("42");
    });
  });
});

describe("re-rendering on a keystroke", () => {
  it("re-renders only the typed field and the formula that reads it", async () => {
    const user = userEvent.setup();
    renderWithApp(<FormFill form={orderForm()} ctx={ctx} onSubmit={() => Promise.resolve()} />);
    await user.type(screen.getByLabelText("Price"), "2");
    // A subform row: its computed rows are an object the engine rebuilds on every change.
    await user.click(screen.getByRole("button", { name: /Add a row/ }));
    rendered.length = 0;
    await user.type(screen.getByLabelText("Quantity"), "7");
    await waitFor(() => {
      expect(within(fieldBox("total")).getByRole("status").textContent).toBe("14");
    });
    expect(new Set(rendered)).toEqual(new Set(["Quantity", "Total"]));
  });
});

// A row's "damage note" shows when that row is damaged; its "customs code" when the record is an export.
const returnsDefinition: AppDefinition = {
  id: "rows-app",
  name: l("退货", "Returns"),
  forms: [
    {
      id: "returns",
      name: l("退货单", "Return"),
      fields: [
        { id: "export", type: "boolean", label: l("出口", "Export") },
        { id: "handler", type: "user", label: l("经办人", "Handler") },
        {
          id: "items",
          type: "subform",
          label: l("退货明细", "Items"),
          fields: [
            { id: "sku", type: "text", label: l("货号", "SKU") },
            { id: "damaged", type: "boolean", label: l("破损", "Damaged") },
            {
              id: "note",
              type: "text",
              label: l("破损说明", "Damage note"),
              required: true,
              visibleWhen: { "===": [{ var: "damaged" }, true] },
            },
            {
              id: "hs_code",
              type: "text",
              label: l("海关编码", "Customs code"),
              visibleWhen: { "===": [{ var: "_parent.export" }, true] },
            },
          ],
        },
      ],
    },
  ],
};

const returnsForm = () => compiledForm(returnsDefinition, "returns");

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`${id} is not on screen`);
  return element;
}

const shown = (row: number, fieldId: string) =>
  document.getElementById(`field-items-${row}-${fieldId}`) !== null;

describe("subform rows with visibleWhen", () => {
  it("shows a row field per row, as the engine evaluates the row and its parent", async () => {
    const user = userEvent.setup({ delay: null });
    const sent: Record<string, unknown>[] = [];
    renderWithApp(
      <FormFill
        form={returnsForm()}
        ctx={ctx}
        onSubmit={(data) => {
          sent.push(data);
          return Promise.resolve();
        }}
      />,
    );
    const addRow = screen.getByRole("button", { name: /Add a row/ });
    await user.click(addRow);
    await user.click(addRow);
    expect([shown(0, "sku"), shown(0, "note"), shown(1, "note")]).toEqual([true, false, false]);

    // Only the damaged row asks for its note.
    await user.click(byId("field-items-1-damaged"));
    expect([shown(0, "note"), shown(1, "note")]).toEqual([false, true]);

    // A condition on the parent record shows the field in every row, and hides it again.
    await user.click(byId("field-export"));
    expect([shown(0, "hs_code"), shown(1, "hs_code")]).toEqual([true, true]);
    await user.click(byId("field-export"));
    expect([shown(0, "hs_code"), shown(1, "hs_code")]).toEqual([false, false]);

    // The engine's verdict follows the rows too: the damaged row's note is required, the other row's is not.
    const noteError = (row: number) =>
      document.querySelector(`[data-row-field="${String(row)}/note"] [role="alert"]`)?.textContent;
    await waitFor(() => {
      expect(noteError(1)).toBe("This field is required");
    });
    expect(document.querySelectorAll(".field-error")).toHaveLength(1);
    await user.type(byId("field-items-1-note"), "torn");
    expect(noteError(1)).toBeUndefined();
    await user.click(byId("field-items-1-damaged"));
    expect(shown(1, "note")).toBe(false);

    await user.click(screen.getByRole("button", { name: "Submit" }));
    await waitFor(() => {
      expect(sent).toHaveLength(1);
    });
    // The submit settles: the user is told it was saved.
    expect(await screen.findByText("Saved")).toBeTruthy();
  });
});

describe("user fields", () => {
  it("pick a member by name from the workspace's list and send the member's id", async () => {
    const user = userEvent.setup({ delay: null });
    const sent: Record<string, unknown>[] = [];
    const users = [
      { id: "u1", name: "李雷", email: "lilei@example.com", role: "admin" },
      { id: "u2", name: "", email: "wangfang@example.com", role: "member" },
    ];
    renderWithApp(
      <FormEnvContext.Provider value={{ users }}>
        <FormFill
          form={returnsForm()}
          ctx={ctx}
          onSubmit={(data) => {
            sent.push(data);
            return Promise.resolve();
          }}
        />
      </FormEnvContext.Provider>,
    );
    await user.click(byId("field-handler"));
    expect(await screen.findByTitle("李雷")).toBeTruthy();
    // A member without a name is offered by email.
    await user.click(await screen.findByTitle("wangfang@example.com"));
    await user.click(screen.getByRole("button", { name: "Submit" }));
    await waitFor(() => {
      expect(sent).toEqual([{ handler: "u2" }]);
    });
    expect(await screen.findByText("Saved")).toBeTruthy();
  });
});

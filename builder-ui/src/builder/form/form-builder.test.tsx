// @vitest-environment happy-dom
import { validateDefinition } from "@stagecraft/schemas";
import { act, cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { formOf } from "../store/definition-ops.js";
import { ApiError } from "../api/builder-api.js";
import { chooseOption, fakeApi, renderWithStore, salesApp } from "../test-support.js";
import { FormBuilder } from "./form-builder.js";
import { PropertyPanel } from "./property-panel.js";

afterEach(cleanup);

/** Select a field of the deal form, as a click on its card does. */
function selectField(store: ReturnType<typeof renderWithStore>["store"], fieldId: string, parentId?: string) {
  act(() => {
    store.getState().select({ formId: "deal", fieldId, ...(parentId === undefined ? {} : { parentId }) });
  });
}

function fieldIds(store: ReturnType<typeof renderWithStore>["store"]): string[] {
  return formOf(store.getState().definition, "deal")?.fields.map((f) => f.id) ?? [];
}

describe("form builder", { timeout: 120_000 }, () => {
  it("adds a field from the palette by click, selects it, and the definition stays valid", async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<FormBuilder formId="deal" />);
    await user.click(screen.getByRole("button", { name: "添加手机号" }));
    expect(fieldIds(store)).toContain("phone_1");
    expect(fieldIds(store).at(-1)).toBe("phone_1");
    expect(store.getState().selection).toEqual({ formId: "deal", fieldId: "phone_1" });
    expect(screen.getByRole("button", { name: "字段：手机号" })).toBeTruthy();
    expect(validateDefinition(store.getState().definition).valid).toBe(true);
  });

  it("adds a palette field after the selected one, and into a subform when a row field is selected", async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<FormBuilder formId="deal" />);
    await user.click(screen.getByRole("button", { name: "字段：金额" }));
    await user.click(screen.getByRole("button", { name: "添加邮箱" }));
    expect(fieldIds(store).slice(0, 3)).toEqual(["title", "amount", "email_1"]);
    await user.click(screen.getByRole("button", { name: "字段：数量" }));
    await user.click(screen.getByRole("button", { name: "添加数字" }));
    const items = formOf(store.getState().definition, "deal")?.fields.find((f) => f.id === "items");
    expect(items?.type === "subform" ? items.fields.map((f) => f.id) : []).toEqual([
      "qty",
      "number_1",
      "price",
    ]);
  });

  it("edits labels, required and select options from the property panel", async () => {
    const user = userEvent.setup();
    // The panel alone (selecting by a click on the canvas is covered above): a third of the render time.
    const { store } = renderWithStore(<PropertyPanel formId="deal" />);
    selectField(store, "level");
    const panel = screen.getByTestId("property-panel");
    const zhLabel = within(panel).getByRole("textbox", { name: "字段名称 (中文)" });
    await user.clear(zhLabel);
    await user.type(zhLabel, "客户级别");
    await user.click(within(panel).getByRole("switch", { name: "必填" }));
    await user.click(within(panel).getByRole("button", { name: /添加选项$/ }));
    await user.clear(within(panel).getByRole("textbox", { name: "选项 3 中文" }));
    await user.type(within(panel).getByRole("textbox", { name: "选项 3 中文" }), "C级");
    const level = formOf(store.getState().definition, "deal")?.fields.find((f) => f.id === "level");
    expect(level).toMatchObject({ label: { zh: "客户级别", en: "Level" }, required: true });
    expect(level?.type === "select" ? level.options.map((o) => o.label.zh) : []).toEqual([
      "A级",
      "B级",
      "C级",
    ]);
    expect(validateDefinition(store.getState().definition).valid).toBe(true);
    // Typing the label undoes as one step, not one per character.
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(formOf(store.getState().definition, "deal")?.fields.find((f) => f.id === "level")?.label.zh).toBe(
      "级别",
    );
  });

  it("undoes and redoes adding a field, and moves fields with the keyboard buttons", async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<FormBuilder formId="deal" />);
    await user.click(screen.getByRole("button", { name: "添加网址" }));
    expect(fieldIds(store)).toContain("url_1");
    store.getState().undo();
    expect(fieldIds(store)).not.toContain("url_1");
    store.getState().redo();
    expect(fieldIds(store)).toContain("url_1");
    await user.click(screen.getByRole("button", { name: "下移 标题" }));
    expect(fieldIds(store).slice(0, 2)).toEqual(["amount", "title"]);
  });

  it("sets a visibility condition from menus", async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<PropertyPanel formId="deal" />);
    selectField(store, "close_date");
    const editor = screen.getByTestId("visibility-editor");
    await user.click(within(editor).getByRole("button", { name: /添加条件$/ }));
    // Default line: the first field (标题) equals "" — pick 金额 > 1000 instead.
    await user.click(within(editor).getByRole("combobox", { name: "字段" }));
    await user.click(await screen.findByTitle("金额"));
    await user.click(within(editor).getByRole("combobox", { name: "条件" }));
    await user.click(await screen.findByTitle("大于"));
    const value = within(editor).getByRole("spinbutton", { name: "值" });
    await user.clear(value);
    await user.type(value, "1000");
    const field = formOf(store.getState().definition, "deal")?.fields.find((f) => f.id === "close_date");
    expect(field?.visibleWhen).toEqual({ and: [{ ">": [{ var: "amount" }, 1000] }] });
    expect(validateDefinition(store.getState().definition).valid).toBe(true);
  });

  it("sets a user field's default by picking a member by name from the workspace's list", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      "GET /api/users": [
        { id: "u1", name: "李雷", email: "lilei@example.com", role: "admin" },
        { id: "u2", name: "王芳", email: "wangfang@example.com", role: "member" },
      ],
    });
    const { store } = renderWithStore(<PropertyPanel formId="deal" />, salesApp(), api);
    selectField(store, "owner_user");
    const panel = screen.getByTestId("property-panel");
    await chooseOption(
      user,
      within(panel).getByRole("combobox", { name: "默认值" }),
      "王芳 · wangfang@example.com",
    );
    const owner = () =>
      formOf(store.getState().definition, "deal")?.fields.find((f) => f.id === "owner_user");
    expect(owner()?.default).toBe("u2");
    expect(validateDefinition(store.getState().definition).valid).toBe(true);
    // An id the list does not hold (a member who left) is shown as such, not dropped.
    store.getState().edit((d) => ({
      ...d,
      forms: d.forms.map((f) => ({
        ...f,
        fields: f.fields.map((x) => (x.id === "owner_user" ? { ...x, default: "u_gone" } : x)),
      })),
    }));
    expect(await within(panel).findAllByText("未知成员（u_gone）")).not.toHaveLength(0);
    expect(api.calls.filter((c) => c.path === "/api/users")).toHaveLength(1);
  });

  it("takes typed member ids, and says why, when the member list cannot be read", async () => {
    const user = userEvent.setup();
    const api = fakeApi({ "GET /api/users": new ApiError(403, "Forbidden", "admins only", []) });
    const { store } = renderWithStore(<PropertyPanel formId="deal" />, salesApp(), api);
    selectField(store, "owner_user");
    const panel = screen.getByTestId("property-panel");
    await within(panel).findByText(/无法读取成员列表/);
    await user.type(within(panel).getByRole("combobox", { name: "默认值" }), "u_9{Enter}");
    expect(
      formOf(store.getState().definition, "deal")?.fields.find((f) => f.id === "owner_user")?.default,
    ).toBe("u_9");
  });

  it("sets a row field's condition on its own row or on the record", async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<PropertyPanel formId="deal" />);
    selectField(store, "price", "items");
    const editor = screen.getByTestId("visibility-editor");
    expect(within(editor).getByText(/每一行单独判断/)).toBeTruthy();
    await user.click(within(editor).getByRole("button", { name: /添加条件$/ }));
    await chooseOption(user, within(editor).getByRole("combobox", { name: "字段" }), "主表 · 金额");
    await chooseOption(user, within(editor).getByRole("combobox", { name: "条件" }), "大于");
    const value = within(editor).getByRole("spinbutton", { name: "值" });
    await user.clear(value);
    await user.type(value, "1000");
    const items = formOf(store.getState().definition, "deal")?.fields.find((f) => f.id === "items");
    const price = items?.type === "subform" ? items.fields.find((f) => f.id === "price") : undefined;
    expect(price?.visibleWhen).toEqual({ and: [{ ">": [{ var: "_parent.amount" }, 1000] }] });
    expect(validateDefinition(store.getState().definition).valid).toBe(true);
  });
});

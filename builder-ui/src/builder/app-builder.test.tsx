// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "./api/builder-api.js";
import { AppBuilder } from "./app-builder.js";
import { fakeApi, salesApp } from "./test-support.js";

afterEach(cleanup);

describe("AppBuilder", { timeout: 120_000 }, () => {
  it("loads the published definition when there is no draft, and undoes an edit from the toolbar", async () => {
    const api = fakeApi({
      "GET /api/apps/sales": { id: "sales", version: 3, definition: salesApp() },
      "GET /api/apps/sales/draft": new ApiError(404, "no draft", undefined, []),
      "GET /api/apps/sales/versions": [
        {
          version: 3,
          publishedAt: "2026-11-20T08:00:00Z",
          publishedBy: "u_admin",
          changes: [{ kind: "field_added", formId: "deal", fieldId: "amount", records: 4 }],
        },
      ],
    });
    const user = userEvent.setup();
    render(<AppBuilder appId="sales" api={api} />);
    await screen.findByRole("button", { name: "字段：标题" });
    expect(screen.getByText("销售")).toBeTruthy();
    expect(screen.getByRole("button", { name: "定义有效" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "添加邮箱" }));
    expect(screen.getByRole("button", { name: "字段：邮箱" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: /撤\s?销/ }));
    await waitFor(() => {
      expect(screen.queryByRole("button", { name: "字段：邮箱" })).toBeNull();
    });
    await user.click(screen.getByRole("tab", { name: "版本" }));
    expect(await screen.findByText("第 3 版")).toBeTruthy();
    expect(screen.getByText(/表单「商机」新增字段「金额」/)).toBeTruthy();
  }, 120_000);

  it("shows a load failure in words", async () => {
    const api = fakeApi({ "GET /api/apps/nope": new ApiError(404, "Not Found", "app not found", []) });
    render(<AppBuilder appId="nope" api={api} />);
    expect(await screen.findByText("无法加载应用")).toBeTruthy();
    expect(screen.getByText("app not found")).toBeTruthy();
  });
});

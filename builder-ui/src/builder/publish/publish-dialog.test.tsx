// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../api/builder-api.js";
import { fakeApi, renderWithStore } from "../test-support.js";
import { PublishButton } from "./publish-dialog.js";

afterEach(cleanup);

describe("publish", { timeout: 120_000 }, () => {
  it("saves the draft, shows the dry run's impact report, and publishes only on confirmation", async () => {
    const api = fakeApi({
      "POST /api/apps/sales/publish?dryRun=true": {
        version: 2,
        dryRun: true,
        changes: [
          { kind: "required_added", formId: "deal", fieldId: "amount", records: 12 },
          { kind: "stage_removed", formId: "deal", stageId: "lost", records: 3 },
        ],
      },
      "POST /api/apps/sales/publish": { version: 2, dryRun: false, changes: [] },
    });
    const user = userEvent.setup();
    let published = 0;
    renderWithStore(
      <PublishButton
        onPublished={(v) => {
          published = v;
        }}
      />,
      undefined,
      api,
    );
    await user.click(screen.getByRole("button", { name: /发\s?布/ }));
    const dialog = await screen.findByTestId("publish-dialog");
    expect(screen.getByText("发布为第 2 版")).toBeTruthy();
    expect(within(dialog).getByText("表单「商机」的字段「金额」改为必填（已有记录未填写）")).toBeTruthy();
    expect(within(dialog).getByText("12 条记录")).toBeTruthy();
    expect(within(dialog).getByText("表单「商机」删除阶段「lost」（停在此阶段的记录需要移走）")).toBeTruthy();
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      "PUT /api/apps/sales/draft",
      "POST /api/apps/sales/publish?dryRun=true",
    ]);
    expect(api.calls[0]?.body).toMatchObject({ definition: { id: "sales" } });
    await user.click(screen.getByRole("button", { name: "确认发布" }));
    await waitFor(() => {
      expect(screen.getByText("已发布第 2 版")).toBeTruthy();
    });
    expect(api.calls.at(-1)).toMatchObject({ method: "POST", path: "/api/apps/sales/publish" });
    expect(published).toBe(2);
  });

  it("lists every problem of a rejected draft in words", async () => {
    const api = fakeApi({
      "PUT /api/apps/sales/draft": new ApiError(422, "invalid definition", undefined, [
        {
          path: "/definition/forms/0/fields/1/label/zh",
          code: "min_length",
          message: "must NOT have fewer than 1 characters",
        },
        {
          path: "/definition/forms/0/pipeline/stages/1/guard",
          code: "unknown_field",
          message: "reads unknown field",
        },
      ]),
    });
    const user = userEvent.setup();
    renderWithStore(<PublishButton />, undefined, api);
    await user.click(screen.getByRole("button", { name: /发\s?布/ }));
    const list = await screen.findByTestId("issue-list");
    expect(list.textContent).toContain("表单「商机」 › 字段「金额」 › 名称 › 中文：不能为空或太短");
    expect(list.textContent).toContain("表单「商机」 › 流程 › 阶段「报价」 › 进入条件：引用了不存在的字段");
    expect(api.calls.some((c) => c.path.includes("publish"))).toBe(false);
  });
});

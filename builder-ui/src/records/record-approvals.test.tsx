// @vitest-environment happy-dom
import type { ApprovalView, Form } from "@stagecraft/schemas";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, renderWithApp } from "../test-render.js";
import { RecordApprovals } from "./record-approvals.js";

afterEach(cleanup);

const t = (zh: string, en: string) => ({ zh, en });
const form: Form = {
  id: "request",
  name: t("采购申请", "Purchase request"),
  fields: [{ id: "title", type: "text", label: t("事项", "Item") }],
  pipeline: {
    initial: "draft",
    stages: [
      { id: "draft", name: t("草稿", "Draft") },
      { id: "review", name: t("复核", "Review") },
    ],
  },
};
const users = [
  { id: "u-rep", email: "rep@example.com", name: "小王", role: "member" },
  { id: "u-lead", email: "lead@example.com", name: "李经理", role: "member" },
  { id: "u-boss", email: "boss@example.com", name: "", role: "admin" },
];

function approval(id: string, status: string, trail: ApprovalView["trail"]): ApprovalView {
  return {
    id,
    appId: "purchases",
    formId: "request",
    recordId: "rec-1",
    stage: "review",
    on: "enter",
    fromStage: "draft",
    toStage: "review",
    status,
    steps: [{ stage: "review", stepId: "lead" }],
    stepIndex: 0,
    covers: [],
    requestedBy: "u-rep",
    requestedAt: "2026-11-20T09:00:00.000Z",
    dueAt: null,
    decidedAt: null,
    decidedBy: null,
    returnTo: status === "returned" ? "draft" : null,
    tasks: [
      {
        id: `${id}-t`,
        stepIndex: 0,
        stepId: "lead",
        userId: "u-boss",
        status: status === "pending" ? "pending" : "closed",
        comment: null,
        transferredFrom: "u-lead",
        createdAt: "2026-11-20T09:00:00.000Z",
        decidedAt: null,
      },
    ],
    trail,
  };
}
const at = "2026-11-20T10:00:00.000Z";
const byUser = (id: string) => ({ type: "user", id });

describe("record approvals", () => {
  it("shows the pending approval with who it waits for, and each trail with comments, transfers and returns", () => {
    renderWithApp(
      <RecordApprovals
        form={form}
        users={users}
        me="u-lead"
        onChanged={() => undefined}
        approvals={[
          approval("ap-2", "pending", [
            { action: "requested", actor: byUser("u-rep"), at, detail: {} },
            { action: "transfer", actor: byUser("u-lead"), at, detail: { to: "u-boss", comment: "你来定" } },
          ]),
          approval("ap-1", "returned", [
            { action: "requested", actor: byUser("u-rep"), at, detail: {} },
            {
              action: "return",
              actor: byUser("u-lead"),
              at,
              detail: { returnTo: "draft", comment: "缺报价单" },
            },
          ]),
        ]}
      />,
      { language: "zh" },
    );
    const card = screen.getByTestId("record-approvals");
    within(card).getByText("等待审批：移至“复核”");
    within(card).getByText("待处理：boss@example.com");
    // Only the requester may withdraw.
    expect(within(card).queryByRole("button", { name: "撤回审批" })).toBeNull();
    const [pending, returned] = [...card.querySelectorAll("[data-approval]")];
    expect(pending?.getAttribute("data-approval")).toBe("ap-2");
    expect(pending?.textContent).toContain("审批中");
    expect(pending?.textContent).toContain("转交给 boss@example.com");
    expect(pending?.textContent).toContain("“你来定”");
    expect(returned?.textContent).toContain("已退回");
    expect(returned?.textContent).toContain("退回到“草稿”");
    expect(returned?.textContent).toContain("“缺报价单”");
    expect([...card.querySelectorAll("[data-trail]")].map((n) => n.getAttribute("data-trail"))).toEqual([
      "requested",
      "transfer",
      "requested",
      "return",
    ]);
  });

  it("says so when the record has no approvals, in English too", () => {
    renderWithApp(
      <RecordApprovals form={form} users={users} me="u-rep" onChanged={() => undefined} approvals={[]} />,
      {
        language: "en",
      },
    );
    screen.getByText("No approvals yet");
    expect(screen.queryByText(/Waiting for approval/)).toBeNull();
  });

  it("lets the requester withdraw the pending approval, then reloads", async () => {
    const user = userEvent.setup();
    const fake = fakeFetch((request) =>
      request.method === "POST" ? [200, approval("ap-3", "withdrawn", [])] : undefined,
    );
    let reloaded = 0;
    renderWithApp(
      <RecordApprovals
        form={form}
        users={users}
        me="u-rep"
        onChanged={() => {
          reloaded += 1;
        }}
        approvals={[
          approval("ap-3", "pending", [{ action: "requested", actor: byUser("u-rep"), at, detail: {} }]),
        ]}
      />,
      { fetch: fake.fetch, language: "en" },
    );
    await user.click(screen.getByRole("button", { name: "Withdraw" }));
    await vi.waitFor(() => {
      expect(reloaded).toBe(1);
    });
    expect(fake.seen.map((r) => [r.method, r.path, r.body])).toEqual([
      ["POST", "/api/approvals/ap-3/withdraw", {}],
    ]);
  });
});

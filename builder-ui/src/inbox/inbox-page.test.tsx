// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { fakeFetch, renderWithApp, type SeenRequest } from "../test-render.js";
import { InboxPage } from "./inbox-page.js";

afterEach(cleanup);

const t = (zh: string, en: string) => ({ zh, en });

const definition = {
  id: "purchases",
  name: t("采购", "Purchases"),
  forms: [
    {
      id: "request",
      name: t("采购申请", "Purchase request"),
      fields: [{ id: "title", type: "text", label: t("事项", "Item") }],
      pipeline: {
        initial: "draft",
        stages: [
          { id: "draft", name: t("草稿", "Draft") },
          { id: "check", name: t("初审", "Check") },
          { id: "review", name: t("复核", "Review") },
          { id: "done", name: t("完成", "Done") },
        ],
      },
    },
  ],
};

const approvalItem = {
  kind: "approval",
  approvalId: "ap-1",
  taskId: "task-1",
  appId: "purchases",
  formId: "request",
  recordId: "rec-1",
  stage: "review",
  toStage: "review",
  stepId: "lead",
  requestedBy: "u-rep",
  since: "2026-11-20T09:00:00.000Z",
  dueAt: "2026-11-21T09:00:00.000Z",
  overdue: true,
};
const overdueItem = {
  kind: "overdue_record",
  appId: "purchases",
  formId: "request",
  recordId: "rec-2",
  stage: "check",
  since: "2026-11-18T09:00:00.000Z",
  dueAt: "2026-11-19T09:00:00.000Z",
  overdue: true,
};
const users = [
  { id: "u-rep", email: "rep@example.com", name: "Rep", role: "member" },
  { id: "u-boss", email: "boss@example.com", name: "Boss", role: "admin" },
];
const record = (id: string, title: string) => ({
  id,
  formId: "request",
  data: { title },
  stage: "draft",
  version: 1,
  ownerId: "u-rep",
  createdAt: "2026-11-20T09:00:00.000Z",
  updatedAt: "2026-11-20T09:00:00.000Z",
});
const decided = {
  id: "ap-1",
  appId: "purchases",
  formId: "request",
  recordId: "rec-1",
  toStage: "review",
  status: "returned",
  tasks: [],
  trail: [],
};

/** A fake server with one approval and one overdue record; a decision empties the inbox. */
function server() {
  let open = true;
  return fakeFetch((request: SeenRequest) => {
    if (request.path === "/api/inbox") return [200, { items: open ? [approvalItem, overdueItem] : [] }];
    if (request.path === "/api/apps/purchases")
      return [200, { id: "purchases", name: definition.name, definition, version: 1 }];
    if (request.path === "/api/apps/purchases/forms/request/records/rec-1")
      return [200, record("rec-1", "Laptops")];
    if (request.path === "/api/apps/purchases/forms/request/records/rec-2")
      return [200, record("rec-2", "Chairs")];
    if (request.path === "/api/users") return [200, users];
    if (request.method === "POST" && request.path.startsWith("/api/approvals/ap-1/")) {
      open = false;
      return [200, decided];
    }
    return undefined;
  });
}

describe("inbox page", { timeout: 60_000 }, () => {
  it("lists an approval and an overdue record, and returns the approval to a chosen earlier stage with a comment", async () => {
    const user = userEvent.setup();
    const fake = server();
    renderWithApp(<InboxPage />, { fetch: fake.fetch });
    const item = await screen.findByTestId("inbox-item-ap-1");
    expect(within(item).getByRole("link", { name: "Laptops" }).getAttribute("href")).toBe(
      "#/apps/purchases/forms/request/records/rec-1",
    );
    within(item).getByText("Approval to enter “Review”");
    within(item).getByText(/^Requested by Rep · /);
    within(item).getByText("Overdue");
    within(screen.getByTestId("inbox-item-rec-2")).getByText(/^Overdue in “Check” since /);
    await user.type(within(item).getByRole("textbox", { name: "Comment" }), "Quote missing");
    // The stages before the approval's own: the latest is the default, another may be chosen.
    await user.click(within(item).getByRole("combobox", { name: "Return to stage" }));
    const shown = [...document.querySelectorAll(".ant-select-item-option-content")].map((o) => o.textContent);
    expect(shown).toEqual(["Draft", "Check"]);
    await user.click(await screen.findByTitle("Draft"));
    await user.click(within(item).getByRole("button", { name: "Return" }));
    await screen.findByText("Nothing waiting for you");
    const posted = fake.seen.filter((r) => r.method === "POST");
    expect(posted).toEqual([
      {
        method: "POST",
        path: "/api/approvals/ap-1/decision",
        body: { decision: "return", comment: "Quote missing", returnTo: "draft" },
      },
    ]);
  });

  it("approves without a comment, transfers to a chosen user, and shows a refusal in words", async () => {
    const user = userEvent.setup();
    const fake = server();
    renderWithApp(<InboxPage />, { fetch: fake.fetch });
    let item = await screen.findByTestId("inbox-item-ap-1");
    await user.click(within(item).getByRole("combobox", { name: "Transfer to" }));
    await user.click(await screen.findByTitle("Boss"));
    await user.type(within(item).getByRole("textbox", { name: "Comment" }), "Over to you");
    await user.click(within(item).getByRole("button", { name: "Transfer" }));
    await screen.findByText("Nothing waiting for you");
    expect(fake.seen.filter((r) => r.method === "POST").map((r) => [r.path, r.body])).toEqual([
      ["/api/approvals/ap-1/transfer", { to: "u-boss", comment: "Over to you" }],
    ]);

    cleanup();
    const refusing = fakeFetch(() => [
      409,
      { title: "Conflict", status: 409, detail: "approval ap-1 is already approved" },
    ]);
    const inner = server();
    renderWithApp(<InboxPage />, {
      fetch: (input, init) =>
        init.method === "POST" ? refusing.fetch(input, init) : inner.fetch(input, init),
    });
    item = await screen.findByTestId("inbox-item-ap-1");
    await user.click(within(item).getByRole("button", { name: "Approve" }));
    await within(item).findByText(/already approved/);
    expect(refusing.seen.map((r) => r.body)).toEqual([{ decision: "approve" }]);
  });
});

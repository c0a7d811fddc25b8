// @vitest-environment happy-dom
import type { Form } from "@stagecraft/schemas";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, it } from "vitest";
import { renderWithApp } from "../test-render.js";
import { RecordHistory } from "./record-history.js";

afterEach(cleanup);

const form: Form = {
  id: "request",
  name: { zh: "采购申请", en: "Purchase request" },
  fields: [{ id: "title", type: "text", label: { zh: "事项", en: "Item" } }],
  pipeline: {
    initial: "draft",
    stages: [
      { id: "draft", name: { zh: "草稿", en: "Draft" } },
      { id: "review", name: { zh: "复核", en: "Review" } },
    ],
  },
};

describe("record history", () => {
  it("names what each approval event did", () => {
    const entry = (id: string, action: string) => ({
      id,
      kind: "approval",
      changes: [],
      fromStage: "draft",
      toStage: "review",
      actor: { type: "user", id: "u-lead" },
      at: "2026-11-20T09:00:00.000Z",
      detail: { approvalId: "ap-1", action },
    });
    renderWithApp(
      <RecordHistory
        form={form}
        users={[{ id: "u-lead", email: "lead@example.com", name: "李经理", role: "member" }]}
        entries={[entry("e1", "requested"), entry("e2", "return")]}
      />,
      { language: "zh" },
    );
    screen.getByText("审批 · 提交审批");
    screen.getByText("审批 · 退回");
  });
});

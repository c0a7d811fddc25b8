// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { TemplateSummary } from "../api/types.js";
import { fakeFetch, renderWithApp, type SeenRequest } from "../test-render.js";
import { GalleryPage } from "./gallery-page.js";

const l = (zh: string, en: string) => ({ zh, en });

const templates: TemplateSummary[] = [
  {
    id: "sales-plan",
    name: l("销售运营计划", "Sales operations plan"),
    summary: l("目标到成交", "Goals to deals"),
    whenToUse: l("有年度目标的团队", "Teams with a yearly goal"),
    limitations: l("需要专人维护", "Needs an owner to maintain it"),
    limitationSource: "seed",
    tags: ["flagship"],
    counts: { forms: 10, stages: 26, rules: 23, kpis: 9 },
  },
  {
    id: "telesales",
    name: l("电话销售", "Telesales"),
    summary: l("外呼与回拨", "Calls and callbacks"),
    whenToUse: l("电话为主的团队", "Phone-first teams"),
    limitations: l("不含合同", "No contracts"),
    limitationSource: "inferred",
    tags: [],
    counts: { forms: 2, stages: 5, rules: 3, kpis: 2 },
  },
];

function server(installAnswer: (request: SeenRequest) => [number, unknown]) {
  return fakeFetch((request) => {
    if (request.method === "GET" && request.path === "/api/templates") return [200, templates];
    if (request.method === "GET" && request.path === "/api/apps") return [200, []];
    if (request.method === "POST" && request.path === "/api/apps") return installAnswer(request);
    return undefined;
  });
}

function card(id: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-template="${id}"]`);
  if (!element) throw new Error(`no card ${id}`);
  return element;
}

afterEach(() => {
  cleanup();
  window.location.hash = "";
});

describe("GalleryPage", () => {
  it("shows every template with what it is for, its limitation and its counts", async () => {
    renderWithApp(<GalleryPage />, { fetch: server(() => [500, null]).fetch });
    await screen.findByText("Sales operations plan");
    const sales = within(card("sales-plan"));
    expect(sales.getByText("Teams with a yearly goal")).toBeTruthy();
    expect(sales.getByText("Needs an owner to maintain it")).toBeTruthy();
    expect(sales.queryByText("Editorial")).toBeNull();
    for (const count of ["10", "26", "23", "9"]) expect(sales.getAllByText(count).length).toBeGreaterThan(0);
    // A limitation the project wrote itself carries the editorial badge.
    expect(within(card("telesales")).getByText("Editorial")).toBeTruthy();
  });

  it("installs the chosen template and opens the new app", async () => {
    const user = userEvent.setup();
    const fake = server(() => [201, { id: "app-1", name: l("销售", "Sales"), version: 1, definition: {} }]);
    renderWithApp(<GalleryPage />, { fetch: fake.fetch });
    await screen.findByText("Sales operations plan");
    await user.click(within(card("sales-plan")).getByRole("button", { name: /Use this template/ }));
    await waitFor(() => {
      expect(window.location.hash).toBe("#/apps/app-1");
    });
    expect(fake.seen.filter((r) => r.method === "POST")).toEqual([
      { method: "POST", path: "/api/apps", body: { templateId: "sales-plan" } },
    ]);
  });

  it("combines two selected templates and shows a refusal in words", async () => {
    const user = userEvent.setup();
    const fake = server(() => [
      422,
      {
        title: "Unprocessable Content",
        status: 422,
        detail: "combining templates is not available yet",
        errors: [{ path: "/templateIds", code: "not_available", message: "install one template" }],
      },
    ]);
    renderWithApp(<GalleryPage />, { fetch: fake.fetch });
    await screen.findByText("Sales operations plan");
    const combine = screen.getByRole("button", { name: /Combine selected/ });
    expect(combine.hasAttribute("disabled")).toBe(true);
    await user.click(screen.getByLabelText("Select “Sales operations plan” to combine"));
    await user.click(screen.getByLabelText("Select “Telesales” to combine"));
    await user.click(screen.getByRole("button", { name: /Combine selected \(2\)/ }));
    const alert = await screen.findByText("combining templates is not available yet");
    expect(alert).toBeTruthy();
    expect(screen.getByText("The app could not be created")).toBeTruthy();
    expect(screen.getByText("install one template")).toBeTruthy();
    expect(fake.seen.filter((r) => r.method === "POST").map((r) => r.body)).toEqual([
      { templateIds: ["sales-plan", "telesales"] },
    ]);
  });
});

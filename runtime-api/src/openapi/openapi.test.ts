import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";

/** Every route the API contract (API.md) lists; `/docs` is the interactive docs page, not in the spec. */
const CONTRACT = [
  "POST /api/auth/login",
  "POST /api/auth/logout",
  "GET /api/me",
  "POST /api/workspaces",
  "GET /api/workspaces",
  "POST /api/users",
  "GET /api/users",
  "GET /api/health",
  "GET /openapi.json",
  "GET /api/templates",
  "GET /api/templates/:id",
  "POST /api/apps",
  "GET /api/apps",
  "GET /api/apps/:appId",
  "PUT /api/apps/:appId/draft",
  "POST /api/apps/:appId/publish",
  "GET /api/apps/:appId/versions",
  "DELETE /api/apps/:appId",
  "POST /api/apps/:appId/forms/:formId/records",
  "GET /api/apps/:appId/forms/:formId/records",
  "GET /api/apps/:appId/forms/:formId/records/:id",
  "PATCH /api/apps/:appId/forms/:formId/records/:id",
  "POST /api/apps/:appId/forms/:formId/records/:id/transition",
  "DELETE /api/apps/:appId/forms/:formId/records/:id",
  "GET /api/apps/:appId/forms/:formId/records/:id/history",
  "GET /api/apps/:appId/runs",
  "POST /api/apps/:appId/runs/:runId/retry",
  "POST /api/hooks/:hookToken",
  "GET /api/inbox",
  "POST /api/approvals/:approvalId/decision",
  "POST /api/approvals/:approvalId/transfer",
  "GET /api/approvals",
  "GET /api/approvals/:approvalId",
  "POST /api/approvals/:approvalId/withdraw",
  "GET /api/notifications",
  "POST /api/notifications/:id/read",
  "GET /api/apps/:appId/kpis/:kpiId",
  "GET /api/apps/:appId/dashboards/:dashboardId",
  "POST /api/apps/:appId/forms/:formId/share",
  "GET /api/apps/:appId/forms/:formId/shares",
  "DELETE /api/apps/:appId/forms/:formId/share/:token",
  "GET /api/public/forms/:shareToken",
  "POST /api/public/forms/:shareToken/records",
  "POST /api/apps/:appId/forms/:formId/import",
  "GET /api/apps/:appId/forms/:formId/export",
];

interface Spec {
  openapi: string;
  info: { title: string; version: string };
  components: { securitySchemes: Record<string, { type: string }> };
  paths: Record<string, Record<string, unknown>>;
}

describe("OpenAPI and docs", () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime();
  });
  afterAll(async () => {
    await rt.close();
  });

  it("serves an OpenAPI 3 spec listing every route of the contract, without signing in", async () => {
    const res = await rt.call("GET", "/openapi.json", null);
    expect(res.statusCode).toBe(200);
    const spec = res.json<Spec>();
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.info).toEqual({
      title: "Stagecraft runtime API",
      version: "0.1.0",
      description: expect.any(String),
    });
    expect(Object.keys(spec.components.securitySchemes).sort()).toEqual(["bearer", "cookie"]);
    const missing = CONTRACT.filter((route) => {
      const [method = "", path = ""] = route.split(" ");
      const openApiPath = path.replace(/:(\w+)/g, "{$1}");
      return spec.paths[openApiPath]?.[method.toLowerCase()] === undefined;
    });
    // A contract route may be missing from the spec only while the server does not serve it at all
    // (a feature not built yet); every route the server has is in the spec.
    const served = missing.filter((route) => {
      const [method = "", url = ""] = route.split(" ");
      return rt.app.hasRoute({ method, url });
    });
    expect(served).toEqual([]);
  });

  it("serves the interactive docs as HTML without signing in", async () => {
    const res = await rt.call("GET", "/docs", null);
    const page = res.statusCode === 302 ? await rt.call("GET", String(res.headers["location"]), null) : res;
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("swagger");
  });
});

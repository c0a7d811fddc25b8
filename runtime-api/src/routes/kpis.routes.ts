import type { FastifyPluginAsync } from "fastify";
import { loadPublishedApp } from "../apps/app-cache.js";
import { callerOf } from "../auth/authenticate.js";
import { dashboardData } from "../kpis/dashboard-data.js";
import { dashboardSummaries, kpiSummaries } from "../kpis/kpi-catalog.js";
import { runKpi } from "../kpis/run-kpi.js";

const rangeProperties = {
  from: {
    type: "string",
    description: "first day, YYYY-MM-DD (app time zone); default: Jan 1 of the current year",
  },
  to: {
    type: "string",
    description: "day AFTER the last day (exclusive), YYYY-MM-DD; default: Jan 1 of the next year",
  },
  unit: { type: "string", description: "series period: day | week | month (default) | quarter | year" },
} as const;

const kpiQuery = {
  type: "object",
  properties: {
    ...rangeProperties,
    groupBy: { type: "string", description: "one of the KPI's dimensions (GET …/kpis lists them)" },
  },
} as const;

interface KpiParams {
  appId: string;
  kpiId: string;
}
interface DashboardParams {
  appId: string;
  dashboardId: string;
}
interface RangeQuery {
  from?: string;
  to?: string;
  unit?: string;
  groupBy?: string;
}

/**
 * KPIs and dashboards of an app's published version, for any signed-in role of its workspace
 * (another workspace's app is 404). Query values are checked by the handlers, so every problem is
 * reported at once under `/query/…`.
 */
export const kpiRoutes: FastifyPluginAsync = async (app) => {
  const { runtime } = app;

  app.get<{ Params: { appId: string } }>("/api/apps/:appId/kpis", async (request) => {
    const caller = callerOf(request);
    const { compiled } = await loadPublishedApp(runtime, caller.workspaceId, request.params.appId);
    return kpiSummaries(compiled);
  });

  app.get<{ Params: KpiParams; Querystring: RangeQuery }>(
    "/api/apps/:appId/kpis/:kpiId",
    { schema: { querystring: kpiQuery } },
    async (request) => {
      const caller = callerOf(request);
      const { appId, kpiId } = request.params;
      return runKpi(runtime, caller.workspaceId, appId, kpiId, request.query);
    },
  );

  app.get<{ Params: { appId: string } }>("/api/apps/:appId/dashboards", async (request) => {
    const caller = callerOf(request);
    const { compiled } = await loadPublishedApp(runtime, caller.workspaceId, request.params.appId);
    return dashboardSummaries(compiled);
  });

  app.get<{ Params: DashboardParams; Querystring: RangeQuery }>(
    "/api/apps/:appId/dashboards/:dashboardId",
    {
      schema: { querystring: { type: "object", properties: rangeProperties } },
    },
    async (request) => {
      const caller = callerOf(request);
      const { appId, dashboardId } = request.params;
      const { from, to, unit } = request.query;
      return dashboardData(runtime, caller.workspaceId, appId, dashboardId, { from, to, unit });
    },
  );
  await Promise.resolve();
};

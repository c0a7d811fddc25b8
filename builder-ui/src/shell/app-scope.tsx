import { compileApp, type CompiledApp } from "@stagecraft/engine";
import { Spin } from "antd";
import { createContext, useContext, type ReactNode } from "react";
import type { AppView, User } from "../api/types.js";
import { ApiError } from "../api/problem.js";
import { ProblemAlert } from "./problem-alert.js";
import { useApi } from "./api-context.js";
import { useLoad } from "./use-load.js";

/** An app on screen: its API view, its definition compiled by the engine, and the workspace's users. */
export interface AppScopeValue {
  view: AppView;
  compiled: CompiledApp;
  users: readonly User[];
  reload: () => void;
}

const AppScopeContext = createContext<AppScopeValue | null>(null);

/** The app of the current page (inside AppScope). */
export function useAppScope(): AppScopeValue {
  const scope = useContext(AppScopeContext);
  if (scope === null) throw new Error("useAppScope outside AppScope");
  return scope;
}

/** Load an app once for all its pages; its definition is compiled with the engine, as the server does. */
export function AppScope({ appId, children }: { appId: string; children: ReactNode }) {
  const api = useApi();
  const loaded = useLoad(async () => {
    const view = await api.app(appId);
    // Members may not list users: their user fields then take typed ids.
    const users = await api.users().catch(() => []);
    const result = compileApp(view.definition);
    if (!result.ok) {
      throw new ApiError(0, "invalid definition", "the published definition does not compile", result.errors);
    }
    return { view, compiled: result.app, users };
  }, [api, appId]);
  if (loaded.error !== null) return <ProblemAlert error={loaded.error} />;
  if (loaded.data === undefined) return <Spin style={{ display: "block", margin: 48 }} />;
  return (
    <AppScopeContext.Provider value={{ ...loaded.data, reload: loaded.reload }}>
      {children}
    </AppScopeContext.Provider>
  );
}

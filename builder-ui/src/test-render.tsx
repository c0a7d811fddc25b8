import { render, type RenderResult } from "@testing-library/react";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { createApi } from "./api/client.js";
import type { Fetch } from "./api/http.js";
import { createI18n, type Language } from "./i18n/i18n.js";
import { ApiContext } from "./shell/api-context.js";

/** A request the fake server saw. */
export interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
}

/** A handler of the fake server: an answer [status, body] for a request, or undefined to 404. */
export type FakeRoute = (request: SeenRequest) => [number, unknown] | undefined;

/** A fetch that answers from `route` and records every request (component tests talk to no network). */
export function fakeFetch(route: FakeRoute): { fetch: Fetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetcher: Fetch = (input, init) => {
    const body: unknown = typeof init.body === "string" ? JSON.parse(init.body) : null;
    const request = { method: init.method ?? "GET", path: input, body };
    seen.push(request);
    const [status, answer]: [number, unknown] = route(request) ?? [
      404,
      { title: "Not Found", status: 404, detail: "no route" },
    ];
    return Promise.resolve(
      new Response(answer === null ? null : JSON.stringify(answer), {
        status,
        headers: { "content-type": status >= 400 ? "application/problem+json" : "application/json" },
      }),
    );
  };
  return { fetch: fetcher, seen };
}

/** Render inside the app's providers (i18n, antd locale and App context, API over `fetcher`). */
export function renderWithApp(
  ui: ReactNode,
  options: { fetch?: Fetch; language?: Language } = {},
): RenderResult {
  const i18n = createI18n(options.language ?? "en");
  const api = createApi(options.fetch ?? fakeFetch(() => undefined).fetch);
  return render(
    <I18nextProvider i18n={i18n}>
      <ConfigProvider locale={enUS}>
        <AntApp>
          <ApiContext.Provider value={api}>{ui}</ApiContext.Provider>
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>,
  );
}

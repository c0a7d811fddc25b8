import { describe, expect, it } from "vitest";
import { hrefOf, parseRoute, type Route } from "./routes.js";

describe("routes", () => {
  const routes: Route[] = [
    { name: "home" },
    { name: "login" },
    { name: "inbox" },
    { name: "share", token: "a-b_c" },
    { name: "app", appId: "a1" },
    { name: "build", appId: "a1" },
    { name: "records", appId: "a1", formId: "deal" },
    { name: "new-record", appId: "a1", formId: "deal" },
    { name: "board", appId: "a1", formId: "deal" },
    { name: "record", appId: "a 1", formId: "deal", recordId: "r/1" },
  ];

  it("parses every route from its own href", () => {
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it("reads an empty hash as home and anything unknown as not-found", () => {
    expect(parseRoute("")).toEqual({ name: "home" });
    expect(parseRoute("#/")).toEqual({ name: "home" });
    expect(parseRoute("#/apps/a1/forms/deal/nope")).toEqual({
      name: "not-found",
      path: "/apps/a1/forms/deal/nope",
    });
    expect(parseRoute("#/%E0%A4%A")).toEqual({ name: "not-found", path: "/%E0%A4%A" });
  });
});

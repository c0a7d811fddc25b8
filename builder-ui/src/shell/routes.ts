/** Every screen of the app, as parsed from the location hash (`#/apps/a1/forms/deal/board`). */
export type Route =
  | { name: "home" }
  | { name: "login" }
  | { name: "inbox" }
  | { name: "share"; token: string }
  | { name: "app"; appId: string }
  | { name: "build"; appId: string }
  | { name: "records"; appId: string; formId: string }
  | { name: "new-record"; appId: string; formId: string }
  | { name: "board"; appId: string; formId: string }
  | { name: "record"; appId: string; formId: string; recordId: string }
  | { name: "not-found"; path: string };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The route a hash names; unknown paths are "not-found", never an exception. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "").replace(/\/+$/, "") || "/";
  const parts = path
    .split("/")
    .filter((part) => part !== "")
    .map(decode);
  const [first, second, third, fourth, fifth, sixth] = parts;
  if (parts.length === 0) return { name: "home" };
  if (first === "login" && parts.length === 1) return { name: "login" };
  if (first === "inbox" && parts.length === 1) return { name: "inbox" };
  if (first === "share" && second !== undefined && parts.length === 2)
    return { name: "share", token: second };
  if (first === "apps" && second !== undefined) {
    if (parts.length === 2) return { name: "app", appId: second };
    if (third === "build" && parts.length === 3) return { name: "build", appId: second };
    if (third === "forms" && fourth !== undefined) {
      if (parts.length === 4) return { name: "records", appId: second, formId: fourth };
      if (fifth === "new" && parts.length === 5) return { name: "new-record", appId: second, formId: fourth };
      if (fifth === "board" && parts.length === 5) return { name: "board", appId: second, formId: fourth };
      if (fifth === "records" && sixth !== undefined && parts.length === 6)
        return { name: "record", appId: second, formId: fourth, recordId: sixth };
    }
  }
  return { name: "not-found", path };
}

const enc = encodeURIComponent;

/** The hash of a route (the inverse of parseRoute). */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case "home":
      return "#/";
    case "login":
      return "#/login";
    case "inbox":
      return "#/inbox";
    case "share":
      return `#/share/${enc(route.token)}`;
    case "app":
      return `#/apps/${enc(route.appId)}`;
    case "build":
      return `#/apps/${enc(route.appId)}/build`;
    case "records":
      return `#/apps/${enc(route.appId)}/forms/${enc(route.formId)}`;
    case "new-record":
      return `#/apps/${enc(route.appId)}/forms/${enc(route.formId)}/new`;
    case "board":
      return `#/apps/${enc(route.appId)}/forms/${enc(route.formId)}/board`;
    case "record":
      return `#/apps/${enc(route.appId)}/forms/${enc(route.formId)}/records/${enc(route.recordId)}`;
    case "not-found":
      return `#${route.path}`;
  }
}

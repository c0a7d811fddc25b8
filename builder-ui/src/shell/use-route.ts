import { useSyncExternalStore } from "react";
import { hrefOf, parseRoute, type Route } from "./routes.js";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => {
    window.removeEventListener("hashchange", onChange);
  };
}

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

/** Go to a route (a new history entry, so Back works). */
export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

import { useEffect, useState } from "react";
import type { BuilderApi } from "../api/builder-api.js";
import { useBuilderApi } from "../store/store-context.js";
import { isRecord, stringAt } from "./json-guards.js";

/** A member of the workspace, as `GET /api/users` lists them. */
export interface WorkspaceUser {
  id: string;
  name: string;
  email: string;
}

/** The members, or null when the caller may not list them (or the answer is not a list). */
export type UserList = readonly WorkspaceUser[] | null;

// One request per API client: every picker of a builder session shares it.
const loaded = new WeakMap<BuilderApi, Promise<UserList>>();

function usersOf(body: unknown): UserList {
  if (!Array.isArray(body)) return null;
  return body
    .filter(isRecord)
    .map((u) => ({ id: stringAt(u, "id"), name: stringAt(u, "name"), email: stringAt(u, "email") }))
    .filter((u) => u.id !== "");
}

/** The workspace's members through `api`, asked once; a refusal (403) or failure reads as null. */
export function loadWorkspaceUsers(api: BuilderApi): Promise<UserList> {
  let found = loaded.get(api);
  if (found === undefined) {
    found = api.request("GET", "/api/users").then(usersOf, () => null);
    loaded.set(api, found);
  }
  return found;
}

/** The workspace's members: undefined while loading, null when they cannot be listed. */
export function useWorkspaceUsers(): UserList | undefined {
  const { api } = useBuilderApi();
  const [users, setUsers] = useState<UserList | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadWorkspaceUsers(api).then((list) => {
      if (live) setUsers(list);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return users;
}

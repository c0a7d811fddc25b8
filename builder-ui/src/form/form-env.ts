import { createContext, useContext } from "react";
import type { Api } from "../api/client.js";
import type { User } from "../api/types.js";

/** What inputs may look up outside the form: the workspace's users and other forms' records. */
export interface FormEnv {
  /** Members for user fields (empty when the caller may not list them, e.g. on a public form). */
  users: readonly User[];
  /** Reads records of another form of the app for reference fields; absent on public forms. */
  references?: { api: Api; appId: string };
}

/** The environment of the form being filled. */
export const FormEnvContext = createContext<FormEnv>({ users: [] });

/** The environment of the form being filled. */
export function useFormEnv(): FormEnv {
  return useContext(FormEnvContext);
}

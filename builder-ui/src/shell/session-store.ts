import { create } from "zustand";
import type { Api } from "../api/client.js";
import { ApiError } from "../api/problem.js";
import type { Me } from "../api/types.js";

/** Who is signed in: unknown until the first `GET /api/me` answers. */
export interface SessionState {
  status: "loading" | "signed-in" | "signed-out";
  me: Me | null;
  /** A failure other than "not signed in" while checking the session. */
  error: ApiError | null;
  load: (api: Api) => Promise<void>;
  signIn: (api: Api, email: string, password: string) => Promise<void>;
  signOut: (api: Api) => Promise<void>;
}

/** The session of this browser tab. */
export const useSession = create<SessionState>()((set) => ({
  status: "loading",
  me: null,
  error: null,
  load: async (api) => {
    try {
      set({ status: "signed-in", me: await api.me(), error: null });
    } catch (error) {
      const known = error instanceof ApiError ? error : null;
      set({ status: "signed-out", me: null, error: known !== null && known.status !== 401 ? known : null });
    }
  },
  signIn: async (api, email, password) => {
    await api.login(email, password);
    set({ status: "signed-in", me: await api.me(), error: null });
  },
  signOut: async (api) => {
    await api.logout();
    set({ status: "signed-out", me: null, error: null });
  },
}));

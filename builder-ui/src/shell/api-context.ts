import { createContext, useContext } from "react";
import { createApi, type Api } from "../api/client.js";

/** The API client of the tree (tests hand in one over their own fetch). */
export const ApiContext = createContext<Api>(createApi());

/** The API client. */
export function useApi(): Api {
  return useContext(ApiContext);
}

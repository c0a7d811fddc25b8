import { createContext, useContext, type ReactNode } from "react";
import type { StoreApi } from "zustand/vanilla";
import { useStore } from "zustand";
import type { DefinitionState } from "./definition-store.js";
import type { BuilderApi } from "../api/builder-api.js";

const StoreContext = createContext<StoreApi<DefinitionState> | null>(null);
const ApiContext = createContext<{ api: BuilderApi; appId: string } | null>(null);

/** Makes one definition store (and the API client with the app id) available to the editors below. */
export function BuilderProvider(props: {
  store: StoreApi<DefinitionState>;
  api: BuilderApi;
  appId: string;
  children: ReactNode;
}) {
  return (
    <StoreContext.Provider value={props.store}>
      <ApiContext.Provider value={{ api: props.api, appId: props.appId }}>
        {props.children}
      </ApiContext.Provider>
    </StoreContext.Provider>
  );
}

/** The definition store of the surrounding BuilderProvider. */
export function useDefinitionStore(): StoreApi<DefinitionState> {
  const store = useContext(StoreContext);
  if (store === null) throw new Error("useDefinitionStore outside a BuilderProvider");
  return store;
}

/** A slice of the editing state; the component re-renders only when the slice changes (Object.is). */
export function useBuilder<T>(selector: (state: DefinitionState) => T): T {
  return useStore(useDefinitionStore(), selector);
}

/** The API client and the app id of the surrounding BuilderProvider. */
export function useBuilderApi(): { api: BuilderApi; appId: string } {
  const found = useContext(ApiContext);
  if (found === null) throw new Error("useBuilderApi outside a BuilderProvider");
  return found;
}

import type { AppDefinition } from "@stagecraft/schemas";
import { createStore, type StoreApi } from "zustand/vanilla";

/** Where the selected field sits: a top-level field, or a field of a subform's row. */
export interface FieldSelection {
  formId: string;
  fieldId: string;
  parentId?: string;
}

/** The builder's editing state: the definition, its undo/redo history and the selection. */
export interface DefinitionState {
  definition: AppDefinition;
  past: readonly AppDefinition[];
  future: readonly AppDefinition[];
  /** Key of the last edit: consecutive edits with the same key (typing) undo as one step. */
  lastKey: string | undefined;
  lastAt: number;
  /** True once the definition differs from the last saved one. */
  dirty: boolean;
  selection: FieldSelection | undefined;
  /** Apply an edit; `key` merges a run of edits of the same thing within a second into one undo step. */
  edit(change: (definition: AppDefinition) => AppDefinition, key?: string): void;
  undo(): void;
  redo(): void;
  select(selection: FieldSelection | undefined): void;
  /** Replace the whole document (after loading), forgetting the history. */
  reset(definition: AppDefinition): void;
  markSaved(): void;
}

/** Undo steps kept; older ones are dropped. */
const HISTORY_LIMIT = 200;
const MERGE_WINDOW_MS = 1000;

/** A store for one definition being edited (one per AppBuilder, so tests and tabs never share state). */
export function createDefinitionStore(
  initial: AppDefinition,
  now: () => number = () => Date.now(),
): StoreApi<DefinitionState> {
  return createStore<DefinitionState>()((set, get) => ({
    definition: initial,
    past: [],
    future: [],
    lastKey: undefined,
    lastAt: 0,
    dirty: false,
    selection: undefined,
    edit(change, key) {
      const state = get();
      const next = change(state.definition);
      if (next === state.definition) return;
      const at = now();
      const merge = key !== undefined && key === state.lastKey && at - state.lastAt < MERGE_WINDOW_MS;
      const past = merge ? state.past : [...state.past, state.definition].slice(-HISTORY_LIMIT);
      set({ definition: next, past, future: [], lastKey: key, lastAt: at, dirty: true });
    },
    undo() {
      const { past, future, definition } = get();
      const previous = past[past.length - 1];
      if (previous === undefined) return;
      set({
        definition: previous,
        past: past.slice(0, -1),
        future: [definition, ...future],
        lastKey: undefined,
        dirty: true,
      });
    },
    redo() {
      const { past, future, definition } = get();
      const next = future[0];
      if (next === undefined) return;
      set({
        definition: next,
        past: [...past, definition],
        future: future.slice(1),
        lastKey: undefined,
        dirty: true,
      });
    },
    select(selection) {
      set({ selection });
    },
    reset(definition) {
      set({ definition, past: [], future: [], lastKey: undefined, dirty: false, selection: undefined });
    },
    markSaved() {
      set({ dirty: false });
    },
  }));
}

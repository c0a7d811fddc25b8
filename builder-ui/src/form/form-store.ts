import {
  computeFormulas,
  readOnlyFields,
  submit,
  visibleFields,
  visibleRowFields,
  type CompiledForm,
  type EngineContext,
} from "@stagecraft/engine";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { ProblemItem } from "../api/problem.js";
import { groupErrors, stableErrors, type ErrorsByField, type FieldError } from "./field-errors.js";

/** The state of one form being filled: what was typed, what the engine derives, and the errors shown. */
export interface FormState {
  /** What the user entered, by field id (formulas excluded). */
  values: Readonly<Record<string, unknown>>;
  /** The values with every formula computed by the engine (hidden values left out). */
  computed: Readonly<Record<string, unknown>>;
  visible: ReadonlySet<string>;
  /** Per subform, the row fields visible in each row (the engine's row-level visibleWhen). */
  rowVisible: RowVisibility;
  readOnly: ReadonlySet<string>;
  /** Errors on screen: the engine's for touched fields (all after a submit), plus the server's. */
  errors: ErrorsByField;
  /** Errors the server answered, kept until their field changes. */
  serverErrors: ErrorsByField;
  touched: ReadonlySet<string>;
  submitted: boolean;
  setValue: (id: string, value: unknown) => void;
  /**
   * Show the engine's errors for every field and answer whether it accepts the data. The caller
   * still sends the data: the server's answer is the verdict, mapped back with setServerErrors.
   */
  validateAll: () => boolean;
  setServerErrors: (items: readonly ProblemItem[]) => void;
  reset: (values?: Readonly<Record<string, unknown>>) => void;
}

/** Per subform id, one set of visible row field ids per row. */
export type RowVisibility = ReadonlyMap<string, readonly ReadonlySet<string>[]>;

/** `next`, keeping the previous list of a subform whose rows show the same fields (fewer re-renders). */
function stableRows(previous: RowVisibility, next: Map<string, Set<string>[]>): RowVisibility {
  const keyOf = (rows: readonly ReadonlySet<string>[]) => rows.map((row) => [...row].join(",")).join("|");
  const stable = new Map<string, readonly ReadonlySet<string>[]>();
  for (const [id, rows] of next) {
    const before = previous.get(id);
    stable.set(id, before !== undefined && keyOf(before) === keyOf(rows) ? before : rows);
  }
  return stable;
}

/** A form's store (one per form on screen). */
export type FormStore = StoreApi<FormState>;

/**
 * `next`, keeping the previous object for every value that did not change (subform rows, addresses),
 * so a field whose selector reads an object re-renders only when its content changed.
 */
function stableValues(
  previous: Readonly<Record<string, unknown>>,
  next: Record<string, unknown>,
): Record<string, unknown> {
  for (const [key, value] of Object.entries(next)) {
    const before = previous[key];
    if (before !== value && typeof value === "object" && value !== null && typeof before === "object") {
      if (JSON.stringify(before) === JSON.stringify(value)) next[key] = before;
    }
  }
  return next;
}

/** Merge engine errors (filtered to touched fields unless submitted) with the server's. */
function visibleErrors(
  engineErrors: ErrorsByField,
  server: ErrorsByField,
  touched: ReadonlySet<string>,
  submitted: boolean,
): ErrorsByField {
  // The server's verdict wins for a field it named: the engine would only repeat it.
  const merged = new Map<string, readonly FieldError[]>(server);
  for (const [id, list] of engineErrors) {
    if ((submitted || touched.has(id)) && !server.has(id)) merged.set(id, list);
  }
  return merged;
}

/**
 * A store for filling `form`: every change recomputes formulas and visibility with the engine, and
 * field components subscribe with selectors to their own slice (a keystroke re-renders only the
 * fields whose value, visibility or errors changed).
 */
export function createFormStore(
  form: CompiledForm,
  ctx: EngineContext,
  initial: Readonly<Record<string, unknown>> = {},
  options: { previous?: Readonly<Record<string, unknown>> } = {},
): FormStore {
  let lastComputed: Readonly<Record<string, unknown>> = {};
  let lastRows: RowVisibility = new Map();
  const derive = (values: Readonly<Record<string, unknown>>) => {
    const computed = stableValues(lastComputed, computeFormulas(form, values, ctx));
    lastComputed = computed;
    lastRows = stableRows(lastRows, visibleRowFields(form, computed, ctx));
    return {
      computed,
      visible: visibleFields(form, computed, ctx),
      rowVisible: lastRows,
      readOnly: readOnlyFields(form, computed, ctx),
    };
  };
  const check = (values: Readonly<Record<string, unknown>>) =>
    submit(form, values, ctx, options.previous === undefined ? {} : { previous: options.previous });
  const engineErrorsOf = (values: Readonly<Record<string, unknown>>): ErrorsByField => {
    const result = check(values);
    return result.ok ? new Map() : groupErrors(result.errors, "");
  };

  return createStore<FormState>()((set, get) => ({
    values: initial,
    ...derive(initial),
    errors: new Map(),
    serverErrors: new Map(),
    touched: new Set(),
    submitted: false,
    setValue: (id, value) => {
      const state = get();
      const values = { ...state.values, [id]: value };
      const touched = state.touched.has(id) ? state.touched : new Set([...state.touched, id]);
      const serverErrors = new Map(state.serverErrors);
      serverErrors.delete(id);
      serverErrors.delete("");
      const errors = visibleErrors(engineErrorsOf(values), serverErrors, touched, state.submitted);
      set({ values, ...derive(values), touched, serverErrors, errors: stableErrors(state.errors, errors) });
    },
    validateAll: () => {
      const state = get();
      const result = check(state.values);
      const engineErrors: ErrorsByField = result.ok ? new Map() : groupErrors(result.errors, "");
      set({
        submitted: true,
        errors: stableErrors(
          state.errors,
          visibleErrors(engineErrors, state.serverErrors, state.touched, true),
        ),
      });
      return result.ok;
    },
    setServerErrors: (items) => {
      const state = get();
      const serverErrors = groupErrors(items, "/data");
      const errors = visibleErrors(
        engineErrorsOf(state.values),
        serverErrors,
        state.touched,
        state.submitted,
      );
      set({ serverErrors, errors: stableErrors(state.errors, errors) });
    },
    reset: (values = {}) => {
      set({
        values,
        ...derive(values),
        errors: new Map(),
        serverErrors: new Map(),
        touched: new Set(),
        submitted: false,
      });
    },
  }));
}

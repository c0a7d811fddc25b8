import { Alert, App as AntApp, Button } from "antd";
import type { CompiledForm, EngineContext } from "@stagecraft/engine";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/problem.js";
import { ProblemAlert } from "../shell/problem-alert.js";
import { createFormStore } from "./form-store.js";
import { FormView } from "./form-view.js";

/** What a submission answers: nothing more to say, or a problem to show. */
export type Submitter = (data: Record<string, unknown>) => Promise<void>;

/**
 * Fill a form and send it: the engine computes formulas and visibility live and shows its errors
 * for touched fields; the server's answer is the verdict, and its 422 errors land on the fields.
 */
export function FormFill({
  form,
  ctx,
  onSubmit,
  initial,
  previous,
  submitLabel,
}: {
  form: CompiledForm;
  ctx: EngineContext;
  onSubmit: Submitter;
  initial?: Readonly<Record<string, unknown>>;
  previous?: Readonly<Record<string, unknown>>;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const store = useMemo(
    () => createFormStore(form, ctx, initial, previous === undefined ? {} : { previous }),
    [form, ctx, initial, previous],
  );
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const send = async () => {
    setBusy(true);
    setProblem(null);
    const state = store.getState();
    state.validateAll();
    try {
      await onSubmit({ ...state.values });
      void message.success(t("form.saved"));
      if (previous === undefined) store.getState().reset(initial);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, "error", String(error), []);
      store.getState().setServerErrors(apiError.errors);
      setProblem(apiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <FormView fields={form.form.fields} store={store} />
      {problem !== null &&
        (problem.status === 422 &&
        problem.errors.length > 0 &&
        problem.errors.every((item) => item.path.startsWith("/data/")) ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ margin: "12px 0" }}
            title={t("status.422")}
            description={t("form.fixFields", { count: problem.errors.length })}
          />
        ) : (
          <ProblemAlert error={problem} />
        ))}
      <Button type="primary" htmlType="submit" loading={busy} size="large" style={{ marginTop: 8 }}>
        {submitLabel ?? t("form.submit")}
      </Button>
      {problem === null && busy && <Alert type="info" title={t("common.saving")} />}
    </form>
  );
}

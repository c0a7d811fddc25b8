import { useTranslation } from "react-i18next";
import type { FieldError } from "./field-errors.js";

/** One problem in words: the translated code when the interface knows it, else the server's message. */
export function useErrorWords(): (error: FieldError) => string {
  const { t } = useTranslation();
  return (error) => t(`errors.${error.code}`, { ...error.params, defaultValue: error.message });
}

/** The problems of one field (or cell), each in words. */
export function ErrorText({ errors }: { errors: readonly FieldError[] | undefined }) {
  const words = useErrorWords();
  if (errors === undefined || errors.length === 0) return null;
  return (
    <div role="alert" className="field-error" style={{ color: "#cf1322", fontSize: 13, marginTop: 4 }}>
      {errors.map((error, i) => (
        <div key={`${error.code}-${String(i)}`}>{words(error)}</div>
      ))}
    </div>
  );
}

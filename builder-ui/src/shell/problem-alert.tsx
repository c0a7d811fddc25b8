import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/problem.js";
import { useErrorWords } from "../form/error-text.js";

/** The words for an HTTP status, so every failure reads as a sentence. */
export function useStatusWords(): (error: ApiError) => string {
  const { t } = useTranslation();
  return (error) =>
    t(`status.${String(error.status)}`, { defaultValue: t("status.other", { status: error.status }) });
}

/** An API failure in words: what happened, the server's detail, and every problem it named. */
export function ProblemAlert({ error, title }: { error: ApiError; title?: string | undefined }) {
  const status = useStatusWords();
  const words = useErrorWords();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ margin: "12px 0" }}
      title={title ?? status(error)}
      description={
        <div>
          <div>{error.message}</div>
          {error.errors.length > 0 && (
            <ul style={{ margin: "6px 0 0", paddingLeft: 18 }}>
              {error.errors.map((item, i) => (
                <li key={`${item.path}-${String(i)}`}>
                  {item.path !== "" && <code>{item.path}</code>}{" "}
                  {words({
                    sub: "",
                    code: item.code,
                    message: item.message,
                    ...(item.params === undefined ? {} : { params: item.params }),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      }
    />
  );
}

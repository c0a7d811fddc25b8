import type { ValidationIssue } from "@stagecraft/schemas";
import { Alert, List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { describeIssue } from "./issue-words.js";
import { langOf } from "./i18n-text.js";

/** Every problem of a definition, each in words (where, then what), never as raw JSON. */
export function IssueList(props: {
  definition: unknown;
  issues: readonly ValidationIssue[];
  title?: string;
}) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  if (props.issues.length === 0) return <Alert type="success" showIcon title={t("issues.none")} />;
  return (
    <Alert
      type="error"
      showIcon
      title={props.title ?? t("issues.count", { count: props.issues.length })}
      description={
        <List
          size="small"
          data-testid="issue-list"
          dataSource={props.issues.slice(0, 50)}
          renderItem={(issue) => {
            const { where, what } = describeIssue(props.definition, issue, lang, t);
            return (
              <List.Item style={{ padding: "4px 0" }}>
                <Typography.Text strong>{where}</Typography.Text>
                <Typography.Text>：{what}</Typography.Text>
              </List.Item>
            );
          }}
        />
      }
    />
  );
}

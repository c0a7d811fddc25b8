import type { ApprovalView } from "@stagecraft/schemas";
import { Button, Input, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/problem.js";
import type { User } from "../api/types.js";
import { useApi } from "../shell/api-context.js";
import { ProblemAlert } from "../shell/problem-alert.js";

/** A stage the approval may be returned to. */
export interface StageChoice {
  id: string;
  label: string;
}

/**
 * What an approver does with their task, each with the comment: approve, reject, return to a
 * chosen earlier stage, or transfer to another user.
 */
export function DecisionPanel(props: {
  approvalId: string;
  earlier: readonly StageChoice[];
  users: readonly User[];
  me: string | undefined;
  onDone: (approval: ApprovalView) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [comment, setComment] = useState("");
  const [returnTo, setReturnTo] = useState<string | null>(props.earlier.at(-1)?.id ?? null);
  const [transferTo, setTransferTo] = useState("");
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = (key: string, action: () => Promise<ApprovalView>) => {
    setBusy(key);
    setProblem(null);
    action()
      .then((approval) => {
        setComment("");
        props.onDone(approval);
      })
      .catch((error: unknown) => {
        setProblem(error instanceof ApiError ? error : new ApiError(0, "error", String(error), []));
      })
      .finally(() => {
        setBusy(null);
      });
  };
  const { approvalId } = props;
  const others = props.users.filter((user) => user.id !== props.me);
  return (
    <div>
      <Input.TextArea
        aria-label={t("inbox.comment")}
        placeholder={t("inbox.comment")}
        autoSize
        maxLength={2000}
        value={comment}
        style={{ margin: "8px 0" }}
        onChange={(event) => {
          setComment(event.target.value);
        }}
      />
      <Space wrap>
        <Button
          type="primary"
          loading={busy === "approve"}
          onClick={() => {
            run("approve", () => api.decide(approvalId, "approve", comment));
          }}
        >
          {t("inbox.approve")}
        </Button>
        <Button
          danger
          loading={busy === "reject"}
          onClick={() => {
            run("reject", () => api.decide(approvalId, "reject", comment));
          }}
        >
          {t("inbox.reject")}
        </Button>
        {props.earlier.length > 0 && (
          <Space.Compact>
            <Select
              aria-label={t("inbox.returnTo")}
              style={{ minWidth: 140 }}
              value={returnTo}
              options={props.earlier.map((stage) => ({ value: stage.id, label: stage.label }))}
              onChange={(value: string) => {
                setReturnTo(value);
              }}
            />
            <Button
              disabled={returnTo === null}
              loading={busy === "return"}
              onClick={() => {
                if (returnTo !== null)
                  run("return", () => api.decide(approvalId, "return", comment, returnTo));
              }}
            >
              {t("inbox.return")}
            </Button>
          </Space.Compact>
        )}
        <Space.Compact>
          {others.length > 0 ? (
            <Select
              aria-label={t("inbox.transferToUser")}
              placeholder={t("inbox.transferToUser")}
              style={{ minWidth: 160 }}
              showSearch={{ optionFilterProp: "label" }}
              value={transferTo === "" ? null : transferTo}
              options={others.map((user) => ({ value: user.id, label: user.name || user.email }))}
              onChange={(value: string) => {
                setTransferTo(value);
              }}
            />
          ) : (
            <Input
              aria-label={t("inbox.transferTo")}
              placeholder={t("inbox.transferTo")}
              value={transferTo}
              onChange={(event) => {
                setTransferTo(event.target.value);
              }}
            />
          )}
          <Button
            disabled={transferTo === ""}
            loading={busy === "transfer"}
            onClick={() => {
              run("transfer", () => api.transfer(approvalId, transferTo, comment));
            }}
          >
            {t("inbox.transfer")}
          </Button>
        </Space.Compact>
      </Space>
      {problem !== null && <ProblemAlert error={problem} />}
    </div>
  );
}

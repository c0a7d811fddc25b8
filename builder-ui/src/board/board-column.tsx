import { Badge, Button, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useBoardColumn } from "./board-dnd.js";

/** A stage of the board: a drop target holding its cards. */
export function BoardColumn({
  stageId,
  title,
  count,
  terminal,
  more,
  children,
}: {
  stageId: string;
  title: string;
  count: number;
  terminal: "won" | "lost" | undefined;
  more: (() => void) | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const column = useBoardColumn(stageId);
  const accent = terminal === "won" ? "#52c41a" : terminal === "lost" ? "#ff4d4f" : "#1677ff";
  return (
    <section
      ref={column.setRef}
      data-stage={stageId}
      aria-label={title}
      style={{
        flex: "0 0 260px",
        background: column.over ? "#e6f4ff" : "#f5f5f5",
        borderRadius: 8,
        padding: 8,
        borderTop: `3px solid ${accent}`,
        minHeight: 240,
        transition: "background .15s",
      }}
    >
      <div
        style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginBottom: 8 }}
      >
        <Typography.Text strong>{title}</Typography.Text>
        <Badge count={count} showZero color="#8c8c8c" />
      </div>
      {children}
      {more !== null && (
        <Button size="small" type="link" block onClick={more}>
          {t("records.loadMore")}
        </Button>
      )}
    </section>
  );
}

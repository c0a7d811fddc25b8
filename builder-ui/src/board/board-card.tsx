import { Card, Typography } from "antd";
import { memo } from "react";
import type { RecordView } from "../api/types.js";
import { useBoardCard } from "./board-dnd.js";

/** One record on the board: draggable to another stage; a click opens it. */
export const BoardCard = memo(function BoardCard({
  record,
  title,
  subtitle,
  href,
  pending,
}: {
  record: RecordView;
  title: string;
  subtitle: string;
  href: string;
  pending: string | null;
}) {
  const card = useBoardCard(record.id, record.stage ?? "");
  return (
    <div ref={card.setRef} style={card.style} {...card.handleProps} data-card={record.id} aria-label={title}>
      <Card
        size="small"
        hoverable
        style={{ marginBottom: 8, boxShadow: card.dragging ? "0 8px 24px rgba(0,0,0,.15)" : undefined }}
      >
        <a href={href} style={{ fontWeight: 500 }}>
          {title}
        </a>
        {subtitle !== "" && (
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {subtitle}
          </Typography.Text>
        )}
        {pending !== null && (
          <Typography.Text type="warning" style={{ display: "block", fontSize: 12 }}>
            {pending}
          </Typography.Text>
        )}
      </Card>
    </div>
  );
});

import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, List } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A list of the app's items of one kind (KPIs, rules) beside the selected item's settings. Its texts
 * are the `words` section's `list`, `add`, `none`, `details` and `selectHint`; the selection falls
 * back to the first item when the selected one is removed.
 */
export function ListWithDetails<T extends { id: string }>(props: {
  words: string;
  listWidth: number;
  items: readonly T[];
  title: (item: T) => string;
  description: (item: T) => string;
  removeLabel: (item: T) => string;
  /** Controls before the remove button (an on/off switch); they must not let their clicks select. */
  actions?: (item: T) => ReactNode[];
  /** Adds an item and returns its id, which becomes the selection. */
  onAdd: () => string;
  onRemove: (item: T) => void;
  details: (id: string) => ReactNode;
}) {
  const { t } = useTranslation("builder");
  const { items, words } = props;
  const [selected, setSelected] = useState<string | undefined>(items[0]?.id);
  const current = items.some((i) => i.id === selected) ? selected : items[0]?.id;
  return (
    <div
      style={{
        display: "grid",
        gridTemplateColumns: `${props.listWidth}px minmax(0, 1fr)`,
        gap: 16,
        alignItems: "start",
      }}
    >
      <Card
        size="small"
        title={t(`${words}.list`)}
        extra={
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setSelected(props.onAdd());
            }}
          >
            {t(`${words}.add`)}
          </Button>
        }
      >
        {items.length === 0 ? (
          <Empty description={t(`${words}.none`)} />
        ) : (
          <List
            size="small"
            dataSource={items}
            renderItem={(item) => (
              <List.Item
                style={{
                  cursor: "pointer",
                  background: item.id === current ? "#e6f4ff" : undefined,
                  paddingInline: 8,
                  borderRadius: 6,
                }}
                onClick={() => {
                  setSelected(item.id);
                }}
                actions={[
                  ...(props.actions?.(item) ?? []),
                  <Button
                    key="del"
                    size="small"
                    type="text"
                    danger
                    aria-label={props.removeLabel(item)}
                    icon={<DeleteOutlined />}
                    onClick={(e) => {
                      e.stopPropagation();
                      props.onRemove(item);
                    }}
                  />,
                ]}
              >
                <List.Item.Meta title={props.title(item)} description={props.description(item)} />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t(`${words}.details`)}>
        {current === undefined ? <Empty description={t(`${words}.selectHint`)} /> : props.details(current)}
      </Card>
    </div>
  );
}

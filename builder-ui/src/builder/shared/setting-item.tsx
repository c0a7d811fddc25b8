import { Form as AntForm } from "antd";
import type { ReactElement, ReactNode } from "react";

/** One labelled setting of an editor panel (a KPI's measure or goal, a rule's trigger or action, a widget). */
export function settingItem(label: string, child: ReactNode): ReactElement {
  return (
    <AntForm.Item label={label} style={{ marginBottom: 8 }}>
      {child}
    </AntForm.Item>
  );
}

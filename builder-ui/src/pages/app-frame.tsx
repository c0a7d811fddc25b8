import { AppstoreOutlined, PlusOutlined, ToolOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { Button, Segmented, Space, Tabs, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocalized } from "../i18n/localized.js";
import { useAppScope } from "../shell/app-scope.js";
import { hrefOf } from "../shell/routes.js";
import { navigate } from "../shell/use-route.js";

/** The head of an app's pages: its name, its forms as tabs, and list / board / new for the form. */
export function AppFrame({
  formId,
  view,
  children,
}: {
  formId: string | null;
  view: "records" | "board" | "new" | "record";
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { view: app, compiled } = useAppScope();
  const forms = compiled.definition.forms;
  const form = forms.find((candidate) => candidate.id === formId);
  return (
    <div>
      <div
        style={{
          display: "flex",
          flexWrap: "wrap",
          justifyContent: "space-between",
          alignItems: "center",
          gap: 8,
        }}
      >
        <Typography.Title level={3} style={{ margin: 0 }}>
          {localized(app.name)}
        </Typography.Title>
        <Button icon={<ToolOutlined />} href={hrefOf({ name: "build", appId: app.id })}>
          {t("apps.build")}
        </Button>
      </div>
      <Tabs
        {...(formId === null ? {} : { activeKey: formId })}
        onChange={(key) => {
          navigate({ name: "records", appId: app.id, formId: key });
        }}
        items={forms.map((candidate) => ({ key: candidate.id, label: localized(candidate.name) }))}
      />
      {form !== undefined && (
        <Space style={{ marginBottom: 16 }} wrap>
          <Segmented
            value={view === "board" ? "board" : "records"}
            onChange={(value) => {
              navigate({ name: value === "board" ? "board" : "records", appId: app.id, formId: form.id });
            }}
            options={[
              { value: "records", icon: <UnorderedListOutlined />, label: t("records.list") },
              ...(form.pipeline !== undefined
                ? [{ value: "board", icon: <AppstoreOutlined />, label: t("board.title") }]
                : []),
            ]}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            href={hrefOf({ name: "new-record", appId: app.id, formId: form.id })}
          >
            {t("records.new")}
          </Button>
        </Space>
      )}
      {children}
    </div>
  );
}

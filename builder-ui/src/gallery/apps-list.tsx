import { Button, Card, Empty, List, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AppSummary } from "../api/types.js";
import { useLocalized } from "../i18n/localized.js";
import { hrefOf } from "../shell/routes.js";

/** The apps of the workspace, each opening its forms or its builder. */
export function AppsList({ apps }: { apps: readonly AppSummary[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <Card title={t("apps.title")} style={{ marginBottom: 24 }}>
      {apps.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("apps.none")} />
      ) : (
        <List
          dataSource={[...apps]}
          renderItem={(app) => (
            <List.Item
              actions={[
                <Button key="open" type="link" href={hrefOf({ name: "app", appId: app.id })}>
                  {t("apps.open")}
                </Button>,
                <Button key="build" type="link" href={hrefOf({ name: "build", appId: app.id })}>
                  {t("apps.build")}
                </Button>,
              ]}
            >
              <Space wrap>
                <Typography.Text strong>{localized(app.name)}</Typography.Text>
                <Tag>{t("apps.version", { version: app.version })}</Tag>
                {app.hasDraft && <Tag color="orange">{t("apps.draft")}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

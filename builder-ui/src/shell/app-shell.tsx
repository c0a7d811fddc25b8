import { AppstoreOutlined, InboxOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Dropdown, Layout, Menu, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "./api-context.js";
import { LanguageSwitch } from "./language-switch.js";
import { hrefOf, type Route } from "./routes.js";
import { useSession } from "./session-store.js";
import { navigate } from "./use-route.js";

/** The frame of every signed-in page: brand, navigation, language switch and the user menu. */
export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const { t } = useTranslation();
  const api = useApi();
  const me = useSession((s) => s.me);
  const signOut = useSession((s) => s.signOut);
  const selected = route.name === "inbox" ? "inbox" : "home";
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          gap: 16,
          paddingInline: 16,
          background: "#fff",
          borderBottom: "1px solid #f0f0f0",
        }}
      >
        <a href={hrefOf({ name: "home" })} style={{ display: "flex", alignItems: "center", gap: 8 }}>
          <span
            aria-hidden
            style={{
              width: 28,
              height: 28,
              borderRadius: 8,
              background: "linear-gradient(135deg,#1677ff,#69b1ff)",
              display: "inline-block",
            }}
          />
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: "nowrap" }}>
            {t("brand")}
          </Typography.Text>
        </a>
        <Menu
          mode="horizontal"
          selectedKeys={[selected]}
          style={{ flex: 1, minWidth: 0, borderBottom: "none" }}
          items={[
            {
              key: "home",
              icon: <AppstoreOutlined />,
              label: <a href={hrefOf({ name: "home" })}>{t("nav.home")}</a>,
            },
            {
              key: "inbox",
              icon: <InboxOutlined />,
              label: <a href={hrefOf({ name: "inbox" })}>{t("nav.inbox")}</a>,
            },
          ]}
        />
        <Space>
          <LanguageSwitch />
          <Dropdown
            menu={{
              items: [
                {
                  key: "who",
                  label: `${me?.email ?? ""} · ${t(`roles.${me?.role ?? "member"}`)}`,
                  disabled: true,
                },
                { type: "divider" },
                { key: "logout", icon: <LogoutOutlined />, label: t("nav.signOut") },
              ],
              onClick: ({ key }) => {
                if (key === "logout") {
                  void signOut(api).finally(() => {
                    navigate({ name: "login" });
                  });
                }
              },
            }}
          >
            <Button type="text" aria-label={t("nav.userMenu")}>
              <Avatar size="small" icon={<UserOutlined />} />{" "}
              <span className="hide-on-phone">{me?.name || me?.email}</span>
            </Button>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: "16px", maxWidth: 1280, width: "100%", margin: "0 auto" }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}

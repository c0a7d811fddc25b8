import { Result, Spin } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { BoardPage } from "../board/board-page.js";
import { GalleryPage } from "../gallery/gallery-page.js";
import { InboxPage } from "../inbox/inbox-page.js";
import { AppFrame } from "../pages/app-frame.js";
import { BuildPage } from "../pages/build-page.js";
import { LoginPage } from "../pages/login-page.js";
import { NewRecordPage } from "../records/new-record-page.js";
import { RecordPage } from "../records/record-page.js";
import { RecordsPage } from "../records/records-page.js";
import { SharePage } from "../share/share-page.js";
import { useApi } from "./api-context.js";
import { AppScope, useAppScope } from "./app-scope.js";
import { AppShell } from "./app-shell.js";
import { ProblemAlert } from "./problem-alert.js";
import type { Route } from "./routes.js";
import { useSession } from "./session-store.js";
import { navigate, useRoute } from "./use-route.js";

/** An app's first form (where `#/apps/:id` lands). */
function FirstForm() {
  const { view, compiled } = useAppScope();
  const first = compiled.definition.forms[0];
  useEffect(() => {
    if (first !== undefined) navigate({ name: "records", appId: view.id, formId: first.id });
  }, [view.id, first]);
  return <Spin />;
}

function AppPages({ route }: { route: Extract<Route, { appId: string }> }) {
  switch (route.name) {
    case "build":
      return <BuildPage appId={route.appId} />;
    case "app":
      return <FirstForm />;
    case "records":
      return (
        <AppFrame formId={route.formId} view="records">
          <RecordsPage key={route.formId} formId={route.formId} />
        </AppFrame>
      );
    case "board":
      return (
        <AppFrame formId={route.formId} view="board">
          <BoardPage key={route.formId} formId={route.formId} />
        </AppFrame>
      );
    case "new-record":
      return (
        <AppFrame formId={route.formId} view="new">
          <NewRecordPage key={route.formId} formId={route.formId} />
        </AppFrame>
      );
    case "record":
      return (
        <AppFrame formId={route.formId} view="record">
          <RecordPage key={route.recordId} formId={route.formId} recordId={route.recordId} />
        </AppFrame>
      );
  }
}

function SignedInPage({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case "home":
    case "login":
      return <GalleryPage />;
    case "inbox":
      return <InboxPage />;
    case "share":
      return null;
    case "not-found":
      return <Result status="404" title={t("notFound")} />;
    default:
      return route.name === "build" ? (
        <BuildPage appId={route.appId} />
      ) : (
        <AppScope appId={route.appId}>
          <AppPages route={route} />
        </AppScope>
      );
  }
}

/** Every screen, chosen by the route; signed-out visitors see the sign-in page (share links excepted). */
export function AppRoot() {
  const route = useRoute();
  const api = useApi();
  const status = useSession((s) => s.status);
  const error = useSession((s) => s.error);
  const load = useSession((s) => s.load);
  useEffect(() => {
    if (route.name !== "share") void load(api);
  }, [api, load, route.name]);
  if (route.name === "share") return <SharePage token={route.token} />;
  if (status === "loading") return <Spin fullscreen />;
  if (status === "signed-out") {
    return (
      <>
        {error !== null && <ProblemAlert error={error} />}
        <LoginPage />
      </>
    );
  }
  return (
    <AppShell route={route}>
      <SignedInPage route={route} />
    </AppShell>
  );
}

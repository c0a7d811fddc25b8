import { Result, Spin } from "antd";
import { Suspense, lazy, type ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { isObject } from "../api/guards.js";

type AppBuilder = ComponentType<{ appId: string }>;

function isComponent(value: unknown): value is AppBuilder {
  return typeof value === "function";
}

// The editors live in ../builder (their own part of the UI): matched by a glob so this page builds
// whether or not that part is present, and loaded lazily so the end-user pages stay small.
const builderModules = import.meta.glob("../builder/index.ts");
const loadBuilder = builderModules["../builder/index.ts"];

const LazyBuilder =
  loadBuilder === undefined
    ? null
    : lazy(async () => {
        const module: unknown = await loadBuilder();
        const component = isObject(module) ? module["AppBuilder"] : undefined;
        if (!isComponent(component)) throw new Error("builder/index.ts does not export AppBuilder");
        return { default: component };
      });

/** The app's "build" route: the editors of the builder part, mounted with the app's id. */
export function BuildPage({ appId }: { appId: string }) {
  const { t } = useTranslation();
  if (LazyBuilder === null) return <Result status="info" title={t("build.missing")} />;
  return (
    <Suspense fallback={<Spin style={{ display: "block", margin: 48 }} />}>
      <LazyBuilder appId={appId} />
    </Suspense>
  );
}

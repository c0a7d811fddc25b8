import type { AppDefinition } from "@stagecraft/schemas";
import { render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import type { BuilderApi } from "./api/builder-api.js";
import { ensureBuilderI18n } from "./i18n/builder-i18n.js";
import { createDefinitionStore, type DefinitionState } from "./store/definition-store.js";
import type { StoreApi } from "zustand/vanilla";
import { BuilderProvider } from "./store/store-context.js";

/** A small sales app: a customer form and a deal form with a pipeline, a subform and a section. */
export function salesApp(): AppDefinition {
  return {
    id: "sales",
    name: { zh: "销售", en: "Sales" },
    forms: [
      {
        id: "deal",
        name: { zh: "商机", en: "Deal" },
        fields: [
          { id: "title", type: "text", label: { zh: "标题", en: "Title" }, required: true },
          { id: "amount", type: "money", label: { zh: "金额", en: "Amount" } },
          {
            id: "level",
            type: "select",
            label: { zh: "级别", en: "Level" },
            options: [
              { value: "a", label: { zh: "A级", en: "A" } },
              { value: "b", label: { zh: "B级", en: "B" } },
            ],
          },
          { id: "close_date", type: "date", label: { zh: "预计成交", en: "Close date" } },
          { id: "owner_user", type: "user", label: { zh: "负责人", en: "Owner" } },
          { id: "customer", type: "reference", form: "customer", label: { zh: "客户", en: "Customer" } },
          { id: "details", type: "section", label: { zh: "明细", en: "Details" } },
          {
            id: "items",
            type: "subform",
            label: { zh: "产品", en: "Items" },
            fields: [
              { id: "qty", type: "number", label: { zh: "数量", en: "Qty" } },
              { id: "price", type: "money", label: { zh: "单价", en: "Price" } },
            ],
          },
        ],
        pipeline: {
          initial: "new",
          stages: [
            { id: "new", name: { zh: "新建", en: "New" } },
            { id: "quote", name: { zh: "报价", en: "Quote" }, probability: 40 },
            { id: "won", name: { zh: "赢单", en: "Won" }, terminal: "won" },
          ],
        },
      },
      {
        id: "customer",
        name: { zh: "客户", en: "Customer" },
        fields: [
          { id: "name", type: "text", label: { zh: "名称", en: "Name" } },
          { id: "deal_total", type: "money", label: { zh: "成交额", en: "Won total" } },
        ],
      },
    ],
  };
}

/** An API client that answers from a table of canned responses and records every call. */
export function fakeApi(
  answers: Record<string, unknown> = {},
): BuilderApi & { calls: { method: string; path: string; body: unknown }[] } {
  const calls: { method: string; path: string; body: unknown }[] = [];
  return {
    calls,
    request(method, path, body) {
      calls.push({ method, path, body });
      const key = `${method} ${path}`;
      if (Object.hasOwn(answers, key)) {
        const answer = answers[key];
        return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
      }
      return Promise.resolve(null);
    },
  };
}

/**
 * A clock that moves 10 ms per reading: typing merges into one undo step however slowly a loaded
 * CI machine replays the keystrokes (the real clock would split them past the 1 s merge window).
 */
export function steadyClock(): () => number {
  let at = 0;
  return () => (at += 10);
}

/** Render editors around a fresh store holding `definition`. */
export function renderWithStore(
  ui: ReactNode,
  definition: AppDefinition = salesApp(),
  api: BuilderApi = fakeApi(),
  now: () => number = steadyClock(),
): { store: StoreApi<DefinitionState>; container: HTMLElement } {
  const store = createDefinitionStore(definition, now);
  const i18n = ensureBuilderI18n();
  void i18n.changeLanguage("zh");
  const result = render(
    <I18nextProvider i18n={i18n}>
      <BuilderProvider store={store} api={api} appId="sales">
        {ui}
      </BuilderProvider>
    </I18nextProvider>,
  );
  return { store, container: result.container };
}

/** Open an antd Select by its accessible name and click the option with this title. */
export async function chooseOption(
  user: { click: (element: Element) => Promise<void> },
  combobox: HTMLElement,
  title: string,
): Promise<void> {
  await user.click(combobox);
  const options = await screen.findAllByTitle(title);
  // Closed dropdowns stay in the DOM (hidden): take the option of the open one, the newest last.
  const open = options.filter(
    (o) =>
      o.classList.contains("ant-select-item-option") && o.closest(".ant-select-dropdown-hidden") === null,
  );
  const option = open.at(-1) ?? options.at(-1);
  if (option === undefined) throw new Error(`no option "${title}"`);
  await user.click(option);
}

/** The value, or a test failure naming what was missing (instead of a non-null assertion). */
export function must<T>(value: T | undefined | null, what = "value"): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}

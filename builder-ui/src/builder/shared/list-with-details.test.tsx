// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, it } from "vitest";
import { ensureBuilderI18n } from "../i18n/builder-i18n.js";
import { zh } from "../i18n/zh.js";
import { ListWithDetails } from "./list-with-details.js";

afterEach(cleanup);

interface Item {
  id: string;
  name: string;
}

/** The list over items held in React state, as the editors hold theirs in the store. */
function Harness(props: { initial: Item[] }) {
  const [items, setItems] = useState(props.initial);
  return (
    <ListWithDetails
      words="kpi"
      listWidth={260}
      items={items}
      title={(item) => item.name}
      description={(item) => `about ${item.name}`}
      removeLabel={(item) => `remove ${item.name}`}
      onAdd={() => {
        const id = `n${items.length}`;
        setItems([...items, { id, name: `new ${id}` }]);
        return id;
      }}
      onRemove={(item) => {
        setItems(items.filter((i) => i.id !== item.id));
      }}
      details={(id) => <p data-testid="details">details of {id}</p>}
    />
  );
}

function renderList(initial: Item[]) {
  const i18n = ensureBuilderI18n();
  void i18n.changeLanguage("zh");
  render(
    <I18nextProvider i18n={i18n}>
      <Harness initial={initial} />
    </I18nextProvider>,
  );
}

describe("ListWithDetails", { timeout: 60_000 }, () => {
  it("shows the first item's details, then the clicked one's, the added one's, and the first again after removal", async () => {
    const user = userEvent.setup();
    renderList([
      { id: "a", name: "Alpha" },
      { id: "b", name: "Beta" },
    ]);
    expect(screen.getByText(zh.kpi.list)).toBeTruthy();
    expect(screen.getByText(zh.kpi.details)).toBeTruthy();
    expect(screen.getByText("about Beta")).toBeTruthy();
    expect(screen.getByTestId("details").textContent).toBe("details of a");
    await user.click(screen.getByText("Beta"));
    expect(screen.getByTestId("details").textContent).toBe("details of b");
    await user.click(screen.getByRole("button", { name: new RegExp(zh.kpi.add) }));
    expect(screen.getByTestId("details").textContent).toBe("details of n2");
    await user.click(screen.getByRole("button", { name: "remove new n2" }));
    expect(screen.queryByText("new n2")).toBeNull();
    expect(screen.getByTestId("details").textContent).toBe("details of a");
  });

  it("removing an item that is not selected keeps the selection", async () => {
    const user = userEvent.setup();
    renderList([
      { id: "a", name: "Alpha" },
      { id: "b", name: "Beta" },
    ]);
    await user.click(screen.getByText("Beta"));
    await user.click(screen.getByRole("button", { name: "remove Alpha" }));
    expect(screen.queryByText("Alpha")).toBeNull();
    expect(screen.getByTestId("details").textContent).toBe("details of b");
  });

  it("says there is nothing yet, and asks for a selection, when the list is empty", () => {
    renderList([]);
    expect(screen.getByText(zh.kpi.none)).toBeTruthy();
    expect(screen.getByText(zh.kpi.selectHint)).toBeTruthy();
    expect(screen.queryByTestId("details")).toBeNull();
  });
});

// @vitest-environment happy-dom
import type { Form } from "@stagecraft/schemas";
import { act, cleanup, fireEvent, render } from "@testing-library/react";
import type { TFunction } from "i18next";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createI18n } from "../i18n/i18n.js";
import {
  ACTIVATION_DISTANCE,
  BoardDnd,
  moveOf,
  useBoardCard,
  useBoardColumn,
  type BoardMove,
} from "./board-dnd.js";
import { refusalLines } from "./refusal.js";

function Column({ id, x, children }: { id: string; x: number; children?: React.ReactNode }) {
  const column = useBoardColumn(id);
  return (
    <section
      data-testid={id}
      data-x={x}
      ref={column.setRef}
      style={{ width: 100, height: 300 }}
      className={column.over ? "over" : ""}
    >
      {children}
    </section>
  );
}

function Card({ id, column }: { id: string; column: string }) {
  const card = useBoardCard(id, column);
  return <div data-testid={id} data-x={0} ref={card.setRef} style={card.style} {...card.handleProps} />;
}

/** happy-dom lays nothing out: give each element the box its data-x names (columns 100 px apart). */
function layOut() {
  vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
    const x = Number(this.closest("[data-x]")?.getAttribute("data-x") ?? 0);
    const isCard = this.dataset["testid"]?.startsWith("card") === true;
    const width = isCard ? 80 : 100;
    const height = isCard ? 40 : 300;
    return { x, y: 0, left: x, top: 0, right: x + width, bottom: height, width, height, toJSON: () => ({}) };
  });
}

function board(onMove: (move: BoardMove) => void) {
  return render(
    <BoardDnd onMove={onMove}>
      <Column id="new" x={0}>
        <Card id="card-1" column="new" />
      </Column>
      <Column id="won" x={200} />
    </BoardDnd>,
  );
}

function pointer(type: string, target: Element | Document, x: number, y: number) {
  act(() => {
    fireEvent(
      target,
      new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, isPrimary: true, button: 0 }),
    );
  });
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("board drag and drop adapter", () => {
  it("reports a card dropped on another column as a move", () => {
    layOut();
    const onMove = vi.fn<(move: BoardMove) => void>();
    const { getByTestId } = board(onMove);
    const card = getByTestId("card-1");
    pointer("pointerdown", card, 20, 20);
    pointer("pointermove", document, 20 + ACTIVATION_DISTANCE + 2, 20);
    pointer("pointermove", document, 240, 100);
    pointer("pointerup", document, 240, 100);
    expect(onMove).toHaveBeenCalledExactlyOnceWith({ cardId: "card-1", from: "new", to: "won" });
  });

  it("treats a press that moves less than the activation distance as a click, not a drag", () => {
    layOut();
    const onMove = vi.fn<(move: BoardMove) => void>();
    const { getByTestId } = board(onMove);
    pointer("pointerdown", getByTestId("card-1"), 20, 20);
    pointer("pointermove", document, 20 + ACTIVATION_DISTANCE - 2, 20);
    pointer("pointerup", document, 20 + ACTIVATION_DISTANCE - 2, 20);
    expect(onMove).not.toHaveBeenCalled();
    expect(ACTIVATION_DISTANCE).toBe(5);
  });

  it("ignores drops outside a column or back on the card's own column", () => {
    const active = { id: "card-1", data: { current: { column: "new" } } };
    const over = (id: string) => ({
      id,
      rect: { width: 0, height: 0, top: 0, left: 0, bottom: 0, right: 0 },
      data: { current: undefined },
      disabled: false,
    });
    expect(
      moveOf({ active: { ...active, rect: { current: { initial: null, translated: null } } }, over: null }),
    ).toBeNull();
    expect(
      moveOf({
        active: { ...active, rect: { current: { initial: null, translated: null } } },
        over: over("new"),
      }),
    ).toBeNull();
    expect(
      moveOf({
        active: { ...active, rect: { current: { initial: null, translated: null } } },
        over: over("won"),
      }),
    ).toEqual({
      cardId: "card-1",
      from: "new",
      to: "won",
    });
  });
});

describe("refusalLines", () => {
  const l = (zh: string, en: string) => ({ zh, en });
  const form: Form = {
    id: "deal",
    name: l("商机", "Deal"),
    fields: [{ id: "budget", type: "money", label: l("客户预算", "Budget") }],
    pipeline: {
      initial: "new",
      stages: [
        { id: "new", name: l("新建", "New") },
        { id: "won", name: l("赢单", "Won"), requires: ["budget"] },
      ],
    },
  };

  it("names each unmet requirement in the interface language", () => {
    const i18n = createI18n("zh");
    const t: TFunction = i18n.t.bind(i18n);
    const lines = refusalLines(
      [
        {
          path: "/data/budget",
          code: "required",
          message: "is required",
          params: { stage: "won", field: "budget" },
        },
        {
          path: "/to",
          code: "guard_failed",
          message: "x",
          params: { stage: "won", message: l("金额须大于 0", "Amount must be positive") },
        },
        { path: "/to", code: "move_not_allowed", message: "x", params: { from: "new", to: "won" } },
      ],
      form,
      t,
      (text) => text?.zh ?? "",
    );
    expect(lines).toEqual(["填写「客户预算」", "金额须大于 0", "不能从「新建」直接移到「赢单」"]);
  });
});

/**
 * The board's drag and drop, kept behind this module so the library can be swapped cheaply
 * (@dnd-kit/core today): the board only sees BoardDnd, useBoardCard, useBoardColumn and moves.
 */
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import type { CSSProperties, HTMLAttributes, ReactNode } from "react";

/** Pixels a pointer must travel before a press becomes a drag (so a click still opens a card). */
export const ACTIVATION_DISTANCE = 5;

/** A card dropped on another column. */
export interface BoardMove {
  cardId: string;
  from: string;
  to: string;
}

interface CardData {
  column: string;
}

function columnOfCard(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null || !("column" in data)) return undefined;
  const { column } = data;
  return typeof column === "string" ? column : undefined;
}

/** The move a drag ended with, or null when it ended outside a column or where it started. */
export function moveOf(event: Pick<DragEndEvent, "active" | "over">): BoardMove | null {
  const from = columnOfCard(event.active.data.current);
  const to = event.over === null ? undefined : String(event.over.id);
  if (from === undefined || to === undefined || from === to) return null;
  return { cardId: String(event.active.id), from, to };
}

/** The drag-and-drop area of a board; `onMove` hears every card dropped on another column. */
export function BoardDnd({ onMove, children }: { onMove: (move: BoardMove) => void; children: ReactNode }) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: ACTIVATION_DISTANCE } }),
    useSensor(KeyboardSensor),
  );
  return (
    <DndContext
      sensors={sensors}
      onDragEnd={(event) => {
        const move = moveOf(event);
        if (move !== null) onMove(move);
      }}
    >
      {children}
    </DndContext>
  );
}

/** What a card element needs to be dragged. */
export interface BoardCardHandle {
  setRef: (element: HTMLElement | null) => void;
  handleProps: HTMLAttributes<HTMLElement>;
  style: CSSProperties;
  dragging: boolean;
}

/** Make a card draggable out of `column`. */
export function useBoardCard(cardId: string, column: string): BoardCardHandle {
  const data: CardData = { column };
  const { setNodeRef, attributes, listeners, transform, isDragging } = useDraggable({ id: cardId, data });
  return {
    setRef: setNodeRef,
    handleProps: { ...attributes, ...listeners },
    style: {
      transform:
        transform === null ? undefined : `translate3d(${String(transform.x)}px, ${String(transform.y)}px, 0)`,
      zIndex: isDragging ? 10 : undefined,
      opacity: isDragging ? 0.85 : 1,
      cursor: "grab",
      touchAction: "none",
    },
    dragging: isDragging,
  };
}

/** Make a column a drop target; `over` while a card hovers it. */
export function useBoardColumn(column: string): {
  setRef: (element: HTMLElement | null) => void;
  over: boolean;
} {
  const { setNodeRef, isOver } = useDroppable({ id: column });
  return { setRef: setNodeRef, over: isOver };
}

/**
 * The only module that knows the drag-and-drop library (@dnd-kit/core). Editors speak in
 * DragPayload/DropPayload; switching to dnd-kit's successor packages means rewriting this file.
 */
import {
  DndContext,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
} from "@dnd-kit/core";
import type { CSSProperties, ReactNode } from "react";
import { dragPayloadOf, dropPayloadOf, type DragPayload, type DropPayload } from "./drag-payload.js";

/** A finished drag: what was dragged and where it landed. */
export interface Drop {
  source: DragPayload;
  target: DropPayload;
}

/** The minimal shape of a drag-end event this adapter reads (the library's event satisfies it). */
export interface DragEndLike {
  active: { data: { current?: unknown } };
  over: { data: { current?: unknown } } | null;
}

/** Turn the library's drag-end event into a Drop, or undefined when it landed nowhere known. */
export function dropOf(event: DragEndLike): Drop | undefined {
  const source = dragPayloadOf(event.active.data.current);
  const target = event.over === null ? undefined : dropPayloadOf(event.over.data.current);
  return source !== undefined && target !== undefined ? { source, target } : undefined;
}

function areaOf(rect: { width: number; height: number } | undefined): number {
  return rect === undefined ? Number.POSITIVE_INFINITY : rect.width * rect.height;
}

// The smallest zone under the pointer wins, so a subform's row list beats the subform's own card.
const collision: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  if (within.length === 0) return rectIntersection(args);
  return [...within].sort(
    (a, b) => areaOf(args.droppableRects.get(a.id)) - areaOf(args.droppableRects.get(b.id)),
  );
};

/**
 * A drag-and-drop area: a 5 px pointer move starts a drag, so clicks still select. Keyboard users
 * get buttons instead (add, move up/down/left/right), so no keyboard sensor competes with Enter.
 */
export function DragArea(props: { onDrop: (drop: Drop) => void; children: ReactNode }) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const handleEnd = (event: DragEndEvent) => {
    const drop = dropOf(event);
    if (drop !== undefined) props.onDrop(drop);
  };
  return (
    <DndContext sensors={sensors} collisionDetection={collision} onDragEnd={handleEnd}>
      {props.children}
    </DndContext>
  );
}

/**
 * Pointer listeners to spread on a draggable element (no role or tab stop: the element inside
 * stays the one control a keyboard reaches), its live style, and whether it is being dragged.
 */
export function useDragSource(id: string, payload: DragPayload) {
  const { listeners, setNodeRef, transform, isDragging } = useDraggable({ id, data: payload });
  const style: CSSProperties = transform
    ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 10, position: "relative" }
    : {};
  return {
    ref: setNodeRef,
    handleProps: { ...listeners, "aria-roledescription": "draggable" },
    style,
    isDragging,
  };
}

/** A drop zone: its ref and whether a dragged item is over it. */
export function useDropTarget(id: string, payload: DropPayload) {
  const { setNodeRef, isOver } = useDroppable({ id, data: payload });
  return { ref: setNodeRef, isOver };
}

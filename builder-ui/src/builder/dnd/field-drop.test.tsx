// @vitest-environment happy-dom
import { validateDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { applyFieldDrop } from "../form/field-drop.js";
import { formOf } from "../store/definition-ops.js";
import { salesApp, must } from "../test-support.js";
import { dropOf, type DragEndLike } from "./dnd-adapter.js";

function event(active: unknown, over: unknown): DragEndLike {
  return { active: { data: { current: active } }, over: over === null ? null : { data: { current: over } } };
}

function ids(definition: ReturnType<typeof salesApp>, parentId?: string): string[] {
  const form = formOf(definition, "deal");
  if (parentId === undefined) return form?.fields.map((f) => f.id) ?? [];
  const parent = form?.fields.find((f) => f.id === parentId);
  return parent?.type === "subform" ? parent.fields.map((f) => f.id) : [];
}

describe("drag adapter drop handling", { timeout: 120_000 }, () => {
  it("reads the library's drag-end event into a typed drop, and ignores unknown payloads", () => {
    expect(dropOf(event({ kind: "palette", fieldType: "phone" }, { kind: "field-slot", index: 2 }))).toEqual({
      source: { kind: "palette", fieldType: "phone" },
      target: { kind: "field-slot", index: 2 },
    });
    expect(dropOf(event({ kind: "palette", fieldType: "phone" }, null))).toBeUndefined();
    expect(
      dropOf(event({ kind: "palette", fieldType: "no_such_type" }, { kind: "field-slot", index: 0 })),
    ).toBeUndefined();
    expect(
      dropOf(event({ kind: "field", fieldId: "amount" }, { kind: "field-slot", index: "1" })),
    ).toBeUndefined();
  });

  it("inserts a palette field at the slot it is dropped on, selecting it", () => {
    const drop = dropOf(
      event({ kind: "palette", fieldType: "phone" }, { kind: "field-slot", index: 1, onCard: true }),
    );
    const result = applyFieldDrop(salesApp(), "deal", must(drop));
    expect(ids(result.definition).slice(0, 3)).toEqual(["title", "phone_1", "amount"]);
    expect(result.selected).toEqual({ fieldId: "phone_1" });
    expect(validateDefinition(result.definition).valid).toBe(true);
  });

  it("moves a field down onto another card (it takes that place) and up to a slot", () => {
    const down = applyFieldDrop(
      salesApp(),
      "deal",
      must(
        dropOf(event({ kind: "field", fieldId: "title" }, { kind: "field-slot", index: 2, onCard: true })),
      ),
    );
    expect(ids(down.definition).slice(0, 3)).toEqual(["amount", "level", "title"]);
    const up = applyFieldDrop(
      salesApp(),
      "deal",
      must(dropOf(event({ kind: "field", fieldId: "level" }, { kind: "field-slot", index: 0 }))),
    );
    expect(ids(up.definition).slice(0, 3)).toEqual(["level", "title", "amount"]);
  });

  it("drops a field into a subform and into a section, and refuses a section inside a subform", () => {
    const into = applyFieldDrop(
      salesApp(),
      "deal",
      must(
        dropOf(
          event({ kind: "field", fieldId: "amount" }, { kind: "field-slot", index: 1, parentId: "items" }),
        ),
      ),
    );
    expect(ids(into.definition, "items")).toEqual(["qty", "amount", "price"]);
    expect(ids(into.definition)).not.toContain("amount");
    expect(into.selected).toEqual({ fieldId: "amount", parentId: "items" });
    expect(validateDefinition(into.definition).valid).toBe(true);

    // The section "details" is at index 6: its card's slot is index 7, right under its heading.
    const section = applyFieldDrop(
      salesApp(),
      "deal",
      must(dropOf(event({ kind: "palette", fieldType: "rating" }, { kind: "field-slot", index: 7 }))),
    );
    expect(ids(section.definition).slice(6, 8)).toEqual(["details", "rating_1"]);

    const refused = applyFieldDrop(
      salesApp(),
      "deal",
      must(
        dropOf(
          event(
            { kind: "palette", fieldType: "section" },
            { kind: "field-slot", index: 0, parentId: "items" },
          ),
        ),
      ),
    );
    expect(refused.definition).toEqual(salesApp());
    expect(refused.selected).toBeUndefined();
  });

  it("moves a row field out of its subform to the top level", () => {
    const out = applyFieldDrop(
      salesApp(),
      "deal",
      must(
        dropOf(event({ kind: "field", fieldId: "qty", parentId: "items" }, { kind: "field-slot", index: 0 })),
      ),
    );
    expect(ids(out.definition)[0]).toBe("qty");
    expect(ids(out.definition, "items")).toEqual(["price"]);
  });
});

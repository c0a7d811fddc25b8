import { Card, Row } from "antd";
import type { Field } from "@stagecraft/schemas";
import { useEffect, useMemo, useState } from "react";
import { useStore } from "zustand";
import { useLocalized } from "../i18n/localized.js";
import { FieldRow } from "./field-row.js";
import type { FormStore } from "./form-store.js";

interface Group {
  section: Extract<Field, { type: "section" }> | null;
  fields: Field[];
}

/** Split a form's fields into the groups its sections head. */
export function groupBySection(fields: readonly Field[]): Group[] {
  const groups: Group[] = [{ section: null, fields: [] }];
  for (const field of fields) {
    if (field.type === "section") groups.push({ section: field, fields: [] });
    else groups[groups.length - 1]?.fields.push(field);
  }
  return groups.filter((group) => group.section !== null || group.fields.length > 0);
}

/** Fields mounted per frame: a long form paints its top at once and the rest in the next frames. */
export const FIELDS_PER_FRAME = 60;

/** How many fields to mount: grows by FIELDS_PER_FRAME each animation frame up to `total`. */
function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(Math.min(total, FIELDS_PER_FRAME));
  useEffect(() => {
    if (count >= total) return;
    const frame = requestAnimationFrame(() => {
      setCount((current) => Math.min(total, current + FIELDS_PER_FRAME));
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [count, total]);
  return count;
}

function SectionGroup({ group, store }: { group: Group; store: FormStore }) {
  const localized = useLocalized();
  const sectionId = group.section?.id;
  const visible = useStore(store, (s) => sectionId === undefined || s.visible.has(sectionId));
  if (!visible) return null;
  const body = (
    <Row gutter={16}>
      {group.fields.map((field) => (
        <FieldRow key={field.id} field={field} store={store} />
      ))}
    </Row>
  );
  if (group.section === null) return body;
  return (
    <Card size="small" title={localized(group.section.label)} style={{ marginBottom: 16 }}>
      {group.section.help !== undefined && (
        <p style={{ color: "#8c8c8c" }}>{localized(group.section.help)}</p>
      )}
      {body}
    </Card>
  );
}

/** The fields of a form, grouped by section, on a 24-column grid that stacks on phones. */
export function FormView({ fields, store }: { fields: readonly Field[]; store: FormStore }) {
  const count = useProgressiveCount(fields.length);
  const groups = useMemo(() => groupBySection(fields.slice(0, count)), [fields, count]);
  return (
    <div className="generated-form" aria-busy={count < fields.length}>
      {groups.map((group, i) => (
        <SectionGroup key={group.section?.id ?? `top-${String(i)}`} group={group} store={store} />
      ))}
    </div>
  );
}

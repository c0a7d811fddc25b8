// Synthetic but realistic definitions for the engine benchmarks.

const t = (zh, en) => ({ zh, en });
const options = (n) =>
  Array.from({ length: n }, (_, i) => ({ value: `o${i}`, label: t(`选项${i}`, `Option ${i}`) }));

/** A form of 200 fields: 180 inputs of every common type and 20 formulas, some chained. */
export function wideForm() {
  const fields = [];
  const input = {};
  const kinds = [
    ["number", 40, (i) => i * 3 + 1],
    ["money", 30, (i) => 1000 + i * 17.25],
    ["percent", 10, (i) => (i % 10) / 10],
    ["text", 35, (i) => `value ${i}`],
    ["select", 20, (i) => `o${i % 8}`],
    ["date", 15, (i) => `2026-${String((i % 12) + 1).padStart(2, "0")}-15`],
    ["boolean", 10, (i) => i % 2 === 0],
    ["email", 10, (i) => `rep${i}@example.com`],
    ["phone", 10, (i) => `+86 138 0000 ${String(1000 + i)}`],
  ];
  for (const [type, count, value] of kinds) {
    for (let i = 0; i < count; i++) {
      const id = `${type}_${i}`;
      const field = { id, type, label: t(`字段 ${id}`, `Field ${id}`), required: i % 3 === 0 };
      if (type === "select") field.options = options(8);
      if (type === "text") field.maxLength = 200;
      if (type === "number" || type === "money") field.min = 0;
      fields.push(field);
      input[id] = value(i);
    }
  }
  const formulas = [];
  for (let i = 0; i < 20; i++) {
    let expression;
    if (i % 4 === 0) expression = { "+": [{ var: `number_${i}` }, { "*": [{ var: `money_${i}` }, 1.13] }] };
    else if (i % 4 === 1) expression = { if: [{ var: `boolean_${i % 10}` }, { var: `money_${i}` }, 0] };
    else if (i % 4 === 2)
      expression = { "*": [{ var: `f_${i - 1}` }, { "-": [1, { var: `percent_${i % 10}` }] }] };
    else expression = { days_between: [{ var: `date_${i % 15}` }, "2026-12-31"] };
    formulas.push({
      id: `f_${i}`,
      type: "formula",
      label: t(`公式 ${i}`, `Formula ${i}`),
      resultType: "number",
      precision: 2,
      expression,
    });
  }
  // Formulas first so their order in the form differs from their dependency order.
  return {
    form: { id: "wide", name: t("宽表单", "Wide form"), fields: [...formulas.reverse(), ...fields] },
    input,
  };
}

/** An app with one form of 200 fields. */
export function wideApp() {
  const { form, input } = wideForm();
  return { definition: { id: "bench-wide", name: t("基准", "Benchmark"), forms: [form] }, input };
}

/** An app of 20 forms and 1,000 rules spread over record, field and stage triggers. */
export function ruleHeavyApp() {
  const forms = [];
  for (let f = 0; f < 20; f++) {
    forms.push({
      id: `form_${f}`,
      name: t(`表单 ${f}`, `Form ${f}`),
      fields: [
        { id: "amount", type: "money", label: t("金额", "Amount") },
        { id: "region", type: "select", label: t("区域", "Region"), options: options(4) },
        { id: "status", type: "text", label: t("状态", "Status") },
      ],
      pipeline: {
        initial: "s0",
        stages: [0, 1, 2, 3].map((s) => ({ id: `s${s}`, name: t(`阶段 ${s}`, `Stage ${s}`) })),
      },
    });
  }
  const triggers = [
    (f) => ({ type: "record.created", form: `form_${f}` }),
    (f) => ({ type: "record.updated", form: `form_${f}` }),
    (f, i) => ({ type: "field.changed", form: `form_${f}`, fields: [i % 2 ? "amount" : "region"] }),
    (f, i) => ({ type: "stage.entered", form: `form_${f}`, stage: `s${i % 4}` }),
  ];
  const rules = [];
  for (let i = 0; i < 1000; i++) {
    const f = Math.floor(i / 50);
    rules.push({
      id: `rule_${i}`,
      trigger: triggers[i % triggers.length](f, i),
      when: { ">": [{ var: "amount" }, i * 10] },
      actions: [{ type: "set_field", field: "status", value: { cat: ["rule ", i] } }],
    });
  }
  return { id: "bench-rules", name: t("规则基准", "Rule benchmark"), forms, rules };
}

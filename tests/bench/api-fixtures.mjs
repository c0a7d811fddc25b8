// The app the API benchmark submits to: one realistic deal form of 30 fields (27 inputs of the
// common types, 3 formulas), a pipeline, and rules of which exactly 2 match each submission.

const t = (zh, en) => ({ zh, en });
const options = (values) => values.map((value) => ({ value, label: t(value, value) }));

/** The benchmark app's definition. */
export function apiBenchDefinition() {
  const fields = [
    { id: "deal_name", type: "text", label: t("商机名称", "Deal name"), required: true, maxLength: 100 },
    { id: "customer", type: "text", label: t("客户", "Customer"), required: true, maxLength: 100 },
    { id: "contact", type: "text", label: t("联系人", "Contact"), maxLength: 60 },
    { id: "email", type: "email", label: t("邮箱", "Email") },
    { id: "phone", type: "phone", label: t("电话", "Phone") },
    {
      id: "region",
      type: "select",
      label: t("区域", "Region"),
      required: true,
      options: options(["east", "north", "south", "west"]),
    },
    {
      id: "industry",
      type: "select",
      label: t("行业", "Industry"),
      options: options(["retail", "finance", "manufacturing", "other"]),
    },
    {
      id: "source",
      type: "select",
      label: t("来源", "Source"),
      options: options(["web", "referral", "event", "call"]),
    },
    {
      id: "product",
      type: "select",
      label: t("产品", "Product"),
      options: options(["basic", "pro", "enterprise"]),
    },
    { id: "quantity", type: "number", label: t("数量", "Quantity"), min: 1, required: true },
    { id: "unit_price", type: "money", label: t("单价", "Unit price"), min: 0, required: true },
    { id: "discount", type: "percent", label: t("折扣", "Discount") },
    { id: "tax_rate", type: "percent", label: t("税率", "Tax rate") },
    { id: "cost", type: "money", label: t("成本", "Cost"), min: 0 },
    { id: "probability", type: "number", label: t("赢率", "Probability"), min: 0, max: 100 },
    { id: "expected_close", type: "date", label: t("预计成交", "Expected close") },
    { id: "first_contact", type: "date", label: t("首次接触", "First contact") },
    { id: "contract_start", type: "date", label: t("合同开始", "Contract start") },
    { id: "is_renewal", type: "boolean", label: t("续约", "Renewal") },
    { id: "needs_approval", type: "boolean", label: t("需审批", "Needs approval") },
    { id: "competitor", type: "text", label: t("竞争对手", "Competitor"), maxLength: 100 },
    { id: "notes", type: "textarea", label: t("备注", "Notes"), maxLength: 2000 },
    { id: "budget", type: "money", label: t("预算", "Budget"), min: 0 },
    { id: "seats", type: "number", label: t("席位", "Seats"), min: 0 },
    { id: "website", type: "text", label: t("网站", "Website"), maxLength: 200 },
    { id: "triage", type: "text", label: t("分诊", "Triage"), maxLength: 100 },
    { id: "priority", type: "select", label: t("优先级", "Priority"), options: options(["high", "normal"]) },
    {
      id: "subtotal",
      type: "formula",
      label: t("小计", "Subtotal"),
      resultType: "number",
      precision: 2,
      expression: {
        "*": [
          { var: "quantity" },
          { var: "unit_price" },
          { "-": [1, { coalesce: [{ var: "discount" }, 0] }] },
        ],
      },
    },
    {
      id: "total",
      type: "formula",
      label: t("含税合计", "Total with tax"),
      resultType: "number",
      precision: 2,
      expression: { "*": [{ var: "subtotal" }, { "+": [1, { coalesce: [{ var: "tax_rate" }, 0] }] }] },
    },
    {
      id: "days_to_close",
      type: "formula",
      label: t("距成交天数", "Days to close"),
      resultType: "number",
      expression: { days_between: [{ var: "first_contact" }, { var: "expected_close" }] },
    },
  ];
  const stages = ["lead", "qualified", "proposal", "won", "lost"];
  return {
    id: "api-bench",
    name: t("接口基准", "API benchmark"),
    forms: [
      {
        id: "deal",
        name: t("商机", "Deal"),
        titleField: "deal_name",
        fields,
        pipeline: {
          initial: "lead",
          stages: stages.map((id, i) => ({
            id,
            name: t(id, id),
            moves: stages.slice(i + 1),
          })),
        },
      },
    ],
    rules: [
      {
        id: "triage_new_deal",
        name: t("新商机分诊", "Triage a new deal"),
        trigger: { type: "record.created", form: "deal" },
        when: { ">": [{ var: "quantity" }, 0] },
        actions: [
          { type: "set_field", field: "triage", value: { cat: ["new deal in ", { var: "region" }] } },
        ],
      },
      {
        id: "prioritise_big_deal",
        name: t("大单优先", "Prioritise a big deal"),
        trigger: { type: "record.created", form: "deal" },
        when: { ">=": [{ var: "total" }, 1000] },
        actions: [{ type: "set_field", field: "priority", value: "high" }],
      },
      {
        // Never matches the benchmark's submissions: evaluated, not enqueued.
        id: "flag_renewal",
        name: t("续约标记", "Flag a renewal"),
        trigger: { type: "record.created", form: "deal" },
        when: { "===": [{ var: "is_renewal" }, true] },
        actions: [{ type: "set_field", field: "priority", value: "normal" }],
      },
    ],
  };
}

/** A valid submission of the benchmark form (every input filled; both counted rules match it). */
export function apiBenchSubmission(i = 1) {
  return {
    deal_name: `Deal ${i}`,
    customer: "Shanghai Trading Co.",
    contact: "Li Wei",
    email: "li.wei@example.com",
    phone: "+86 138 0000 1234",
    region: "east",
    industry: "retail",
    source: "web",
    product: "pro",
    quantity: 12,
    unit_price: 980.5,
    discount: 0.1,
    tax_rate: 0.13,
    cost: 6200,
    probability: 40,
    expected_close: "2026-12-20",
    first_contact: "2026-10-02",
    contract_start: "2027-01-01",
    is_renewal: false,
    needs_approval: true,
    competitor: "Acme",
    notes: "Met at the Shanghai retail fair; wants a pilot for two stores before the new year.",
    budget: 15000,
    seats: 40,
    website: "https://shanghai-trading.example.com",
  };
}

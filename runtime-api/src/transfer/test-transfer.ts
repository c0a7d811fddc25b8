// Test helpers of the import/export suites: an app with importable fields, multipart bodies, job polling.
import type { AppDefinition } from "@stagecraft/schemas";
import type { TestRuntime } from "../test-runtime.js";

/** A lead form with one field of each importable kind, and an order form with a subform. */
export function transferDefinition(): AppDefinition {
  return {
    id: "leads",
    name: { zh: "线索", en: "Leads" },
    forms: [
      {
        id: "lead",
        name: { zh: "线索", en: "Lead" },
        fields: [
          { id: "name", type: "text", label: { zh: "名称", en: "Name" }, required: true },
          { id: "code", type: "serial", label: { zh: "编号", en: "Code" }, prefix: "L-", digits: 3 },
          { id: "amount", type: "money", label: { zh: "金额", en: "Amount" }, min: 0 },
          { id: "rate", type: "percent", label: { zh: "比率", en: "Rate" }, min: 0, max: 1 },
          { id: "vip", type: "boolean", label: { zh: "贵宾", en: "VIP" } },
          { id: "due", type: "date", label: { zh: "截止日期", en: "Due date" } },
          {
            id: "region",
            type: "select",
            label: { zh: "地区", en: "Region" },
            options: [
              { value: "north", label: { zh: "北方", en: "North" } },
              { value: "south", label: { zh: "南方", en: "South" } },
            ],
          },
          {
            id: "tags",
            type: "multiselect",
            label: { zh: "标签", en: "Tags" },
            options: [
              { value: "a", label: { zh: "甲", en: "Alpha" } },
              { value: "b", label: { zh: "乙", en: "Beta" } },
              { value: "c", label: { zh: "丙", en: "Gamma" } },
            ],
          },
          {
            id: "net",
            type: "formula",
            label: { zh: "净额", en: "Net" },
            resultType: "money",
            expression: { "*": [{ coalesce: [{ var: "amount" }, 0] }, 2] },
          },
        ],
      },
      {
        id: "order",
        name: { zh: "订单", en: "Order" },
        fields: [
          { id: "title", type: "text", label: { zh: "标题", en: "Title" }, required: true },
          {
            id: "lines",
            type: "subform",
            label: { zh: "明细", en: "Lines" },
            fields: [{ id: "product", type: "text", label: { zh: "产品", en: "Product" } }],
          },
          { id: "ship_to", type: "address", label: { zh: "地址", en: "Ship to" } },
        ],
      },
    ],
    rules: [],
  };
}

/** A multipart/form-data body with one file field, and its content-type header. */
export function multipartFile(
  filename: string,
  content: Buffer | string,
  mimetype = "application/octet-stream",
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----stagecraft${Math.random().toString(16).slice(2)}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
    `Content-Type: ${mimetype}\r\n\r\n`;
  const body = Buffer.concat([
    Buffer.from(head),
    typeof content === "string" ? Buffer.from(content, "utf8") : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** An import job as the progress endpoint answers it. */
export interface JobBody {
  id: string;
  status: "running" | "succeeded" | "failed";
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  results: { row: number; ok: boolean; id?: string; errors?: { path: string; code: string }[] }[];
}

/** Poll a job until it is no longer running (bounded: fails the test after ~10 s). */
export async function awaitJob(
  rt: TestRuntime,
  token: string,
  appId: string,
  jobId: string,
): Promise<JobBody> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const res = await rt.call("GET", `/api/apps/${appId}/imports/${jobId}`, token);
    if (res.statusCode !== 200) throw new Error(`job poll: ${res.statusCode} ${res.body}`);
    const job = res.json<JobBody>();
    if (job.status !== "running") return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${jobId} still running`);
}

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDefinition } from "@stagecraft/schemas";
import { whoIs, installApp } from "../records/test-records.js";
import type { RecordBody } from "../records/test-record-routes.js";
import { awaitJob, multipartFile, type JobBody } from "../transfer/test-transfer.js";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";

const t = (en: string) => ({ zh: en, en });

/** An order with line rows (a formula in each row), an address, and a receipt upload. */
function orderDefinition(): AppDefinition {
  return {
    id: "orders",
    name: t("Orders"),
    forms: [
      {
        id: "order",
        name: t("Order"),
        fields: [
          { id: "title", type: "text", label: t("Title"), required: true },
          {
            id: "lines",
            type: "subform",
            label: { zh: "明细", en: "Lines" },
            maxRows: 5,
            fields: [
              { id: "product", type: "text", label: t("Product"), required: true },
              { id: "qty", type: "number", label: t("Quantity"), min: 1 },
              { id: "price", type: "money", label: t("Price"), min: 0 },
              {
                id: "line_total",
                type: "formula",
                label: t("Line total"),
                resultType: "money",
                expression: { "*": [{ coalesce: [{ var: "qty" }, 0] }, { coalesce: [{ var: "price" }, 0] }] },
              },
            ],
          },
          { id: "ship_to", type: "address", label: t("Ship to") },
        ],
      },
      {
        id: "claim",
        name: t("Claim"),
        fields: [
          { id: "title", type: "text", label: t("Title"), required: true },
          { id: "receipt", type: "file", label: t("Receipt") },
        ],
      },
    ],
    rules: [],
  };
}

describe("import of subform and address columns (JSON in the cell)", () => {
  let rt: TestRuntime;
  let appId: string;

  const records = (form = "order") => `/api/apps/${appId}/forms/${form}/records`;
  const upload = (filename: string, content: Buffer | string, form = "order") => {
    const { body, headers } = multipartFile(filename, content);
    return rt.call("POST", `/api/apps/${appId}/forms/${form}/import`, rt.ownerToken, body, headers);
  };
  const importOk = async (filename: string, content: Buffer | string): Promise<JobBody> => {
    const res = await upload(filename, content);
    expect(res.statusCode, res.body).toBe(202);
    return awaitJob(rt, rt.ownerToken, appId, res.json<{ jobId: string }>().jobId);
  };
  const byTitle = async (title: string): Promise<RecordBody[]> => {
    const res = await rt.call(
      "GET",
      `${records()}?q=${encodeURIComponent(title)}&sort=createdAt`,
      rt.ownerToken,
    );
    return res.json<{ items: RecordBody[] }>().items;
  };

  beforeAll(async () => {
    rt = await startTestRuntime();
    const { workspaceId } = await whoIs(rt, rt.ownerToken);
    appId = await installApp(rt.database.db, workspaceId, orderDefinition());
  });
  afterAll(async () => {
    await rt.close();
  });

  it("round-trips an export with subform rows and an address, as CSV and as XLSX", async () => {
    const data = {
      title: "Round trip 订单",
      lines: [
        { product: "Widget, large", qty: 2, price: 10.5 },
        { product: '引号 "quoted"', qty: 1 },
      ],
      ship_to: { province: "浙江省", city: "杭州市", detail: "文三路 1 号" },
    };
    const created = await rt.call("POST", records(), rt.ownerToken, { data });
    expect(created.statusCode, created.body).toBe(201);
    const original = created.json<RecordBody>();
    expect(original.data["lines"]).toEqual([
      { product: "Widget, large", qty: 2, price: 10.5, line_total: 21 },
      { product: '引号 "quoted"', qty: 1, line_total: 0 },
    ]);

    for (const format of ["csv", "xlsx"]) {
      const exported = await rt.call(
        "GET",
        `/api/apps/${appId}/forms/order/export?format=${format}`,
        rt.ownerToken,
      );
      expect(exported.statusCode).toBe(200);
      const job = await importOk(`orders.${format}`, exported.rawPayload);
      expect(job, JSON.stringify(job.results)).toMatchObject({ status: "succeeded", failed: 0 });
    }
    const copies = await byTitle("Round trip");
    expect(copies).toHaveLength(4); // the original, its CSV copy, then copies of both from the XLSX
    for (const copy of copies) expect(copy.data).toEqual(original.data);
  });

  it("takes hand-written JSON rows, recomputes row formulas, and reads plain text as the street", async () => {
    const csv =
      "Title,Lines,Ship to\n" +
      '"Hand made","[{""product"":""A"",""qty"":3,""price"":2,""line_total"":999}]",Main street 5\n';
    const job = await importOk("hand.csv", csv);
    expect(job).toMatchObject({ succeeded: 1, failed: 0 });
    const [made] = await byTitle("Hand made");
    expect(made?.data).toEqual({
      title: "Hand made",
      lines: [{ product: "A", qty: 3, price: 2, line_total: 6 }],
      ship_to: { detail: "Main street 5" },
    });
  });

  it("reports bad subform cells as field errors of their row, naming the row field", async () => {
    const csv =
      "Title,Lines\n" +
      "Not JSON,[{oops\n" +
      'Not rows,"{""product"":""A""}"\n' +
      'Bad row,"[{""qty"":0,""colour"":""red""}]"\n' +
      'Too many,"[{""product"":""1""},{""product"":""2""},{""product"":""3""},{""product"":""4""},{""product"":""5""},{""product"":""6""}]"\n' +
      'Good,"[{""product"":""Fine""}]"\n';
    const job = await importOk("bad.csv", csv);
    expect(job).toMatchObject({ total: 5, succeeded: 1, failed: 4 });
    const errors = job.results.map((r) => (r.errors ?? []).map((e) => `${e.path} ${e.code}`).sort());
    expect(errors[0]).toEqual(["/data/lines type"]);
    expect(errors[1]).toEqual(["/data/lines type"]);
    expect(errors[2]).toEqual([
      "/data/lines/0/colour unknown_field",
      "/data/lines/0/product required",
      "/data/lines/0/qty minimum",
    ]);
    expect(errors[3]).toHaveLength(1);
    expect(errors[3]![0]).toMatch(/^\/data\/lines /);
    expect(job.results.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(job.results[4]).toMatchObject({ ok: true });
  });

  it("refuses file columns, which a sheet cannot carry", async () => {
    const res = await upload("claim.csv", "Title,Receipt\nA,x\n", "claim");
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { path: string; code: string; message: string }[] }>().errors).toEqual([
      {
        path: "/file/header/2",
        code: "not_importable",
        message: 'column "Receipt" is a file field, which cannot be imported from a sheet',
      },
    ]);
  });

  it("reads JSON rows from an XLSX cell written by hand", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Orders");
    sheet.addRow(["Title", "明细"]);
    sheet.addRow(["From Excel", JSON.stringify([{ product: "B", qty: 2, price: 1.25 }])]);
    const job = await importOk("excel.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(job).toMatchObject({ succeeded: 1, failed: 0 });
    const [made] = await byTitle("From Excel");
    expect(made?.data["lines"]).toEqual([{ product: "B", qty: 2, price: 1.25, line_total: 2.5 }]);
  });
});

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, installApp, shareApp, whoIs } from "../records/test-records.js";
import type { RecordBody, TestUser } from "../records/test-record-routes.js";
import { awaitJob, multipartFile, transferDefinition } from "../transfer/test-transfer.js";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";

interface Problem {
  status: number;
  detail: string;
  errors: { path: string; code: string; message: string }[];
}

describe("import and export routes", () => {
  let rt: TestRuntime;
  let appId: string;
  let member: TestUser;
  let viewer: TestUser;
  let boss: string;

  const importUrl = (form = "lead", app = appId) => `/api/apps/${app}/forms/${form}/import`;
  const exportUrl = (format: string, form = "lead", app = appId) =>
    `/api/apps/${app}/forms/${form}/export?format=${format}`;
  const upload = (
    filename: string,
    content: Buffer | string,
    token = member.token,
    form = "lead",
    mime?: string,
  ) => {
    const { body, headers } = multipartFile(filename, content, mime);
    return rt.call("POST", importUrl(form), token, body, headers);
  };
  const importOk = async (filename: string, content: Buffer | string, form = "lead") => {
    const res = await upload(filename, content, member.token, form);
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json<{ jobId: string; status: string; total: number }>();
    expect(started.status).toBe("running");
    return { started, job: await awaitJob(rt, member.token, appId, started.jobId) };
  };
  const record = async (id: string, form = "lead") => {
    const res = await rt.call("GET", `/api/apps/${appId}/forms/${form}/records/${id}`, member.token);
    expect(res.statusCode).toBe(200);
    return res.json<RecordBody>();
  };
  const list = async (q: string) => {
    const res = await rt.call(
      "GET",
      `/api/apps/${appId}/forms/lead/records?q=${encodeURIComponent(q)}`,
      member.token,
    );
    return res.json<{ items: RecordBody[] }>().items;
  };

  beforeAll(async () => {
    rt = await startTestRuntime();
    const { workspaceId } = await whoIs(rt, rt.ownerToken);
    appId = await installApp(rt.database.db, workspaceId, transferDefinition());
    member = await addUser(rt, "member", "mia");
    viewer = await addUser(rt, "viewer", "vic");
    await shareApp(rt, appId, [member.id, viewer.id]);
    const created = await rt.call("POST", "/api/workspaces", rt.ownerToken, {
      name: "Acme",
      adminEmail: "boss@acme.example",
      adminPassword: "acme-password",
    });
    expect(created.statusCode).toBe(201);
    boss = await rt.login("boss@acme.example", "acme-password");
  });
  afterAll(async () => {
    await rt.close();
  });

  describe("import", () => {
    it("imports the good rows and reports the bad ones with their row numbers and field errors", async () => {
      const csv = [
        "name,amount,rate,region",
        "Good one,100,0.1,north",
        ",-5,2,west",
        "",
        "Good two,200,,South",
      ].join("\n");
      const { started, job } = await importOk("leads.csv", csv);
      expect(started.total).toBe(3);
      expect(job).toMatchObject({ status: "succeeded", total: 3, processed: 3, succeeded: 2, failed: 1 });
      expect(job.results.map((r) => [r.row, r.ok])).toEqual([
        [2, true],
        [3, false],
        [5, true],
      ]);
      const bad = job.results[1]!;
      expect(bad.id).toBeUndefined();
      expect(bad.errors!.map((e) => e.path).sort()).toEqual([
        "/data/amount",
        "/data/name",
        "/data/rate",
        "/data/region",
      ]);
      const first = await record(job.results[0]!.id!);
      expect(first.data).toMatchObject({
        name: "Good one",
        amount: 100,
        rate: 0.1,
        region: "north",
        net: 200,
      });
      expect(first.ownerId).toBe(member.id);
      expect(first.data["code"]).toMatch(/^L-\d{3}$/);
      expect((await record(job.results[2]!.id!)).data).toMatchObject({
        name: "Good two",
        amount: 200,
        region: "south",
      });
      expect(await list("Good")).toHaveLength(2);
    });

    it("maps Chinese and English labels (any case) and converts percent, money, booleans, dates and multiselects", async () => {
      const csv =
        "\uFEFF名称, AMOUNT ,比率,贵宾,截止日期,地区,标签\n" +
        '华东客户,"1,200.50",15%,是,2026-03-05,南方,"甲; Beta"\n' +
        'West,3,0.5,no,2026/3/7,north,"c,a"\n' +
        "Yes one,,,yes,,,\n" +
        "Falsy,,,0,,,\n";
      const { job } = await importOk("中文.csv", csv);
      expect(job).toMatchObject({ status: "succeeded", succeeded: 4, failed: 0 });
      const [a, b, c, d] = await Promise.all(job.results.map((r) => record(r.id!)));
      expect(a!.data).toMatchObject({
        name: "华东客户",
        amount: 1200.5,
        rate: 0.15,
        vip: true,
        due: "2026-03-05",
        region: "south",
        tags: ["a", "b"],
      });
      expect(b!.data).toMatchObject({
        rate: 0.5,
        vip: false,
        due: "2026-03-07",
        region: "north",
        tags: ["c", "a"],
      });
      expect(c!.data["vip"]).toBe(true);
      expect(c!.data).not.toHaveProperty("amount");
      expect(d!.data["vip"]).toBe(false);
    });

    it("reports unconvertible cells as field errors of their row", async () => {
      const { job } = await importOk("bad.csv", "name,amount,vip,due,tags\nX,lots,maybe,next week,Omega\n");
      expect(job).toMatchObject({ status: "succeeded", succeeded: 0, failed: 1 });
      expect(job.results[0]!.errors!.map((e) => e.path).sort()).toEqual([
        "/data/amount",
        "/data/due",
        "/data/tags/0",
        "/data/vip",
      ]);
    });

    it("answers 422 naming every unknown header, and starts no job", async () => {
      const before = await rt.database.db.selectFrom("import_jobs").select("id").execute();
      const res = await upload("x.csv", "name,Colour,amount, Size \nA,red,1,L\n");
      expect(res.statusCode).toBe(422);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const problem = res.json<Problem>();
      expect(problem.detail).toContain('"Colour"');
      expect(problem.detail).toContain('"Size"');
      expect(problem.errors.map((e) => [e.path, e.code])).toEqual([
        ["/file/header/2", "unknown_column"],
        ["/file/header/4", "unknown_column"],
      ]);
      expect(await rt.database.db.selectFrom("import_jobs").select("id").execute()).toHaveLength(
        before.length,
      );
    });

    // Subform and address columns import as JSON, file columns are refused: transfer-subforms.routes.test.ts.
    it("rejects repeated columns with a clear message", async () => {
      const twice = await upload("t.csv", "name,名称\nA,B\n");
      expect(twice.statusCode).toBe(422);
      expect(twice.json<Problem>().errors[0]!.code).toBe("duplicate_column");
    });

    it("ignores system, formula and serial columns", async () => {
      const { job } = await importOk(
        "s.csv",
        "id,stage,owner,createdAt,updatedAt,Name,Code,Net\nx,y,z,a,b,Sys,L-999,5\n",
      );
      expect(job).toMatchObject({ succeeded: 1, failed: 0 });
      const created = await record(job.results[0]!.id!);
      expect(created.id).not.toBe("x");
      expect(created.data["code"]).not.toBe("L-999");
      expect(created.data["net"]).toBe(0);
    });

    it("imports the first sheet of an XLSX file: dates, numbers, booleans and rich text", async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("Leads");
      workbook.addWorksheet("Ignored").addRow(["nothing"]);
      sheet.addRow(["Name", "金额", "Rate", "VIP", "Due date", "Tags"]);
      sheet.addRow(["Sheet lead", 42.5, 0.25, true, new Date(Date.UTC(2026, 0, 31)), "Alpha;Gamma"]);
      sheet.addRow([
        { richText: [{ text: "Rich " }, { text: "text" }] },
        "1,000",
        "20%",
        "否",
        "2026-02-01",
        null,
      ]);
      sheet.addRow(["Bad", -1, null, null, null, null]);
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      const { job } = await importOk("leads.xlsx", buffer);
      expect(job).toMatchObject({ status: "succeeded", total: 3, succeeded: 2, failed: 1 });
      expect(job.results[2]).toMatchObject({ row: 4, ok: false });
      const a = await record(job.results[0]!.id!);
      expect(a.data).toMatchObject({
        name: "Sheet lead",
        amount: 42.5,
        rate: 0.25,
        vip: true,
        due: "2026-01-31",
        tags: ["a", "c"],
      });
      const b = await record(job.results[1]!.id!);
      expect(b.data).toMatchObject({
        name: "Rich text",
        amount: 1000,
        rate: 0.2,
        vip: false,
        due: "2026-02-01",
      });
    });

    it("recognises an XLSX upload by its mime type", async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet("S").addRow(["name"]);
      workbook.getWorksheet("S")!.addRow(["By mime"]);
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      const res = await upload(
        "upload",
        buffer,
        member.token,
        "lead",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      expect(res.statusCode, res.body).toBe(202);
      const job = await awaitJob(rt, member.token, appId, res.json<{ jobId: string }>().jobId);
      expect(job.succeeded).toBe(1);
    });

    it("answers 403 to a viewer, 404 for another workspace, 415/400 for bad uploads, 413 past 10 MB", async () => {
      expect((await upload("a.csv", "name\nA\n", viewer.token)).statusCode).toBe(403);
      expect((await upload("a.csv", "name\nA\n", boss)).statusCode).toBe(404);
      expect((await upload("a.csv", "name\nA\n", member.token, "nope")).statusCode).toBe(404);
      expect((await upload("a.txt", "name\nA\n")).statusCode).toBe(415);
      const json = await rt.call("POST", importUrl(), member.token, { name: "A" });
      expect(json.statusCode).toBe(415);
      const big = await upload("big.csv", `name\n${"x".repeat(10 * 1024 * 1024 + 10)}\n`);
      expect(big.statusCode).toBe(413);
      expect(big.headers["content-type"]).toContain("application/problem+json");
      const broken = await upload("broken.xlsx", "not a zip");
      expect(broken.statusCode).toBe(422);
    });

    it("answers 422 past 50,000 rows", async () => {
      const res = await upload("many.csv", `name\n${"A\n".repeat(50_001)}`);
      expect(res.statusCode).toBe(422);
      expect(res.json<Problem>().errors[0]!.code).toBe("too_many_rows");
    });

    it("answers 404 for an unknown job and for a job seen from another workspace or app", async () => {
      const { started } = await importOk("one.csv", "name\nOne\n");
      const url = `/api/apps/${appId}/imports/${started.jobId}`;
      expect((await rt.call("GET", url, viewer.token)).statusCode).toBe(200);
      expect((await rt.call("GET", url, boss)).statusCode).toBe(404);
      expect((await rt.call("GET", `/api/apps/${appId}/imports/nope`, member.token)).statusCode).toBe(404);
      expect(
        (await rt.call("GET", `/api/apps/other/imports/${started.jobId}`, member.token)).statusCode,
      ).toBe(404);
    });
  });

  describe("export", () => {
    it("exports CSV with a BOM, system columns, English labels and text values", async () => {
      await importOk(
        "e.csv",
        'name,amount,rate,vip,due,tags\n"Export, me",1200.5,0.15,true,2026-04-01,a;b\n',
      );
      const res = await rt.call("GET", exportUrl("csv"), viewer.token);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(res.headers["content-disposition"]).toBe('attachment; filename="lead.csv"');
      const bytes = res.rawPayload;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString("utf8").split("\r\n");
      expect(lines[0]).toBe(
        "id,stage,owner,createdAt,updatedAt,Name,Code,Amount,Rate,VIP,Due date,Region,Tags,Net",
      );
      const line = lines.find((l) => l.includes("Export, me"))!;
      expect(line).toMatch(
        /^[0-9a-f-]{36},,[0-9a-f-]{36},2026-11-23T09:00:00\.000Z,2026-11-23T09:00:00\.000Z,/,
      );
      expect(line).toContain('"Export, me",L-');
      expect(line.endsWith(",1200.5,0.15,true,2026-04-01,,a; b,2401")).toBe(true);
    });

    it("exports XLSX that reads back with the same header and values", async () => {
      const res = await rt.call("GET", exportUrl("xlsx"), member.token);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      expect(res.headers["content-disposition"]).toBe('attachment; filename="lead.xlsx"');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getRow(1).values).toEqual([
        undefined,
        "id",
        "stage",
        "owner",
        "createdAt",
        "updatedAt",
        "Name",
        "Code",
        "Amount",
        "Rate",
        "VIP",
        "Due date",
        "Region",
        "Tags",
        "Net",
      ]);
      const rows: unknown[][] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) rows.push(row.values as unknown[]);
      });
      const exported = rows.find((r) => r[6] === "Export, me")!;
      expect(exported.slice(8)).toEqual(["1200.5", "0.15", "true", "2026-04-01", undefined, "a; b", "2401"]);
    });

    it("exports subforms as JSON text", async () => {
      const created = await rt.call("POST", `/api/apps/${appId}/forms/order/records`, member.token, {
        data: { title: "O1", lines: [{ product: "Widget" }] },
      });
      expect(created.statusCode, created.body).toBe(201);
      const res = await rt.call("GET", exportUrl("csv", "order"), member.token);
      const text = res.rawPayload.subarray(3).toString("utf8");
      expect(text.split("\r\n")[0]).toBe("id,stage,owner,createdAt,updatedAt,Title,Lines,Ship to");
      expect(text).toContain('O1,"[{""product"":""Widget""}]",');
    });

    it("round-trips: an exported CSV and XLSX import again into the same data", async () => {
      const before = await rt.call("GET", exportUrl("csv"), member.token);
      const exportedRows =
        before.rawPayload
          .toString("utf8")
          .split("\r\n")
          .filter((l) => l !== "").length - 1;
      const { job } = await importOk("lead.csv", before.rawPayload);
      expect(job).toMatchObject({
        status: "succeeded",
        total: exportedRows,
        succeeded: exportedRows,
        failed: 0,
      });
      const copies = await list("Export, me");
      expect(copies).toHaveLength(2);
      const strip = (r: RecordBody) => ({ ...r.data, code: undefined });
      expect(strip(copies[1]!)).toEqual(strip(copies[0]!));
      const xlsx = await rt.call("GET", exportUrl("xlsx"), member.token);
      const again = await importOk("lead.xlsx", xlsx.rawPayload);
      expect(again.job).toMatchObject({ status: "succeeded", total: exportedRows * 2, failed: 0 });
      expect(await list("Export, me")).toHaveLength(4);
    });

    it("answers 400 naming /query/format, and 404 for another workspace or form", async () => {
      const res = await rt.call("GET", exportUrl("pdf"), member.token);
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors[0]!.path).toBe("/query/format");
      expect((await rt.call("GET", exportUrl("csv"), boss)).statusCode).toBe(404);
      expect((await rt.call("GET", exportUrl("csv", "nope"), member.token)).statusCode).toBe(404);
      expect((await rt.call("GET", exportUrl("csv"), null)).statusCode).toBe(401);
    });
  });
});

describe("import jobs and shutdown", () => {
  it("closing the server stops a running import between chunks and marks it failed", async () => {
    const rt = await startTestRuntime();
    const { workspaceId } = await whoIs(rt, rt.ownerToken);
    const appId = await installApp(rt.database.db, workspaceId, transferDefinition());
    const { body, headers } = multipartFile("many.csv", `name\n${"Row\n".repeat(250)}`);
    const res = await rt.call("POST", `/api/apps/${appId}/forms/lead/import`, rt.ownerToken, body, headers);
    expect(res.statusCode).toBe(202);
    const { jobId, total } = res.json<{ jobId: string; total: number }>();
    expect(total).toBe(250);
    await rt.app.close();
    const job = await rt.database.db
      .selectFrom("import_jobs")
      .selectAll()
      .where("id", "=", jobId)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe("failed");
    expect(job.processed).toBeLessThan(250);
    expect(job.results).toHaveLength(job.processed);
    expect(job.finished_at).not.toBeNull();
    await rt.database.close();
  });
});

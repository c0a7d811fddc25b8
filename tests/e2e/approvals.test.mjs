/* global fetch */
// End-to-end approvals: an admin sets an approval on a stage in the pipeline editor and publishes;
// a member moves a record into that stage and sees it waiting; the approver returns it once from
// the inbox with a comment, then approves; the record page shows the trail. The built UI in real
// Chromium against the real built server on PGlite (`pnpm build` first).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { launchBrowser } from "./browser.mjs";
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiSession, startServer } from "./server.mjs";

const SHOTS = process.env["SCREENSHOT_DIR"] ?? mkdtempSync(join(tmpdir(), "stagecraft-shots-"));
mkdirSync(SHOTS, { recursive: true });
const TIMEOUT = 20_000;
const REP = { email: "rep@example.com", password: "rep-password-e2e", name: "小王" };
const LEAD = { email: "lead@example.com", password: "lead-password-e2e", name: "李经理" };

let server;
let browser;
let page;
let admin;
let appId;
let recordId;
let lead;
let rep;

const t = (zh, en) => ({ zh, en });

/** A small purchase-request app: draft → review → done, no approval yet (the admin adds it in the UI). */
const definition = {
  id: "purchase-requests",
  name: t("采购申请", "Purchase requests"),
  forms: [
    {
      id: "request",
      name: t("采购申请", "Purchase request"),
      fields: [
        { id: "title", type: "text", label: t("事项", "Item"), required: true },
        { id: "amount", type: "money", label: t("金额", "Amount"), min: 0 },
      ],
      pipeline: {
        initial: "draft",
        stages: [
          { id: "draft", name: t("草稿", "Draft") },
          { id: "review", name: t("审核", "Review") },
          { id: "done", name: t("完成", "Done"), terminal: "won" },
        ],
      },
    },
  ],
  rules: [],
  settings: { timeZone: "Asia/Shanghai" },
};

async function shot(name) {
  await page.screenshot({ path: join(SHOTS, `approvals-${name}.png`), fullPage: true });
}

/** Sign in through the API as someone; answers a JSON fetch with their session. */
async function sessionOf(email, password) {
  const res = await fetch(`${server.base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const { token } = await res.json();
  return async (path, init = {}) => {
    const answer = await fetch(`${server.base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
    });
    const text = await answer.text();
    return { status: answer.status, body: text === "" ? null : JSON.parse(text) };
  };
}

/** Sign in through the login page (after dropping any earlier session). */
async function signIn(email, password) {
  await browser.context.clearCookies();
  await page.goto(`${server.base}/#/login`);
  await page.locator("#email").waitFor();
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.locator("button[type=submit]").click();
  await page.locator("#email").waitFor({ state: "detached" });
}

before(async () => {
  server = await startServer();
  admin = await apiSession(server.base);
  const leadUser = await admin("/api/users", {
    method: "POST",
    body: JSON.stringify({ ...LEAD, role: "member" }),
  });
  const repUser = await admin("/api/users", {
    method: "POST",
    body: JSON.stringify({ ...REP, role: "member", managerId: leadUser.id }),
  });
  const app = await admin("/api/apps", { method: "POST", body: JSON.stringify({ definition }) });
  appId = app.id;
  for (const user of [leadUser, repUser]) {
    await admin(`/api/apps/${appId}/members`, { method: "POST", body: JSON.stringify({ userId: user.id }) });
  }
  lead = await sessionOf(LEAD.email, LEAD.password);
  rep = await sessionOf(REP.email, REP.password);
  const created = await rep(`/api/apps/${appId}/forms/request/records`, {
    method: "POST",
    body: JSON.stringify({ data: { title: "办公电脑 3 台", amount: 18000 } }),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  recordId = created.body.id;
  browser = await launchBrowser({ locale: "zh-CN" });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  console.log(`screenshots: ${SHOTS}`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("an admin requires approval to enter a stage in the pipeline editor and publishes", async () => {
  await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto(`${server.base}/#/apps/${appId}/build`);
  await page.getByRole("tab", { name: "流程" }).click();
  await page.getByRole("button", { name: "阶段：审核" }).click();
  const settings = page.getByTestId("stage-settings");
  await settings.getByRole("button", { name: "审批" }).click();
  await settings.getByRole("switch", { name: "需要审批" }).click();
  // The default step: the owner's manager, any one approves. Give it a due time as well.
  await settings.getByRole("switch", { name: "处理期限" }).click();
  await shot("01-editor-zh");
  await page
    .getByRole("button", { name: /发\s*布/ })
    .first()
    .click();
  await page.getByRole("button", { name: "确认发布" }).click();
  await page.getByText("已发布第 2 版").waitFor();
  const published = await admin(`/api/apps/${appId}`);
  const review = published.definition.forms[0].pipeline.stages.find((stage) => stage.id === "review");
  assert.deepEqual(review.approval, {
    on: "enter",
    steps: [
      {
        id: review.approval.steps[0].id,
        approvers: [{ type: "manager" }],
        mode: "any",
        due: { after: { amount: 2, unit: "working_days" }, onOverdue: "remind" },
      },
    ],
  });
});

/** Drag the record's card on the board into the review column. */
async function dragToReview() {
  await page.goto(`${server.base}/#/apps/${appId}/forms/request/board`);
  const card = page.locator('[data-stage="draft"] [data-card]', { hasText: "办公电脑 3 台" });
  await card.waitFor();
  const from = await card.boundingBox();
  const to = await page.locator('[data-stage="review"]').boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
  await page.mouse.up();
}

test("a member moves the record into the stage and sees it waiting for approval", async () => {
  await signIn(REP.email, REP.password);
  await dragToReview();
  await page.getByText("「办公电脑 3 台」进入「审核」需要审批，正在等待审批").waitFor();
  await page.locator("[data-card]", { hasText: "办公电脑 3 台" }).getByText("等待审批").waitFor();
  await shot("02-board-waiting-zh");
  await page.goto(`${server.base}/#/apps/${appId}/forms/request/records/${recordId}`);
  const approvals = page.getByTestId("record-approvals");
  await approvals.getByText("等待审批：移至“审核”").waitFor();
  await approvals.getByText(`待处理：${LEAD.name}`).waitFor();
  const record = await rep(`/api/apps/${appId}/forms/request/records/${recordId}`);
  assert.equal(record.body.stage, "draft", "the record waits in its stage until approved");
});

test("the approver returns it from the inbox with a comment, then approves the next request", async () => {
  await signIn(LEAD.email, LEAD.password);
  await page.goto(`${server.base}/#/inbox`);
  let item = page.locator("[data-testid^=inbox-item-]", { hasText: "办公电脑 3 台" });
  await item.getByText("进入“审核”的审批").waitFor();
  await item.getByText(`${REP.name} 于`).waitFor();
  await item.getByRole("textbox", { name: "审批意见" }).fill("请补充报价单");
  await shot("03-inbox-zh");
  // The only stage before "review" is the default choice of the return.
  await item.getByRole("button", { name: /退\s*回/ }).click();
  await page.getByText("没有待处理的审批").waitFor();
  let approvals = (await lead(`/api/approvals?recordId=${recordId}`)).body.items;
  assert.deepEqual(
    approvals.map((approval) => [approval.status, approval.returnTo]),
    [["returned", "draft"]],
  );

  // The member asks again (through the API: the board was shown above); a member outside the
  // approval cannot decide it.
  const current = await rep(`/api/apps/${appId}/forms/request/records/${recordId}`);
  const moved = await rep(`/api/apps/${appId}/forms/request/records/${recordId}/transition`, {
    method: "POST",
    headers: { "if-match": `"${current.body.version}"` },
    body: JSON.stringify({ to: "review" }),
  });
  assert.equal(moved.status, 202, JSON.stringify(moved.body));
  const refused = await rep(`/api/approvals/${moved.body.approvalId}/decision`, {
    method: "POST",
    body: JSON.stringify({ decision: "approve" }),
  });
  assert.equal(refused.status, 403);

  await page.getByRole("button", { name: /刷\s*新/ }).click();
  item = page.locator(`[data-testid="inbox-item-${moved.body.approvalId}"]`);
  await item.getByRole("textbox", { name: "审批意见" }).fill("报价已补，同意采购");
  await item.getByRole("button", { name: /同\s*意/ }).click();
  await page.getByText("没有待处理的审批").waitFor();
  const record = await lead(`/api/apps/${appId}/forms/request/records/${recordId}`);
  assert.equal(record.body.stage, "review");
});

test("the record page shows the approval trail: requests, decisions, comments, who and when", async () => {
  await page.goto(`${server.base}/#/apps/${appId}/forms/request/records/${recordId}`);
  const approvals = page.getByTestId("record-approvals");
  await approvals.locator(".ant-tag", { hasText: "已同意" }).waitFor();
  await approvals.locator(".ant-tag", { hasText: "已退回" }).waitFor();
  await approvals.getByText("“报价已补，同意采购”").waitFor();
  await approvals.getByText("“请补充报价单”").waitFor();
  await approvals.getByText("退回到“草稿”").waitFor();
  assert.equal(await approvals.getByText("等待审批：移至“审核”").count(), 0);
  const actions = await approvals
    .locator("[data-trail]")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-trail")));
  // Newest approval first, each trail oldest first.
  assert.deepEqual(actions, ["requested", "approve", "requested", "return"]);
  const trail = await approvals.innerText();
  assert.match(trail, new RegExp(`同意\\s+${LEAD.name} · `));
  assert.match(trail, new RegExp(`提交审批\\s+${REP.name} · `));
  // The record's history names each approval event too.
  await page.getByText("审批 · 退回").waitFor();
  await page.getByText("审批 · 同意").waitFor();
  await shot("04-record-trail-zh");
  await page.getByText("English", { exact: true }).click();
  await approvals.getByText("back to “Draft”").waitFor();
  await approvals.locator(".ant-tag", { hasText: "Approved" }).waitFor();
  await shot("05-record-trail-en");
  await page.getByText("中文", { exact: true }).click();
});

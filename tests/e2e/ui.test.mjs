// End-to-end: the built UI in real Chromium against the real built server on PGlite.
// Run with `pnpm test:e2e` after `pnpm build`. Screenshots go to SCREENSHOT_DIR (default: a temp dir).
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

let server;
let browser;
let page;
let appId;

async function shot(name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Pick an option of the antd Select whose input has `id`. */
async function choose(id, optionText) {
  await page.locator(`#${id}`).click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: optionText })
    .first()
    .click();
}

/** A value for every always-required field of a form (set-up data, written through the API). */
function requiredValues(form, userId) {
  const samples = {
    text: "示例",
    textarea: "示例",
    number: 1,
    money: 1,
    percent: 0.5,
    boolean: true,
    date: "2027-01-01",
    user: userId,
    phone: "13800000000",
    email: "someone@example.com",
  };
  const data = {};
  for (const field of form.fields) {
    if (field.required !== true || field.visibleWhen !== undefined) continue;
    if (field.type === "select") data[field.id] = field.options[0].value;
    else if (field.type === "multiselect") data[field.id] = [field.options[0].value];
    else if (field.type in samples) data[field.id] = samples[field.type];
  }
  return data;
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser({ locale: "zh-CN" });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  console.log(`screenshots: ${SHOTS}`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("signs in and installs a template from the gallery, in Chinese by default", async () => {
  await page.goto(`${server.base}/`);
  await page
    .getByRole("button", { name: "登 录" })
    .or(page.getByRole("button", { name: "登录" }))
    .waitFor();
  await shot("01-login-zh");
  await page.fill("#email", ADMIN_EMAIL);
  await page.fill("#password", "wrong-password");
  await page.locator("button[type=submit]").click();
  await page.getByText("邮箱或密码不正确").waitFor();
  await page.fill("#password", ADMIN_PASSWORD);
  await page.locator("button[type=submit]").click();
  const card = page.locator('[data-template="sales-plan"]');
  await card.waitFor();
  await card.getByText("适用场景").waitFor();
  await shot("02-gallery-zh");
  await card.getByRole("button", { name: /预览/ }).click();
  await page.locator(".ant-drawer").getByText("商机").first().waitFor();
  await page.keyboard.press("Escape");
  await card.getByRole("button", { name: /使用此模板/ }).click();
  await page.waitForURL(/#\/apps\/[^/]+\/forms\/[^/]+$/);
  appId = decodeURIComponent(new URL(page.url()).hash.split("/")[2]);
  assert.ok(appId, "the install opened the new app");
  await page.getByRole("tab", { name: "商机" }).waitFor();
});

test("fills a generated form: conditional field, live formula, server error mapped inline", async () => {
  const call = await apiSession(server.base);
  const me = await call("/api/me");
  const app = await call(`/api/apps/${appId}`);
  const customerForm = app.definition.forms.find((form) => form.id === "customer");
  const data = requiredValues(customerForm, me.id);
  data.customer_name = "杭州云帆科技";
  await call(`/api/apps/${appId}/forms/customer/records`, { method: "POST", body: JSON.stringify({ data }) });

  // A follow-up shows its "content" field only once it is done.
  await page.goto(`${server.base}/#/apps/${appId}/forms/follow_up/new`);
  await page.locator("#field-status").waitFor();
  assert.equal(await page.locator("#field-content").count(), 0);
  await choose("field-status", "已完成");
  await page.locator("#field-content").waitFor();
  await choose("field-status", "计划中");
  await page.locator("#field-content").waitFor({ state: "detached" });

  // A deal: the weighted amount follows the amount as it is typed (10 % at the first stage).
  await page.goto(`${server.base}/#/apps/${appId}/forms/deal/new`);
  await page.locator("#field-deal_name").fill("云帆 CRM 升级");
  await choose("field-customer", "杭州云帆科技");
  await choose("field-owner", "admin");
  await page.locator("#field-amount").fill("120000");
  await page.locator('[data-field="weighted_amount"] output').filter({ hasText: "12,000.00" }).waitFor();
  await choose("field-deal_type", "新签");
  await shot("03-deal-form-zh");

  // Left empty on purpose: the server refuses, and its error lands under the field.
  await page.getByRole("button", { name: /提\s*交/ }).click();
  const closeDate = page.locator('[data-field="expected_close_date"] [role="alert"]');
  await closeDate.getByText("此项必填").waitFor();
  await page.locator(".ant-alert-error").getByText("有 1 项需要修改，见上方标红的字段").waitFor();
  await shot("04-deal-form-server-error-zh");
  await page.locator("#field-expected_close_date").click();
  await page.locator("#field-expected_close_date").fill("2027-03-31");
  await page.locator('.ant-picker-dropdown:visible td[title="2027-03-31"]').click();
  await closeDate.waitFor({ state: "detached" });
  await page.getByRole("button", { name: /提\s*交/ }).click();
  await page.waitForURL(/\/board$/);
});

test("drags a card on the board and is told exactly what the stage still needs", async () => {
  const card = page.locator("[data-card]", { hasText: "云帆 CRM 升级" });
  await card.waitFor();
  const target = page.locator('[data-stage="needs_confirmed"]');
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // Past the 5 px activation distance, then over the target column, in steps as a hand moves.
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
  await page.mouse.up();
  const refusal = page.locator(".move-refused");
  await refusal.waitFor();
  const text = await refusal.innerText();
  for (const label of ["需求概要", "决策人", "客户预算"]) assert.match(text, new RegExp(label));
  await shot("05-board-refused-zh");
  // The card stayed where it was.
  await page.locator('[data-stage="initial_contact"] [data-card]', { hasText: "云帆 CRM 升级" }).waitFor();
});

test("switches the interface to English and back", async () => {
  await page.getByText("English", { exact: true }).click();
  await page.getByRole("tab", { name: "Deal" }).waitFor();
  await page.getByText("Board", { exact: true }).waitFor();
  // The board's refusal is kept as data and re-worded in the new language.
  await page.locator(".move-refused").getByText("Fill in “Needs summary”").waitFor();
  await shot("06-board-en");
  await page.goto(`${server.base}/#/apps/${appId}/forms/deal/new`);
  await page.getByText("Weighted amount").waitFor();
  await shot("07-deal-form-en");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByText("Weighted amount").waitFor();
  await shot("08-deal-form-phone-en");
  await page.getByText("中文", { exact: true }).click();
  await page.getByText("加权金额").waitFor();
  await shot("09-deal-form-phone-zh");
  await page.setViewportSize({ width: 1366, height: 900 });
});

// End-to-end: the form builder in real Chromium against the real built server on PGlite. An admin
// installs a template, drags a new field onto a form, makes it required, publishes after reading the
// impact report, then fills the generated form as an end user. Run after `pnpm build`.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser } from "./browser.mjs";
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiSession, startServer } from "./server.mjs";

const TIMEOUT = 20_000;
const LABEL = { zh: "客户来源渠道", en: "Lead channel" };

let server;
let browser;
let page;
let appId;
let fieldId;

before(async () => {
  server = await startServer();
  browser = await launchBrowser({ locale: "zh-CN" });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(TIMEOUT);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Press at the centre of `from`, then move as a hand does: past the 5 px activation, then in steps to `to`. */
async function drag(from, to) {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  assert.ok(start && end, "both ends of the drag are on screen");
  const x = start.x + start.width / 2;
  const y = start.y + start.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 8, y + 4, { steps: 3 });
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 15 });
  // One more small move over the target, so collision detection sees the pointer settled there.
  await page.mouse.move(end.x + end.width / 2 + 2, end.y + end.height / 2, { steps: 2 });
  await page.mouse.up();
}

test("an admin installs a template from the gallery", async () => {
  await page.goto(`${server.base}/`);
  await page.fill("#email", ADMIN_EMAIL);
  await page.fill("#password", ADMIN_PASSWORD);
  await page.locator("button[type=submit]").click();
  const card = page.locator('[data-template="telesales"]');
  await card.getByRole("button", { name: /使用此模板/ }).click();
  await page.waitForURL(/#\/apps\/[^/]+\/forms\/[^/]+$/);
  appId = decodeURIComponent(new URL(page.url()).hash.split("/")[2]);
  assert.ok(appId, "the install opened the new app");
});

test("drags a field from the palette onto the form, makes it required and publishes it", async () => {
  await page
    .getByRole("link", { name: /搭建/ })
    .or(page.getByRole("button", { name: /搭建/ }))
    .click();
  await page.waitForURL(/#\/apps\/[^/]+\/build$/);
  const canvas = page
    .getByRole("list", { name: "表单设计" })
    .or(page.locator('[data-testid="end-zone-form"]'));
  await canvas.first().waitFor();
  const endZone = page.locator('[data-testid="end-zone-form"]');
  await endZone.scrollIntoViewIfNeeded();
  const before = await page.locator('[data-testid^="field-card-"]').count();

  await drag(page.locator('[data-field-type="text"]'), endZone);

  await page.locator('[data-testid^="field-card-"]').nth(before).waitFor();
  assert.equal(await page.locator('[data-testid^="field-card-"]').count(), before + 1);
  // The dropped field is selected: the property panel names its id.
  const panel = page.locator('[data-testid="property-panel"]');
  fieldId = (await panel.locator("h5 code").innerText()).trim();
  const last = page.locator('[data-testid^="field-card-"]').nth(before);
  assert.equal(await last.getAttribute("data-testid"), `field-card-${fieldId}`, "it landed at the end");

  await panel.getByLabel("字段名称 (中文)").fill(LABEL.zh);
  await panel.getByLabel("字段名称 (英文)").fill(LABEL.en);
  await panel.getByRole("switch", { name: "必填" }).click();
  await page.locator(`[data-testid="field-card-${fieldId}"]`).getByText(LABEL.zh).waitFor();

  await page.getByRole("button", { name: "发布", exact: true }).click();
  // The impact report comes first: the new field, and how many existing records it touches.
  const dialog = page.locator('[data-testid="publish-dialog"]');
  await dialog.getByText(`新增字段「${LABEL.zh}」`, { exact: false }).waitFor();
  await page.getByText(/发布为第 \d+ 版/).waitFor();
  await page.getByRole("button", { name: "确认发布" }).click();
  await dialog.getByText(/已发布第 \d+ 版/).waitFor();

  const call = await apiSession(server.base);
  const app = await call(`/api/apps/${appId}`);
  const field = app.definition.forms[0].fields.find((f) => f.id === fieldId);
  assert.deepEqual(
    { type: field?.type, label: field?.label, required: field?.required },
    { type: "text", label: LABEL, required: true },
  );
});

test("an end user fills the generated form: the server's refusal lands on the new field", async () => {
  const call = await apiSession(server.base);
  const app = await call(`/api/apps/${appId}`);
  const formId = app.definition.forms[0].id;
  await page.goto(`${server.base}/#/apps/${appId}/forms/${formId}/new`);
  await page.reload();
  await page.locator(`#field-${fieldId}`).waitFor();
  await page.locator("#field-name").fill("王晓明");
  await page.locator("#field-phone").fill("13800138000");
  await page.locator("#field-campaign").fill("双十一回访");
  await page.getByRole("button", { name: /提\s*交/ }).click();

  const error = page.locator(`[data-field="${fieldId}"] [role="alert"]`);
  await error.getByText("此项必填").waitFor();
  await page.locator(".ant-alert-error").getByText("有 1 项需要修改，见上方标红的字段").waitFor();
  const none = await call(`/api/apps/${appId}/forms/${formId}/records`);
  assert.equal(none.items.length, 0, "nothing was saved");

  await page.locator(`#field-${fieldId}`).fill("老客户转介绍");
  await error.waitFor({ state: "detached" });
  await page.getByRole("button", { name: /提\s*交/ }).click();
  await page.waitForURL(/\/board$/);
  const saved = await call(`/api/apps/${appId}/forms/${formId}/records`);
  assert.equal(saved.items.length, 1);
  assert.equal(saved.items[0].data[fieldId], "老客户转介绍");
  assert.equal(saved.items[0].data.name, "王晓明");
});

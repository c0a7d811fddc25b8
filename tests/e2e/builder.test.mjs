// End-to-end: the builder in real Chromium against the real built server on PGlite. An admin installs
// a template, drags a new field onto a form, makes it required and visible only for one product,
// publishes after reading the impact report; an end user fills the generated form and watches the
// field come and go. The admin then drags a new stage into the pipeline with a required field; the
// end user's card is refused there until the record is completed; the dashboard counts the record.
// Screenshots of each screen, in Chinese and in English, go to SCREENSHOT_DIR (default: a temp dir).
// Run after `pnpm build`.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, test } from "node:test";
import { launchBrowser } from "./browser.mjs";
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiSession, startServer } from "./server.mjs";

const SHOTS = process.env["SCREENSHOT_DIR"] ?? mkdtempSync(join(tmpdir(), "stagecraft-shots-"));
mkdirSync(SHOTS, { recursive: true });
const TIMEOUT = 20_000;
const LABEL = { zh: "客户来源渠道", en: "Lead channel" };
const STAGE = { zh: "资格确认", en: "Qualified" };
const PROSPECT = "王晓明";
const VISIBLE_WHEN = { and: [{ "==": [{ var: "product_interest" }, "insurance"] }] };

/** Set up through the API (not the point of this file): a count KPI of prospects on a dashboard of its own. */
const KPI = {
  id: "prospects_added",
  name: { zh: "新增外呼名单", en: "Prospects added" },
  form: "prospect",
  measure: { type: "count" },
  format: "number",
  better: "higher",
  goal: { type: "fixed", value: 10 },
};
const DASHBOARD = {
  id: "prospect_progress",
  name: { zh: "名单进展", en: "Prospect progress" },
  period: "month",
  widgets: [
    { id: "added", type: "number", kpi: KPI.id, layout: { x: 0, y: 0, w: 4, h: 2 } },
    {
      id: "by_stage",
      type: "funnel",
      form: "prospect",
      title: { zh: "名单阶段分布", en: "Prospects by stage" },
      layout: { x: 4, y: 0, w: 8, h: 4 },
    },
  ],
};

let server;
let browser;
let page;
let call;
let appId;
let formId;
let fieldId;
let stageId;
let recordId;

before(async () => {
  server = await startServer();
  call = await apiSession(server.base);
  browser = await launchBrowser({ locale: "zh-CN" });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  console.log(`screenshots: ${SHOTS}`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function shot(name) {
  // Let lists and charts finish their entry animations.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SHOTS, `builder-${name}.png`), fullPage: true });
}

/** Wait until no antd dropdown is open (a closing one would catch the next pick's clicks). */
async function dropdownsClosed() {
  const deadline = Date.now() + TIMEOUT;
  while ((await page.locator(".ant-select-dropdown:visible").count()) > 0) {
    assert.ok(Date.now() < deadline, "a dropdown stayed open");
    await sleep(50);
  }
}

/** Open an antd Select and pick the option titled `title`, scrolling its virtual list to reach it. */
async function pick(combobox, title) {
  await dropdownsClosed();
  // Forced: the chosen value's label lies over the select's input, and either opens it.
  await combobox.click({ force: true });
  const dropdown = page.locator(".ant-select-dropdown:visible");
  await dropdown.first().waitFor();
  const option = dropdown.locator(`.ant-select-item-option[title="${title}"]`);
  let scrolled = false;
  for (let i = 0; i < 20 && (await option.count()) === 0; i += 1) {
    await dropdown.locator("[class*=list-holder]").first().hover();
    await page.mouse.wheel(0, 120);
    await sleep(50);
    scrolled = true;
  }
  // Let the virtual list settle, or the click may land on the row that scrolls under the pointer.
  if (scrolled) await sleep(300);
  await option.first().click();
  await dropdownsClosed();
}

/** Pick an option of the generated form's select whose input has `id`. */
async function choose(id, optionText) {
  await pick(page.locator(`#${id}`), optionText);
}

/** Press at the centre of `from`, then move as a hand does: past the 5 px activation, then in steps to `to`. */
async function drag(from, to) {
  await from.waitFor();
  await to.waitFor();
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

/** Open a hash route, reloading so the page reads the latest published definition. */
async function open(hash) {
  await page.goto(`${server.base}/#${hash}`);
  await page.reload();
}

/** Publish from the builder's toolbar after reading the impact report; answers the version. */
async function publish(expectedChange) {
  await page.getByRole("button", { name: "发布", exact: true }).click();
  const dialog = page.locator('[data-testid="publish-dialog"]');
  await dialog.getByText(expectedChange, { exact: false }).waitFor();
  await page.getByText(/发布为第 \d+ 版/).waitFor();
  await page.getByRole("button", { name: "确认发布" }).click();
  const done = await dialog.getByText(/已发布第 \d+ 版/).innerText();
  await page.keyboard.press("Escape");
  return Number(/\d+/.exec(done)?.[0]);
}

test("an admin installs a template from the gallery", async () => {
  await page.goto(`${server.base}/`);
  await page.fill("#email", ADMIN_EMAIL);
  await page.fill("#password", ADMIN_PASSWORD);
  await page.locator("button[type=submit]").click();
  const card = page.locator('[data-template="telesales"]');
  await card.getByText("适用场景").waitFor();
  await shot("01-gallery-zh");
  await card.getByRole("button", { name: /使用此模板/ }).click();
  await page.waitForURL(/#\/apps\/[^/]+\/forms\/[^/]+$/);
  appId = decodeURIComponent(new URL(page.url()).hash.split("/")[2]);
  assert.ok(appId, "the install opened the new app");

  const app = await call(`/api/apps/${appId}`);
  const definition = app.definition;
  formId = definition.forms[0].id;
  assert.equal(formId, "prospect");
  definition.kpis = [...(definition.kpis ?? []), KPI];
  definition.dashboards = [DASHBOARD, ...(definition.dashboards ?? [])];
  await call(`/api/apps/${appId}/draft`, { method: "PUT", body: JSON.stringify({ definition }) });
});

test("drags a field onto the form, makes it required, shows it only for one product, publishes", async () => {
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

  // Visible only when the product of interest is insurance: field → operator → value, from menus.
  const visibility = panel.getByTestId("visibility-editor");
  await visibility.getByRole("button", { name: /添加条件$/ }).click();
  await pick(visibility.getByRole("combobox", { name: "字段", exact: true }), "意向产品");
  await pick(visibility.getByRole("combobox", { name: "条件", exact: true }), "不等于");
  await pick(visibility.getByRole("combobox", { name: "条件", exact: true }), "等于");
  await pick(visibility.getByRole("combobox", { name: "值", exact: true }), "保险");
  await visibility.getByTestId("condition-line").getByTitle("保险", { exact: true }).waitFor();
  await shot("02-form-builder-zh");

  const version = await publish(`新增字段「${LABEL.zh}」`);
  assert.equal(version, 2);
  const app = await call(`/api/apps/${appId}`);
  const field = app.definition.forms[0].fields.find((f) => f.id === fieldId);
  assert.deepEqual(
    { type: field?.type, label: field?.label, required: field?.required, visibleWhen: field?.visibleWhen },
    { type: "text", label: LABEL, required: true, visibleWhen: VISIBLE_WHEN },
  );
  // The KPI and dashboard put in the draft were published with it.
  assert.ok(app.definition.kpis.some((kpi) => kpi.id === KPI.id));
});

test("an end user sees the field come and go, and the server's refusal lands on it", async () => {
  await open(`/apps/${appId}/forms/${formId}/new`);
  await page.locator("#field-name").waitFor();
  assert.equal(await page.locator(`#field-${fieldId}`).count(), 0, "hidden until insurance is chosen");
  await choose("field-product_interest", "保险");
  await page.locator(`#field-${fieldId}`).waitFor();
  await choose("field-product_interest", "课程");
  await page.locator(`#field-${fieldId}`).waitFor({ state: "detached" });
  await choose("field-product_interest", "保险");
  await page.locator(`#field-${fieldId}`).waitFor();

  await page.locator("#field-name").fill(PROSPECT);
  await page.locator("#field-phone").fill("13800138000");
  await page.locator("#field-campaign").fill("双十一回访");
  await page.getByRole("button", { name: /提\s*交/ }).click();

  const error = page.locator(`[data-field="${fieldId}"] [role="alert"]`);
  await error.getByText("此项必填").waitFor();
  await page.locator(".ant-alert-error").getByText("有 1 项需要修改，见上方标红的字段").waitFor();
  await shot("03-record-form-error-zh");
  const none = await call(`/api/apps/${appId}/forms/${formId}/records`);
  assert.equal(none.items.length, 0, "nothing was saved");

  await page.locator(`#field-${fieldId}`).fill("老客户转介绍");
  await error.waitFor({ state: "detached" });
  await page.getByRole("button", { name: /提\s*交/ }).click();
  await page.waitForURL(/\/board$/);
  const saved = await call(`/api/apps/${appId}/forms/${formId}/records`);
  assert.equal(saved.items.length, 1);
  const record = saved.items[0];
  assert.equal(record.data[fieldId], "老客户转介绍");
  assert.equal(record.data.product_interest, "insurance");
  assert.equal(record.data.name, PROSPECT);
  assert.equal(record.stage, "to_call");
  recordId = record.id;
});

test("the admin drags a new stage between two columns, requires a field there, and publishes", async () => {
  await open(`/apps/${appId}/build`);
  await page.getByRole("tab", { name: "流程" }).click();
  const columns = page.getByRole("list", { name: "流程阶段" });
  await columns.waitFor();
  const before = await columns.getByRole("button", { name: /^阶段：/ }).count();

  await drag(page.getByTestId("new-stage-chip"), page.getByTestId("stage-contacted"));

  // The new stage took the place of the column it was dropped on, and its settings are open.
  await columns
    .getByRole("button", { name: /^阶段：/ })
    .nth(before)
    .waitFor();
  const settings = page.getByTestId("stage-settings");
  await settings.getByRole("textbox", { name: "阶段名称 (中文)" }).fill(STAGE.zh);
  await settings.getByRole("textbox", { name: "阶段名称 (英文)" }).fill(STAGE.en);
  // A multiple choice searches its labels as one types: pick the one match with Enter, close with Escape.
  const requires = settings.getByRole("combobox", { name: "进入前必须填写" });
  await requires.click({ force: true });
  await requires.fill("意向说明");
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="意向说明"]').waitFor();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await columns
    .getByRole("button", { name: `阶段：${STAGE.zh}` })
    .getByText("必填 1 项")
    .waitFor();
  const order = await columns
    .getByRole("button", { name: /^阶段：/ })
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("aria-label")));
  assert.deepEqual(order.slice(0, 3), ["阶段：待拨打", `阶段：${STAGE.zh}`, "阶段：已接通"]);
  await shot("04-pipeline-editor-zh");

  const version = await publish(`新增阶段「${STAGE.zh}」`);
  assert.equal(version, 3);
  const app = await call(`/api/apps/${appId}`);
  const stages = app.definition.forms[0].pipeline.stages;
  assert.equal(stages.length, before + 1);
  const added = stages[1];
  stageId = added.id;
  assert.deepEqual(
    { before: stages[0].id, name: added.name, requires: added.requires, after: stages[2].id },
    { before: "to_call", name: STAGE, requires: ["interest_note"], after: "contacted" },
  );
});

test("the end user's card is refused at the new stage until the record is completed", async () => {
  await open(`/apps/${appId}/forms/${formId}/board`);
  const target = page.locator(`[data-stage="${stageId}"]`);
  await target.getByText(STAGE.zh).waitFor();
  const card = page.locator('[data-stage="to_call"] [data-card]', { hasText: PROSPECT });
  await drag(card, target);
  const refusal = page.locator(".move-refused");
  await refusal.getByText(`「${PROSPECT}」还不能进入「${STAGE.zh}」`, { exact: false }).waitFor();
  await refusal.getByText("填写「意向说明」").waitFor();
  await shot("05-board-refused-zh");
  // The card stayed where it was.
  await page.locator('[data-stage="to_call"] [data-card]', { hasText: PROSPECT }).waitFor();

  await refusal.getByRole("link", { name: "打开记录补全信息" }).click();
  await page.waitForURL(new RegExp(`/records/${recordId}$`));
  await page.locator("#field-interest_note").fill("关注保险搭配稳健理财，周末方便沟通");
  await page.getByRole("button", { name: /保存修改/ }).click();
  await page.getByText("版本 2").first().waitFor();
  await shot("06-record-zh");

  await page.goto(`${server.base}/#/apps/${appId}/forms/${formId}/board`);
  await drag(page.locator('[data-stage="to_call"] [data-card]', { hasText: PROSPECT }), target);
  await target.locator("[data-card]", { hasText: PROSPECT }).waitFor();
  assert.equal(await page.locator(".move-refused").count(), 0);
  await shot("07-board-moved-zh");
  const record = await call(`/api/apps/${appId}/forms/${formId}/records/${recordId}`);
  assert.equal(record.stage, stageId);
});

test("the dashboard counts the records just created", async () => {
  await open(`/apps/${appId}/build`);
  await page.getByRole("tab", { name: "仪表盘" }).click();
  const widget = page.getByTestId("widget-added");
  await widget.getByText(KPI.name.zh).waitFor();
  const value = widget.locator(".ant-statistic-content-value");
  await value.waitFor();
  const records = await call(`/api/apps/${appId}/forms/${formId}/records`);
  assert.equal(records.items.length, 1);
  assert.equal((await value.innerText()).trim(), String(records.items.length));
  await widget.getByText("目标 10", { exact: false }).waitFor();
  await shot("08-dashboard-zh");
});

test("the same screens in English", async () => {
  // The shell's language switch (the builder has none of its own when the shell hosts it).
  assert.equal(await page.getByText("English", { exact: true }).count(), 1);
  await page.getByText("English", { exact: true }).click();
  await page.getByRole("tab", { name: "Dashboards" }).waitFor();
  await page.getByTestId("widget-added").getByText(KPI.name.en).waitFor();
  await shot("08-dashboard-en");

  await page.getByRole("tab", { name: "Forms" }).click();
  await page.locator(`[data-testid="field-card-${fieldId}"] [role="button"]`).first().click();
  await page
    .locator('[data-testid="property-panel"]')
    .getByText("Product of interest", { exact: true })
    .filter({ visible: true })
    .waitFor();
  await shot("02-form-builder-en");

  await page.getByRole("tab", { name: "Pipeline" }).click();
  await page
    .getByRole("button", { name: `Stage: ${STAGE.en}` })
    .getByText(STAGE.en, { exact: true })
    .click();
  await page.locator(`[aria-label="Stage: ${STAGE.en}"][aria-pressed="true"]`).waitFor();
  await page.getByTestId("stage-settings").getByText("Fields required to enter").waitFor();
  await shot("04-pipeline-editor-en");

  await page.goto(`${server.base}/#/apps/${appId}/forms/${formId}/board`);
  await page.locator(`[data-stage="${stageId}"] [data-card]`, { hasText: PROSPECT }).waitFor();
  await page.getByText(STAGE.en, { exact: true }).first().waitFor();
  await shot("07-board-en");

  await page.goto(`${server.base}/#/apps/${appId}/forms/${formId}/records/${recordId}`);
  await page.getByText("version 3").first().waitFor();
  await shot("06-record-en");

  await page.goto(`${server.base}/#/apps/${appId}/forms/${formId}/new`);
  await choose("field-product_interest", "Insurance");
  await page.getByText(LABEL.en).waitFor();
  await shot("03-record-form-en");

  await page.goto(`${server.base}/#/`);
  await page.locator('[data-template="telesales"]').waitFor();
  await shot("01-gallery-en");
  await page.getByText("中文", { exact: true }).click();
  await page.locator('[data-template="telesales"]').getByText("适用场景").waitFor();
});

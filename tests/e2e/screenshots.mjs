// Regenerates the README screenshots (zh interface, the structured-sales template with its demo data):
// `pnpm build && node tests/e2e/screenshots.mjs`. Writes PNGs to docs/screenshots/ (or SCREENSHOT_DIR).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "./browser.mjs";
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiSession, startServer } from "./server.mjs";

const OUT =
  process.env["SCREENSHOT_DIR"] ?? fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
const TEMPLATE = "structured-sales";
const BOARD_FORM = "deal";

const server = await startServer();
const browser = await launchBrowser({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
try {
  mkdirSync(OUT, { recursive: true });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(30_000);
  const shot = async (name) => {
    // Let charts and lists finish their entry animations.
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`wrote ${join(OUT, `${name}.png`)}`);
  };

  const call = await apiSession(server.base);
  const app = await call("/api/apps", {
    method: "POST",
    body: JSON.stringify({ templateId: TEMPLATE, withDemoData: true }),
  });

  await page.goto(`${server.base}/`);
  await page.fill("#email", ADMIN_EMAIL);
  await page.fill("#password", ADMIN_PASSWORD);
  await page.locator("button[type=submit]").click();
  await page.locator(`[data-template="${TEMPLATE}"]`).getByText("适用场景").waitFor();
  await shot("gallery");

  await page.goto(`${server.base}/#/apps/${app.id}/forms/${BOARD_FORM}/board`);
  await page.locator("[data-card]").first().waitFor();
  await shot("board");

  await page.goto(`${server.base}/#/apps/${app.id}/build`);
  await page.getByRole("combobox", { name: "选择表单" }).first().click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .getByText("商机", { exact: true })
    .click();
  const card = page.locator('[data-testid="field-card-stage_owner"]');
  await card.waitFor();
  await card.locator('[role="button"]').first().click();
  await page.locator('[data-testid="property-panel"] h5').waitFor();
  await shot("form-builder");

  await page.getByRole("tab", { name: "仪表盘" }).click();
  await page.locator('[data-testid^="widget-"]').getByText("%").first().waitFor();
  await page.waitForTimeout(1500);
  await shot("dashboard");
} finally {
  await browser.close();
  await server.stop();
}

/* global window, document, location, performance, requestAnimationFrame, MutationObserver, HTMLInputElement, setTimeout -- the page.evaluate callbacks run in the browser */
// Browser benchmark of the generated form: a 300-field form rendered by the built UI in real
// Chromium against the real server. Run with `pnpm bench:ui` (builds first). Prints the figures and
// rewrites the UI section of BENCHMARKS.md.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { launchBrowser } from "../e2e/browser.mjs";
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiSession, startServer } from "../e2e/server.mjs";

const FIELDS = 300;
const RENDER_RUNS = Number(process.env["UI_BENCH_RUNS"] ?? 7);
const KEYSTROKES = Number(process.env["UI_BENCH_KEYS"] ?? 40);

/** A form of 300 fields: numbers feeding 20 formulas, texts, selects, dates, and conditional fields. */
function wideDefinition() {
  const l = (text) => ({ zh: text, en: text });
  const fields = [];
  const numbers = [];
  for (let i = 1; fields.length < FIELDS - 20; i++) {
    const kind = i % 5;
    const id = `f${i}`;
    if (kind === 0 || kind === 1) {
      fields.push({ id, type: "number", label: l(`Number ${i}`), width: "half" });
      numbers.push(id);
    } else if (kind === 2) {
      fields.push({ id, type: "text", label: l(`Text ${i}`), maxLength: 200, width: "half" });
    } else if (kind === 3) {
      fields.push({
        id,
        type: "select",
        label: l(`Choice ${i}`),
        options: [
          { value: "a", label: l("A") },
          { value: "b", label: l("B") },
        ],
        width: "third",
      });
    } else {
      fields.push({
        id,
        type: "date",
        label: l(`Date ${i}`),
        width: "third",
        visibleWhen: { "!==": [{ var: `f${i - 1}` }, "b"] },
      });
    }
  }
  for (let k = 0; k < 20; k++) {
    const group = numbers.slice(k * 5, k * 5 + 5);
    fields.push({
      id: `sum${k + 1}`,
      type: "formula",
      label: l(`Sum ${k + 1}`),
      resultType: "number",
      expression: { "+": group.map((id) => ({ coalesce: [{ var: id }, 0] })) },
      width: "third",
    });
  }
  return { id: "wide-bench", name: l("Wide form"), forms: [{ id: "wide", name: l("Wide"), fields }] };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const p95 = (values) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];
const ms = (value) => value.toFixed(1);

const server = await startServer();
const browser = await launchBrowser({ locale: "en-US" });
try {
  const call = await apiSession(server.base);
  const app = await call("/api/apps", {
    method: "POST",
    body: JSON.stringify({ definition: wideDefinition() }),
  });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(60_000);
  await page.goto(`${server.base}/`);
  await page.fill("#email", ADMIN_EMAIL);
  await page.fill("#password", ADMIN_PASSWORD);
  await page.locator("button[type=submit]").click();
  await page.locator("[data-template]").first().waitFor();

  const list = `#/apps/${app.id}/forms/wide`;
  const form = `${list}/new`;
  const lastId = "field-sum20";
  const renders = [];
  const firstPaints = [];
  for (let run = 0; run < RENDER_RUNS; run++) {
    await page.evaluate((hash) => (location.hash = hash), list);
    await page.locator(".ant-table").waitFor();
    // From the route change to the first frame after the last of the 300 fields is in the DOM.
    const [first, all] = await page.evaluate(
      ({ hash, firstId, lastId: id }) =>
        new Promise((resolve) => {
          const start = performance.now();
          let firstAt = 0;
          location.hash = hash;
          const check = () => {
            if (firstAt === 0 && document.getElementById(firstId)) firstAt = performance.now() - start;
            if (document.getElementById(id))
              requestAnimationFrame(() => resolve([firstAt, performance.now() - start]));
            else requestAnimationFrame(check);
          };
          check();
        }),
      { hash: form, firstId: "field-f1", lastId },
    );
    firstPaints.push(first);
    renders.push(all);
  }

  /** Keystroke to the next frame after `selector` changed (the input itself, or a formula it feeds). */
  async function keystrokes(inputId, selector) {
    await page.locator(`#${inputId}`).click();
    const times = [];
    for (let i = 0; i < KEYSTROKES; i++) {
      // Arm the watchers first (awaited), then type, then collect what they measured.
      await page.evaluate((watched) => {
        const target = document.querySelector(watched);
        if (!target) throw new Error(`nothing matches ${watched}`);
        window.__keystroke = new Promise((resolve) => {
          let downAt = 0;
          const done = () => {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - downAt));
          };
          // A formula's output changes its text; a typed input only its value (an input event).
          const observer = new MutationObserver(done);
          if (target instanceof HTMLInputElement) target.addEventListener("input", done, { once: true });
          else observer.observe(target, { subtree: true, childList: true, characterData: true });
          window.addEventListener("keydown", (event) => (downAt = event.timeStamp), {
            once: true,
            capture: true,
          });
        });
      }, selector);
      // A digit, then Backspace: every keystroke changes the value (and the sum it feeds).
      await page.keyboard.press(i % 2 === 1 ? "Backspace" : String(((i / 2) % 9) + 1));
      const measured = await page.evaluate(() =>
        Promise.race([window.__keystroke, new Promise((resolve) => setTimeout(() => resolve(null), 10_000))]),
      );
      if (measured === null) {
        await page.screenshot({ path: `${process.env["TMPDIR"] ?? "/tmp"}/ui-bench-stuck.png` });
        throw new Error(`no change of ${selector} within 10 s of a keystroke`);
      }
      times.push(measured);
    }
    return times;
  }
  const formulaTimes = await keystrokes("field-f1", '[data-field="sum1"] output');
  const textTimes = await keystrokes("field-f2", "#field-f2");
  const fieldCount = await page.locator("[data-field]").count();

  const rows = [
    ["open the 300-field form: first fields on screen", firstPaints],
    ["open the 300-field form: all 300 fields mounted and painted", renders],
    ["keystroke → formula updated and painted", formulaTimes],
    ["keystroke in a text field → painted", textTimes],
  ];
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}, Chromium headless`;
  const table = [
    "| case | runs | median (ms) | p95 (ms) | max (ms) |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...rows.map(
      ([name, values]) =>
        `| ${name} | ${values.length} | ${ms(median(values))} | ${ms(p95(values))} | ${ms(Math.max(...values))} |`,
    ),
  ];
  console.log(table.join("\n"));
  console.log(`fields on screen: ${fieldCount}`);

  const section = [
    "<!-- ui:start -->",
    "## Browser UI (generated form in Chromium)",
    "",
    "Command: `pnpm bench:ui` (builds, then `node tests/bench/ui-bench.mjs`: the built server on PGlite and",
    "the built UI in headless Chromium through playwright-core).",
    `Machine: ${machine}. Run: ${new Date().toISOString().slice(0, 10)}.`,
    `The form has ${FIELDS} fields (112 numbers, 56 texts, 56 selects, 56 dates shown only while the select`,
    "before them is not B, 20 formulas each summing 5 numbers), on the half/third-width grid.",
    "The form mounts its fields 60 per animation frame, so its top is usable before the rest is mounted.",
    "Keystroke times run from the browser's keydown timestamp to the first animation frame after the DOM",
    "changed; each keystroke recomputes formulas, visibility and the engine's validation of the whole form.",
    "",
    ...table,
    "<!-- ui:end -->",
  ].join("\n");
  const file = new URL("../../BENCHMARKS.md", import.meta.url);
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const next = /<!-- ui:start -->[\s\S]*<!-- ui:end -->/.test(current)
    ? current.replace(/<!-- ui:start -->[\s\S]*<!-- ui:end -->/, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
} finally {
  await browser.close();
  await server.stop();
}

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "@stagecraft/runtime-api/testing";

interface Summary {
  id: string;
  name: { zh: string; en: string };
  summary: { zh: string; en: string };
  whenToUse: { zh: string; en: string };
  limitations: { zh: string; en: string };
  limitationSource: string;
  tags: string[];
  counts: { forms: number; stages: number; rules: number; kpis: number };
  hasDemoData: boolean;
}

/** Every template id TEMPLATES.md lists: the flagship and the 24 management styles (§B). */
const CATALOGUE_IDS = [
  "sales-plan",
  "structured-sales",
  "agile-sales",
  "customer-tiering",
  "data-driven",
  "team-collaboration",
  "goal-oriented",
  "process-control",
  "customer-lifecycle",
  "region-industry",
  "product-line",
  "project-based",
  "key-account-management",
  "channel-sales",
  "automated-sales",
  "social-media-sales",
  "telesales",
  "event-marketing",
  "joint-selling",
  "incentive-driven",
  "training-growth",
  "customer-experience",
  "lean-sales",
  "cross-department",
  "digital-sales",
];

// GET /api/templates lists the whole catalogue, in its order, with complete metadata.
describe("the template catalogue", () => {
  let rt: TestRuntime;
  let list: Summary[];
  beforeAll(async () => {
    rt = await startTestRuntime();
    list = (await rt.call("GET", "/api/templates", rt.ownerToken)).json<Summary[]>();
  });
  afterAll(async () => {
    await rt.close();
  });

  it("lists every template of the catalogue, in its order", () => {
    expect(list.map((t) => t.id)).toEqual(CATALOGUE_IDS);
  });

  it.each(CATALOGUE_IDS)("%s has its names, summary, when to use and limitation in zh and en", (id) => {
    const t = list.find((s) => s.id === id);
    for (const text of [t?.name, t?.summary, t?.whenToUse, t?.limitations]) {
      expect(text?.zh.trim()).not.toBe("");
      expect(text?.en.trim()).not.toBe("");
      // Chinese is the primary language: the zh text is Chinese, not a copy of the English.
      expect(text?.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(["seed", "inferred"]).toContain(t?.limitationSource);
    expect(t?.tags.length).toBeGreaterThan(0);
    expect(t?.counts.forms).toBeGreaterThanOrEqual(2);
    expect(t?.counts.stages).toBeGreaterThan(0);
    expect(t?.counts.rules).toBeGreaterThan(0);
    expect(t?.counts.kpis).toBeGreaterThan(0);
    expect(t?.hasDemoData).toBe(true);
  });

  it("marks the limitations the seed states and the ones that are ours as TEMPLATES.md does", () => {
    const spec = readFileSync(new URL("../../../shared/TEMPLATES.md", import.meta.url), "utf8");
    for (const id of CATALOGUE_IDS.slice(1)) {
      const section = spec.slice(spec.indexOf(`\`${id}\``));
      const limitation = /\*\*Limitation(†| \(seed\))\*\*/.exec(section)?.[1];
      expect([id, list.find((t) => t.id === id)?.limitationSource]).toEqual([
        id,
        limitation === "†" ? "inferred" : "seed",
      ]);
    }
  });

  it("lists the recommended combinations with templates that all exist", async () => {
    const combos = (await rt.call("GET", "/api/template-combinations", rt.ownerToken)).json<
      { id: string; templateIds: string[] }[]
    >();
    expect(combos.map((c) => c.id)).toContain("sales-plan-core");
    for (const combo of combos) for (const id of combo.templateIds) expect(CATALOGUE_IDS).toContain(id);
  });
});
